#pragma once

#include <QList>
#include <QString>

namespace escale::config {

// Every configuration key Escale knows: the one typed table that the loader, the
// documentation test and (later) the settings dialog read. Canonical names come first;
// aliases include every spelling Escale 0.7 accepted.
enum class KeyId
{
    // repository keys
    LocalPath,
    Protocol,
    RelayAddress,
    RelayPath,
    Port,
    User,
    Password,
    ClientName,
    Mode,
    PushOnly,
    PullOnly,
    Encryption,
    Passphrase,
    DiskQuota,
    Pullers,
    Refresh,
    FastWindow,
    Retention,
    ArchiveRetention,
    ChunkSize,
    DeleteThreshold,
    Include,
    Exclude,
    FileExtension,
    IncludeDirectories,
    ExcludeDirectories,
    HiddenFiles,
    TemporaryFiles,
    Checksum,
    VerifySsl,
    SslVersion,
    CaCertificate,
    Certificate,
    PrivateKey,
    CertificateFingerprint,
    HostKey,
    KnownHosts,
    ImplicitTls,
    Transfers,
    BandwidthUp,
    BandwidthDown,
    Timeout,
    Retries,
    Region,
    UrlStyle,
    RcloneBinary,
    RcloneConfig,
    StateDir,
    Maintainer,
    AlertDelay,
    // global keys
    LogFile,
    LogLevel,
    LogRotate,
    LogSize,
    Language,
    Notifications,
    // accepted for compatibility with Escale 0.7, without effect (a warning says why)
    Ignored,
    // accepted by Escale 0.7, refused now (an error says what replaces it)
    Removed,
};

enum class KeyScope
{
    Repository,
    Global
};

struct KeyDefinition
{
    KeyId id;
    KeyScope scope;
    QString name; // canonical
    QList<QString> aliases;
    QString note; // Ignored/Removed: why, and what to do instead; English, shown as trc("config", note)
};

const QList<KeyDefinition>& allKeys();

// A key by its id (for Ignored and Removed, the first of them); nullptr for none.
const KeyDefinition* keyDefinition(KeyId id);

// Looks a normalised key up (see IniDocument::normaliseKey); nullptr when unknown.
const KeyDefinition* findKey(const QString& normalisedKey);

// The known name closest to an unknown key, for "did you mean" hints; empty if none is close.
QString closestKeyName(const QString& normalisedKey);

} // namespace escale::config
