#pragma once

#include "config/ConfigDiagnostic.h"
#include "config/RelayAddress.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <QtGlobal>
#include <optional>

namespace escale::config {

enum class SyncMode
{
    Shared,       // send and receive
    Upload,       // send only: local files are never written
    Download,     // receive only: local files are never sent
    Conservative, // send and receive, but never overwrite a file this machine changed
};

enum class Encryption
{
    Off,
    Aes256Gcm,
    ChaCha20Poly1305
};

enum class LogLevel
{
    Debug,
    Info,
    Warning,
    Error,
    Critical
};

// Where a secret (password, passphrase) comes from. Secrets never live in the INI itself
// except as a discouraged literal kept for Escale 0.7 compatibility.
struct SecretSource
{
    enum class Kind
    {
        None,    // not configured: the keychain, then the environment, are asked at run time
        File,    // read from this file (0600 recommended)
        Literal, // written in the configuration (warned about)
    };
    Kind kind = Kind::None;
    QString value; // file path for File, the secret itself for Literal

    bool operator==(const SecretSource&) const = default;
};

QString syncModeName(SyncMode mode);
QString encryptionName(Encryption encryption);
QString logLevelName(LogLevel level);
// "debug", "info", "warning" (or "warn"), "error", "critical", any case; std::nullopt otherwise.
std::optional<LogLevel> parseLogLevel(const QString& text);

struct RepositoryConfig
{
    QString name; // the [section] name
    int line = 0; // line of the section header

    QString localPath;
    RelayAddress relay;
    QString user;
    SecretSource password;
    QString clientName;
    SyncMode mode = SyncMode::Shared;

    Encryption encryption = Encryption::Off;
    SecretSource passphrase;

    std::optional<qint64> diskQuota; // bytes; unset: unlimited
    int pullers = 0;                 // 0: every registered client that receives the file
    qint64 refreshMs = 30'000;
    qint64 fastWindowMs = 120'000; // polls at least once a second this long after activity
    qint64 retentionMs = 30LL * 24 * 3600 * 1000;
    qint64 archiveRetentionMs = 30LL * 24 * 3600 * 1000;
    qint64 chunkSize = 8LL * 1024 * 1024;
    // Deletions in one pass above this many files, or this share of the tracked files, wait
    // for confirmation (0 = that limit is off).
    int deleteThresholdPercent = 50;
    int deleteThresholdCount = 0;

    QStringList include;
    QStringList exclude;
    QStringList fileExtensions;
    QStringList includeDirectories;
    QStringList excludeDirectories;
    bool hiddenFiles = true;     // names starting with '.' (Escale 0.7 never synced them)
    bool temporaryFiles = false; // editors' and systems' temporary files (sync::PathFilter::temporaryPatterns)

    bool verifySsl = true;
    QString caCertificate;
    QString certificate;
    QString privateKey;
    QString tlsMinimum;                 // empty: TLS 1.2
    QByteArray pinnedCertificateSha256; // trust-on-first-use pin of a self-signed certificate
    QByteArray hostKeySha256;           // SFTP host key pin
    QString knownHosts;
    std::optional<bool> implicitTls; // FTPS: TLS from the first byte (unset: on port 990)

    int transfers = 4;
    qint64 bandwidthUp = 0;   // bytes/s, 0 = unlimited
    qint64 bandwidthDown = 0; // bytes/s, 0 = unlimited
    qint64 timeoutMs = 60'000;
    int retries = 5;

    QString s3Region = QStringLiteral("us-east-1");
    QString s3UrlStyle = QStringLiteral("auto"); // auto, path or virtual
    QString rcloneBinary;
    QString rcloneConfig;

    QString stateDir; // where this repository's state database lives

    // Who gets an e-mail (through the system's sendmail) when the repository stops, or stays in
    // error longer than `alertDelayMs`, and when it works again. Empty: nobody.
    QStringList maintainers;
    qint64 alertDelayMs = 30LL * 60 * 1000;
    // Not a configuration key: the file the section was read from (absolute; empty when it did
    // not come from a file). A client that follows its repository to a new relay writes the new
    // address there.
    QString configFile;

    // Not a configuration key: a file modified less than this long ago is taken as still
    // being written and left for a later pass (0 with --once, which takes files as they are).
    qint64 settleMs = 1000;
    // Not a configuration key: deletions wait until no more files disappeared for this long (-1:
    // three times settleMs). Tests set it to play Escale's wait on files taken as they are.
    qint64 deletionQuietMs = -1;
    // Not a configuration key: the scan keeps files of up to this many bytes for the push (-1:
    // 64 KiB), and cuts files of at least `scanCutsFrom` bytes into blobs (-1: 1 MiB). Tests set
    // them to have small files read again by the push, or cut by the scan.
    qint64 scanKeepsUpTo = -1;
    qint64 scanCutsFrom = -1;
    // Not a configuration key: at most this many folders watched (-1: as many as the system
    // allows). Tests use it to play a system out of watches.
    int watchLimit = -1;
    // Not a configuration key: false watches the folder without close-after-write events (Qt's
    // watcher, as where inotify is not there). Tests use it to play such a system.
    bool closeEvents = true;
    // Not a configuration key: false never asks the relay for change notifications (a folder
    // relay's watched heads/), as on a network file system. Tests use it.
    bool relayNotifications = true;
    // Not a configuration key: log2 of scrypt's N for a new encrypted repository (17 in use;
    // tests lower it to stay fast).
    int kdfLogN = 17;
};

struct GlobalConfig
{
    QString logFile;
    LogLevel logLevel = LogLevel::Info;
    int logRotate = 3;
    qint64 logSize = 1024 * 1024;
    QString stateDir; // base folder for state databases (key 'state dir', alias 'cache dir')
    QString language = QStringLiteral("auto"); // of the desktop application: auto (the system's), en or fr
    bool notifications = true;                 // the desktop application's notifications
};

struct Config
{
    QString path; // the file as named by the user
    GlobalConfig global;
    QList<RepositoryConfig> repositories;

    const RepositoryConfig* repository(const QString& name) const;
    // The repository whose folder holds `path` (absolute, or relative to the current folder; the
    // deepest folder when repositories nest), and the path relative to that folder; nullptr if
    // none does.
    const RepositoryConfig* holding(const QString& path, QString* relative = nullptr) const;
};

} // namespace escale::config
