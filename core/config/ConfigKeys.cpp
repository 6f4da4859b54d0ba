#include "config/ConfigKeys.h"

#include "Tr.h"

#include <QHash>
#include <algorithm>

namespace escale::config {

namespace {

KeyDefinition repo(KeyId id, const char* name, std::initializer_list<const char*> aliases = {})
{
    KeyDefinition d{id, KeyScope::Repository, QString::fromLatin1(name), {}, {}};
    for (const char* a : aliases)
        d.aliases.append(QString::fromLatin1(a));
    return d;
}

KeyDefinition global(KeyId id, const char* name)
{
    return KeyDefinition{id, KeyScope::Global, QString::fromLatin1(name), {}, {}};
}

KeyDefinition ignored(std::initializer_list<const char*> names, const char* note,
                      KeyScope scope = KeyScope::Repository)
{
    KeyDefinition d{KeyId::Ignored, scope, QString(), {}, QString::fromLatin1(note)};
    for (const char* n : names) {
        if (d.name.isEmpty())
            d.name = QString::fromLatin1(n);
        else
            d.aliases.append(QString::fromLatin1(n));
    }
    return d;
}

QList<KeyDefinition> buildTable()
{
    QList<KeyDefinition> t;
    t << repo(KeyId::LocalPath, "local path", {"path"}) << repo(KeyId::Protocol, "protocol")
      << repo(KeyId::RelayAddress, "relay address", {"host address", "remote address", "address"})
      << repo(KeyId::RelayPath, "relay path",
              {"relay directory", "relay dir", "host directory", "host dir", "host path", "remote directory",
               "remote dir", "remote path", "directory", "dir"})
      << repo(KeyId::Port, "port", {"host port", "relay port", "remote port"})
      << repo(KeyId::User, "user", {"auth user", "host user", "relay user", "remote user"})
      << repo(KeyId::Password, "password", {"secret file", "secret", "credential"})
      << repo(KeyId::ClientName, "client name", {"client"})
      << repo(KeyId::Mode, "mode", {"synchronization mode", "synchronisation mode"})
      << repo(KeyId::PushOnly, "push only", {"read only"})
      << repo(KeyId::PullOnly, "pull only", {"write only"}) << repo(KeyId::Encryption, "encryption")
      << repo(KeyId::Passphrase, "passphrase", {"key"}) << repo(KeyId::DiskQuota, "disk quota", {"quota"})
      << repo(KeyId::Pullers, "pullers", {"puller count"}) << repo(KeyId::Refresh, "refresh")
      << repo(KeyId::FastWindow, "fast window")
      << repo(KeyId::Retention, "retention") << repo(KeyId::ArchiveRetention, "archive retention")
      << repo(KeyId::ChunkSize, "chunk size", {"split size", "min split size", "split"})
      << repo(KeyId::DeleteThreshold, "delete threshold")
      << repo(KeyId::Include, "include", {"include files", "pattern", "filter"})
      << repo(KeyId::Exclude, "exclude", {"exclude files"})
      << repo(KeyId::FileExtension, "file extension", {"file extensions", "file type"})
      << repo(KeyId::IncludeDirectories, "include directories", {"include directory"})
      << repo(KeyId::ExcludeDirectories, "exclude directories", {"exclude directory"})
      << repo(KeyId::HiddenFiles, "hidden files") << repo(KeyId::TemporaryFiles, "temporary files")
      << repo(KeyId::Checksum, "checksum", {"hash algorithm"})
      << repo(KeyId::VerifySsl, "verify ssl") << repo(KeyId::SslVersion, "ssl version")
      << repo(KeyId::CaCertificate, "ca certificate", {"ca file"})
      << repo(KeyId::Certificate, "certificate", {"certfile", "cert file"})
      << repo(KeyId::PrivateKey, "private key", {"keyfile", "key file"})
      << repo(KeyId::CertificateFingerprint, "certificate fingerprint") << repo(KeyId::HostKey, "host key")
      << repo(KeyId::KnownHosts, "known hosts")
      << repo(KeyId::ImplicitTls, "implicit tls", {"implicit ftps"}) << repo(KeyId::Transfers, "transfers")
      << repo(KeyId::BandwidthUp, "bandwidth limit up") << repo(KeyId::BandwidthDown, "bandwidth limit down")
      << repo(KeyId::Timeout, "timeout") << repo(KeyId::Retries, "retries", {"max retries"})
      << repo(KeyId::Region, "region") << repo(KeyId::UrlStyle, "url style")
      << repo(KeyId::RcloneBinary, "rclone binary") << repo(KeyId::RcloneConfig, "rclone config")
      << repo(KeyId::StateDir, "state dir", {"cache dir", "cache"})
      << repo(KeyId::Maintainer, "maintainer", {"email"}) << repo(KeyId::AlertDelay, "alert delay") << global(KeyId::LogFile, "log file")
      << global(KeyId::LogLevel, "log level") << global(KeyId::LogRotate, "log rotate")
      << global(KeyId::LogSize, "log size") << global(KeyId::Language, "language")
      << global(KeyId::Notifications, "notifications");

    t << ignored({"modification time", "timestamp", "mtime"},
                 QT_TRANSLATE_NOOP("config",
                                   "Escale always records modification times and decides by content hashes"))
      << ignored(
             {"index", "compact"},
             QT_TRANSLATE_NOOP(
                 "config", "the relay format of Escale 1 replaces index pages (see docs/relay-format.md)"))
      << ignored(
             {"maxpagesize", "maxarchivesize"},
             QT_TRANSLATE_NOOP(
                 "config",
                 "the relay format of Escale 1 replaces index pages; big files are split by 'chunk size'"))
      << ignored({"checksum cache"},
                 QT_TRANSLATE_NOOP("config", "hashes are always cached in the state database"))
      << ignored({"pull overwrite"},
                 QT_TRANSLATE_NOOP("config", "concurrent changes are always detected and both versions kept"))
      << ignored({"verbosity", "verbosity level"}, QT_TRANSLATE_NOOP("config", "use 'log level'"))
      << ignored(
             {"allow page deletion", "page deletion"},
             QT_TRANSLATE_NOOP(
                 "config",
                 "index pages no longer exist; mass deletions wait for confirmation ('delete threshold')"))
      << ignored({"priority"}, QT_TRANSLATE_NOOP("config", "uploads and downloads run in parallel"))
      << ignored({"upload max wait"},
                 QT_TRANSLATE_NOOP("config", "uploads wait for relay space on their own"))
      << ignored({"max pending transfers"}, QT_TRANSLATE_NOOP("config", "use 'transfers' and 'disk quota'"))
      << ignored({"retry on error", "retryonerror"},
                 QT_TRANSLATE_NOOP("config", "errors are retried automatically, with back-off"))
      << ignored({"lock timeout"}, QT_TRANSLATE_NOOP("config", "Escale 1 takes no locks on the relay"))
      << ignored({"keep alive"},
                 QT_TRANSLATE_NOOP("config", "repositories are retried automatically after errors"),
                 KeyScope::Global)
      << ignored({"client count", "homogeneous clients", "upload count"},
                 QT_TRANSLATE_NOOP("config", "written by the Escale 0.7 wizard, never read"));

    KeyDefinition drive{KeyId::Removed,
                        KeyScope::Repository,
                        QStringLiteral("drive binary"),
                        {},
                        QString::fromLatin1(QT_TRANSLATE_NOOP(
                            "config", "the 'drive' tool is no longer supported: configure Google Drive "
                                      "as an rclone remote and use 'relay address = rclone://REMOTE/path'"))};
    t << drive;
    return t;
}

int editDistance(const QString& a, const QString& b)
{
    QList<int> prev(b.size() + 1), cur(b.size() + 1);
    for (qsizetype j = 0; j <= b.size(); ++j)
        prev[j] = int(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        cur[0] = int(i);
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int cost = a.at(i - 1) == b.at(j - 1) ? 0 : 1;
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
        }
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

} // namespace

const QList<KeyDefinition>& allKeys()
{
    static const QList<KeyDefinition> table = buildTable();
    return table;
}

const KeyDefinition* keyDefinition(KeyId id)
{
    for (const KeyDefinition& d : allKeys())
        if (d.id == id)
            return &d;
    return nullptr;
}

const KeyDefinition* findKey(const QString& normalisedKey)
{
    static const QHash<QString, const KeyDefinition*> index = [] {
        QHash<QString, const KeyDefinition*> h;
        for (const KeyDefinition& d : allKeys()) {
            h.insert(d.name, &d);
            for (const QString& a : d.aliases)
                h.insert(a, &d);
        }
        return h;
    }();
    return index.value(normalisedKey, nullptr);
}

QString closestKeyName(const QString& normalisedKey)
{
    QString best;
    int bestDistance = 3; // suggest only close spellings
    for (const KeyDefinition& d : allKeys()) {
        if (d.id == KeyId::Ignored || d.id == KeyId::Removed)
            continue;
        QList<QString> names = d.aliases;
        names.prepend(d.name);
        for (const QString& n : names) {
            const int dist = editDistance(normalisedKey, n);
            if (dist < bestDistance) {
                bestDistance = dist;
                best = d.name;
            }
        }
    }
    return best;
}

} // namespace escale::config
