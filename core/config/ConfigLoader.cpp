#include "config/ConfigLoader.h"

#include "Tr.h"
#include "config/ConfigKeys.h"
#include "config/IniDocument.h"
#include "config/Paths.h"
#include "config/Units.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QSysInfo>

namespace escale::config {

namespace {

constexpr qint64 kMiB = 1024 * 1024;
constexpr qint64 kSecondMs = 1000;
constexpr qint64 kDayMs = 24LL * 3600 * 1000;
constexpr qint64 kMaxConfigBytes = 1024 * 1024;

struct Value
{
    const KeyDefinition* def = nullptr;
    QString key; // normalised, as the user spelled it
    QString value;
    int line = 0;
};

using Values = QHash<KeyId, Value>;

// What a repository's keys say beyond the typed fields, for the checks across keys.
struct RepositoryExtras
{
    std::optional<bool> pushOnly;
    std::optional<bool> pullOnly;
    bool modeSet = false;
};

QString unquote(const QString& s)
{
    const QString t = s.trimmed();
    if (t.size() >= 2 && ((t.startsWith(QLatin1Char('"')) && t.endsWith(QLatin1Char('"'))) ||
                          (t.startsWith(QLatin1Char('\'')) && t.endsWith(QLatin1Char('\'')))))
        return t.mid(1, t.size() - 2);
    return t;
}

class Loader
{
public:
    Loader(QString fileName, QString baseDir, ConfigDiagnostics& diagnostics)
        : m_file(std::move(fileName))
        , m_baseDir(std::move(baseDir))
        , m_diag(diagnostics)
    {}

    Config run(const IniDocument& doc);

private:
    void error(int line, const QString& key, const QString& message)
    {
        add(ConfigDiagnostic::Severity::Error, line, key, message);
    }
    void warning(int line, const QString& key, const QString& message)
    {
        add(ConfigDiagnostic::Severity::Warning, line, key, message);
    }
    void add(ConfigDiagnostic::Severity severity, int line, const QString& key, const QString& message)
    {
        const ConfigDiagnostic d{severity, m_file, line, key, message};
        for (const ConfigDiagnostic& existing : std::as_const(m_diag))
            if (existing.severity == d.severity && existing.line == d.line && existing.key == d.key &&
                existing.message == d.message)
                return; // defaults are checked once per section; report them once
        m_diag.append(d);
    }

    Values collect(const IniDocument::Section& section, bool isDefaults);
    void applyGlobal(GlobalConfig& g, const Value& v);
    bool applyRepository(RepositoryConfig& r, const Value& v, RepositoryExtras& extras);
    std::optional<RepositoryConfig> buildRepository(const IniDocument::Section& section,
                                                    const Values& defaults);
    QString resolvePath(const QString& value) const;
    std::optional<QString> existingFile(const Value& v);
    SecretSource secret(const Value& v);
    bool checkFilters(const Value& v, const QStringList& patterns);

    QString m_file;
    QString m_baseDir;
    ConfigDiagnostics& m_diag;
};

} // namespace

namespace {

QString Loader::resolvePath(const QString& value) const
{
    const QString t = expandHome(unquote(value));
    if (t.isEmpty() || QDir::isAbsolutePath(t))
        return t.isEmpty() ? t : QDir::cleanPath(t);
    return QDir::cleanPath(m_baseDir + QLatin1Char('/') + t);
}

std::optional<QString> Loader::existingFile(const Value& v)
{
    const QString path = resolvePath(v.value);
    if (path.isEmpty())
        return QString();
    const QFileInfo info(path);
    if (!info.exists()) {
        error(v.line, v.key, trc("config", "file '%1' not found").arg(path));
        return std::nullopt;
    }
    if (!info.isFile()) {
        error(v.line, v.key, trc("config", "'%1' is not a file").arg(path));
        return std::nullopt;
    }
    return path;
}

SecretSource Loader::secret(const Value& v)
{
    const QString text = unquote(v.value);
    if (text.isEmpty())
        return {};
    const QString path = resolvePath(text);
    const QFileInfo info(path);
    if (info.isFile()) {
        if (info.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther))
            warning(v.line, v.key,
                    trc("config", "'%1' can be read by other users: run 'chmod 600 %1'").arg(path));
        return SecretSource{SecretSource::Kind::File, path};
    }
    const bool looksLikePath = text.startsWith(QLatin1Char('/')) || text.startsWith(QLatin1Char('~')) ||
                               text.startsWith(QLatin1String("./"));
    if (looksLikePath) {
        error(v.line, v.key, trc("config", "file '%1' not found").arg(path));
        return {};
    }
    warning(v.line, v.key,
            trc("config", "written in clear in the configuration: keep it in the keychain, or in a file "
                          "readable only by you ('%1 = /path/to/file')")
                .arg(v.def->name));
    return SecretSource{SecretSource::Kind::Literal, text};
}

bool Loader::checkFilters(const Value& v, const QStringList& patterns)
{
    for (const QString& p : patterns) {
        if (p.size() >= 2 && p.startsWith(QLatin1Char('/')) && p.endsWith(QLatin1Char('/'))) {
            const QRegularExpression re(p.mid(1, p.size() - 2));
            if (!re.isValid()) {
                error(v.line, v.key,
                      trc("config", "invalid regular expression '%1': %2").arg(p, re.errorString()));
                return false;
            }
        }
    }
    return true;
}

Values Loader::collect(const IniDocument::Section& section, bool isDefaults)
{
    Values values;
    for (const IniDocument::Entry& e : section.entries) {
        const KeyDefinition* def = findKey(e.key);
        if (!def) {
            const QString hint = closestKeyName(e.key);
            warning(e.line, e.key,
                    hint.isEmpty() ? trc("config", "unknown key, ignored (see docs/configuration.md)")
                                   : trc("config", "unknown key, ignored; did you mean '%1'?").arg(hint));
            continue;
        }
        if (def->id == KeyId::Ignored) {
            warning(e.line, e.key,
                    trc("config", "no longer used, ignored: %1")
                        .arg(trc("config", def->note.toUtf8().constData())));
            continue;
        }
        if (def->id == KeyId::Removed) {
            error(
                e.line, e.key,
                trc("config", "no longer supported: %1").arg(trc("config", def->note.toUtf8().constData())));
            continue;
        }
        if (def->scope == KeyScope::Global && !isDefaults) {
            warning(e.line, e.key,
                    trc("config", "a global setting: move it before the first section; ignored here"));
            continue;
        }
        if (auto it = values.constFind(def->id); it != values.constEnd()) {
            error(e.line, e.key,
                  trc("config", "set twice in the same section (first as '%1' at line %2)")
                      .arg(it->key)
                      .arg(it->line));
            continue;
        }
        values.insert(def->id, Value{def, e.key, e.value, e.line});
    }
    return values;
}

void Loader::applyGlobal(GlobalConfig& g, const Value& v)
{
    QString err;
    switch (v.def->id) {
    case KeyId::LogFile: {
        const QString path = resolvePath(v.value);
        if (path.isEmpty())
            error(v.line, v.key, trc("config", "expected a file path, got nothing"));
        else
            g.logFile = path;
        break;
    }
    case KeyId::LogLevel: {
        if (const auto level = parseLogLevel(v.value))
            g.logLevel = *level;
        else
            error(v.line, v.key,
                  trc("config", "expected debug, info, warning, error or critical, got '%1'").arg(v.value));
        break;
    }
    case KeyId::LogRotate:
        if (const auto n = parseInteger(v.value, 0, 100, err))
            g.logRotate = int(*n);
        else
            error(v.line, v.key, err);
        break;
    case KeyId::Language: {
        const QString t = v.value.trimmed().toLower();
        if (t == QLatin1String("auto") || t == QLatin1String("en") || t == QLatin1String("fr"))
            g.language = t;
        else
            error(v.line, v.key, trc("config", "expected auto, en or fr, got '%1'").arg(v.value));
        break;
    }
    case KeyId::Notifications:
        if (const auto b = parseBool(v.value, err))
            g.notifications = *b;
        else
            error(v.line, v.key, err);
        break;
    case KeyId::LogSize:
        if (const auto n = parseSize(v.value, kMiB, err); n && *n >= 64 * 1024)
            g.logSize = *n;
        else
            error(v.line, v.key, n ? trc("config", "must be at least 64KB, got '%1'").arg(v.value) : err);
        break;
    default:
        break;
    }
}

bool Loader::applyRepository(RepositoryConfig& r, const Value& v, RepositoryExtras& extras)
{
    QString err;
    const QString text = v.value.trimmed();
    auto fail = [&](const QString& message) {
        error(v.line, v.key, message);
        return false;
    };
    auto setBool = [&](bool& field) {
        if (const auto b = parseBool(text, err)) {
            field = *b;
            return true;
        }
        return fail(err);
    };
    auto setCount = [&](int& field, qint64 min, qint64 max) {
        if (const auto n = parseInteger(text, min, max, err)) {
            field = int(*n);
            return true;
        }
        return fail(err);
    };
    auto setList = [&](QStringList& field) {
        field = parseList(v.value);
        return checkFilters(v, field);
    };
    auto setBandwidth = [&](qint64& field) {
        const QString lower = text.toLower();
        if (lower == QLatin1String("off") || lower == QLatin1String("none") ||
            lower == QLatin1String("unlimited") || lower == QLatin1String("0")) {
            field = 0;
            return true;
        }
        if (const auto n = parseSize(text, kMiB, err)) {
            field = *n;
            return true;
        }
        return fail(err);
    };
    auto setFingerprint = [&](QByteArray& field) {
        if (const auto fp = parseFingerprint(text)) {
            field = *fp;
            return true;
        }
        return fail(trc("config", "expected a SHA-256 fingerprint such as SHA256:base64... or 64 hex digits, "
                                  "got '%1'")
                        .arg(text));
    };

    switch (v.def->id) {
    case KeyId::LocalPath: {
        const QString path = expandHome(unquote(v.value));
        if (path.isEmpty())
            return fail(trc("config", "expected the folder to synchronise, got nothing"));
        if (!QDir::isAbsolutePath(path))
            return fail(trc("config", "expected an absolute folder path, got '%1'").arg(path));
        r.localPath = QDir::cleanPath(path);
        return true;
    }
    case KeyId::Protocol:
    case KeyId::RelayAddress:
    case KeyId::RelayPath:
    case KeyId::Port:
        return true; // assembled together in buildRepository()
    case KeyId::User:
        r.user = text;
        return true;
    case KeyId::Password:
        r.password = secret(v);
        return true;
    case KeyId::ClientName:
        if (text.isEmpty())
            return fail(trc("config", "expected a name for this machine, got nothing"));
        for (QChar c : text)
            if (c.category() == QChar::Other_Control)
                return fail(trc("config", "contains a control character"));
        r.clientName = text;
        return true;
    case KeyId::Mode: {
        const QString m = text.toLower();
        extras.modeSet = true;
        if (m.startsWith(QLatin1String("shar")) || m == QLatin1String("send and receive"))
            r.mode = SyncMode::Shared;
        else if (m == QLatin1String("upload") || m == QLatin1String("send only"))
            r.mode = SyncMode::Upload;
        else if (m == QLatin1String("download") || m == QLatin1String("receive only"))
            r.mode = SyncMode::Download;
        else if (m == QLatin1String("conservative") || m == QLatin1String("protective") ||
                 m == QLatin1String("preservative"))
            r.mode = SyncMode::Conservative;
        else
            return fail(
                trc("config", "expected shared, upload, download or conservative, got '%1'").arg(text));
        return true;
    }
    case KeyId::PushOnly: {
        bool b = false;
        if (!setBool(b))
            return false;
        extras.pushOnly = b;
        return true;
    }
    case KeyId::PullOnly: {
        bool b = false;
        if (!setBool(b))
            return false;
        extras.pullOnly = b;
        return true;
    }
    case KeyId::Encryption: {
        const QString e = text.toLower();
        if (const auto b = parseBool(e)) {
            r.encryption = *b ? Encryption::Aes256Gcm : Encryption::Off;
        } else if (e == QLatin1String("plain")) {
            r.encryption = Encryption::Off;
        } else if (e == QLatin1String("aes-256-gcm") || e == QLatin1String("aes256-gcm")) {
            r.encryption = Encryption::Aes256Gcm;
        } else if (e == QLatin1String("chacha20-poly1305")) {
            r.encryption = Encryption::ChaCha20Poly1305;
        } else if (e.startsWith(QLatin1String("blowfish"))) {
            return fail(trc("config", "Blowfish is insecure and no longer supported: use 'encryption = on' "
                                      "(AES-256-GCM) or 'encryption = chacha20-poly1305'"));
        } else if (e == QLatin1String("fernet")) {
            return fail(trc("config",
                            "Fernet (Escale 0.7) is replaced by 'encryption = on' (AES-256-GCM with "
                            "a key derived from the passphrase)"));
        } else if (e.startsWith(QLatin1String("native"))) {
            return fail(trc("config", "encryption by the storage service is no longer supported: use "
                                      "'encryption = on'"));
        } else {
            return fail(
                trc("config", "expected on, off, aes-256-gcm or chacha20-poly1305, got '%1'").arg(text));
        }
        return true;
    }
    case KeyId::Passphrase:
        r.passphrase = secret(v);
        return true;
    case KeyId::DiskQuota: {
        const QString lower = text.toLower();
        if (lower == QLatin1String("none") || lower == QLatin1String("unlimited") ||
            lower == QLatin1String("off")) {
            r.diskQuota.reset();
            return true;
        }
        const auto n = parseSize(text, kMiB, err);
        if (!n)
            return fail(err);
        if (*n <= 0)
            return fail(trc("config", "must be more than zero (remove the key for no quota)"));
        r.diskQuota = *n;
        return true;
    }
    case KeyId::Pullers:
        return setCount(r.pullers, 0, 1000);
    case KeyId::FastWindow: {
        const auto ms = parseDuration(text, kSecondMs, err);
        if (!ms)
            return fail(err);
        if (*ms < 0 || *ms > kDayMs)
            return fail(trc("config", "expected a period from 0 (off) to 1 day, got '%1'").arg(text));
        r.fastWindowMs = *ms;
        return true;
    }
    case KeyId::Refresh: {
        if (const auto b = parseBool(text)) {
            if (!*b)
                return fail(
                    trc("config", "polling cannot be turned off; give a period such as 30 (seconds)"));
            r.refreshMs = 30 * kSecondMs;
            return true;
        }
        const auto ms = parseDuration(text, kSecondMs, err);
        if (!ms)
            return fail(err);
        if (*ms < kSecondMs || *ms > kDayMs)
            return fail(trc("config", "expected a period from 1 second to 1 day, got '%1'").arg(text));
        r.refreshMs = *ms;
        return true;
    }
    case KeyId::Retention:
    case KeyId::ArchiveRetention: {
        qint64& field = v.def->id == KeyId::Retention ? r.retentionMs : r.archiveRetentionMs;
        const QString lower = text.toLower();
        if (lower == QLatin1String("never") || lower == QLatin1String("forever") ||
            lower == QLatin1String("off")) {
            field = 0;
            return true;
        }
        const auto ms = parseDuration(text, kDayMs, err);
        if (!ms)
            return fail(err);
        if (*ms != 0 && *ms < 3600 * kSecondMs)
            return fail(trc("config", "expected at least one hour, got '%1'").arg(text));
        field = *ms;
        return true;
    }
    case KeyId::ChunkSize: {
        const auto n = parseSize(text, kMiB, err);
        if (!n)
            return fail(err);
        if (*n < kMiB || *n > 1024 * kMiB)
            return fail(trc("config", "expected a size from 1MB to 1GB, got '%1'").arg(text));
        r.chunkSize = *n;
        return true;
    }
    case KeyId::DeleteThreshold: {
        QString t = text;
        const bool percent = t.endsWith(QLatin1Char('%'));
        if (percent)
            t.chop(1);
        const auto n = parseInteger(t, 0, percent ? 100 : 100'000'000, err);
        if (!n)
            return fail(
                trc("config", "expected a share such as 50% or a number of files such as 200, got '%1'")
                    .arg(text));
        if (percent) {
            r.deleteThresholdPercent = int(*n);
            r.deleteThresholdCount = 0;
        } else {
            r.deleteThresholdCount = int(*n);
            r.deleteThresholdPercent = 0;
        }
        return true;
    }
    case KeyId::Include:
        return setList(r.include);
    case KeyId::Exclude:
        return setList(r.exclude);
    case KeyId::IncludeDirectories:
        return setList(r.includeDirectories);
    case KeyId::ExcludeDirectories:
        return setList(r.excludeDirectories);
    case KeyId::FileExtension: {
        r.fileExtensions.clear();
        for (QString ext : parseList(v.value)) {
            while (ext.startsWith(QLatin1Char('.')))
                ext.remove(0, 1);
            if (ext.isEmpty() || ext.contains(QLatin1Char('/')))
                return fail(trc("config", "expected extensions such as 'txt, .odt', got '%1'").arg(v.value));
            r.fileExtensions.append(ext.toLower());
        }
        return true;
    }
    case KeyId::HiddenFiles:
        return setBool(r.hiddenFiles);
    case KeyId::TemporaryFiles:
        return setBool(r.temporaryFiles);
    case KeyId::Checksum: {
        const QString c = text.toLower();
        const auto b = parseBool(c);
        if ((b && *b) || c == QLatin1String("sha256"))
            return true;
        warning(v.line, v.key,
                trc("config", "Escale always checks contents with SHA-256; '%1' has no effect").arg(text));
        return true;
    }
    case KeyId::VerifySsl:
        return setBool(r.verifySsl);
    case KeyId::ImplicitTls: {
        bool implicit = false;
        if (!setBool(implicit))
            return false;
        r.implicitTls = implicit;
        return true;
    }
    case KeyId::SslVersion: {
        const QString t = text.toLower().remove(QLatin1Char(' '));
        if (t == QLatin1String("tls") || t == QLatin1String("sslv23") || t == QLatin1String("tlsv1.2") ||
            t == QLatin1String("tls1.2")) {
            r.tlsMinimum = QStringLiteral("1.2");
        } else if (t == QLatin1String("tlsv1.3") || t == QLatin1String("tls1.3")) {
            r.tlsMinimum = QStringLiteral("1.3");
        } else if (t == QLatin1String("sslv2") || t == QLatin1String("sslv3") ||
                   t == QLatin1String("tlsv1") || t == QLatin1String("tlsv1.1") ||
                   t == QLatin1String("tls1.1") || t == QLatin1String("tls1")) {
            return fail(trc("config",
                            "'%1' is no longer secure and not supported: remove the key (TLS 1.2 or "
                            "newer is used) or write TLSv1.3")
                            .arg(text));
        } else {
            return fail(trc("config", "expected TLSv1.2 or TLSv1.3, got '%1'").arg(text));
        }
        return true;
    }
    case KeyId::CaCertificate:
    case KeyId::Certificate:
    case KeyId::PrivateKey:
    case KeyId::KnownHosts: {
        const auto path = existingFile(v);
        if (!path)
            return false;
        QString& field = v.def->id == KeyId::CaCertificate ? r.caCertificate
                         : v.def->id == KeyId::Certificate ? r.certificate
                         : v.def->id == KeyId::PrivateKey  ? r.privateKey
                                                           : r.knownHosts;
        field = *path;
        return true;
    }
    case KeyId::CertificateFingerprint:
        return setFingerprint(r.pinnedCertificateSha256);
    case KeyId::HostKey:
        return setFingerprint(r.hostKeySha256);
    case KeyId::Transfers:
        return setCount(r.transfers, 1, 64);
    case KeyId::BandwidthUp:
        return setBandwidth(r.bandwidthUp);
    case KeyId::BandwidthDown:
        return setBandwidth(r.bandwidthDown);
    case KeyId::Timeout: {
        const auto ms = parseDuration(text, kSecondMs, err);
        if (!ms)
            return fail(err);
        if (*ms < kSecondMs || *ms > 3600 * kSecondMs)
            return fail(trc("config", "expected from 1 second to 1 hour, got '%1'").arg(text));
        r.timeoutMs = *ms;
        return true;
    }
    case KeyId::Retries:
        return setCount(r.retries, 0, 100);
    case KeyId::Region:
        r.s3Region = text;
        return true;
    case KeyId::UrlStyle: {
        const QString s = text.toLower();
        if (s != QLatin1String("auto") && s != QLatin1String("path") && s != QLatin1String("virtual"))
            return fail(trc("config", "expected auto, path or virtual, got '%1'").arg(text));
        r.s3UrlStyle = s;
        return true;
    }
    case KeyId::RcloneBinary:
        r.rcloneBinary = resolvePath(v.value);
        return true;
    case KeyId::RcloneConfig: {
        const auto path = existingFile(v);
        if (!path)
            return false;
        r.rcloneConfig = *path;
        return true;
    }
    case KeyId::StateDir: {
        const QString path = resolvePath(v.value);
        if (path.isEmpty())
            return fail(trc("config", "expected a folder path, got nothing"));
        r.stateDir = path;
        return true;
    }
    case KeyId::Maintainer: {
        const auto to = parseEmailList(text, err);
        if (!to)
            return fail(err);
        r.maintainers = *to;
        return true;
    }
    case KeyId::AlertDelay: {
        const auto ms = parseDuration(text, 60 * kSecondMs, err);
        if (!ms)
            return fail(err);
        if (*ms < 0 || *ms > 7 * kDayMs)
            return fail(trc("config", "expected a period from 0 (at once) to 1 week, got '%1'").arg(text));
        r.alertDelayMs = *ms;
        return true;
    }
    default:
        return true;
    }
}

std::optional<RepositoryConfig> Loader::buildRepository(const IniDocument::Section& section,
                                                        const Values& defaults)
{
    Values values = defaults;
    const Values own = collect(section, false);
    for (auto it = own.constBegin(); it != own.constEnd(); ++it)
        values.insert(it.key(), it.value());

    const int errorsBefore =
        int(std::count_if(m_diag.cbegin(), m_diag.cend(), [](const auto& d) { return d.isError(); }));
    RepositoryConfig r;
    r.name = section.name;
    r.line = section.line;
    r.stateDir = defaultDataDir();
    RepositoryExtras extras;
    // Apply in table order so that messages come out in a stable order.
    for (const KeyDefinition& def : allKeys()) {
        if (def.scope != KeyScope::Repository)
            continue;
        if (auto it = values.constFind(def.id); it != values.constEnd())
            applyRepository(r, *it, extras);
    }

    if (!values.contains(KeyId::LocalPath))
        error(section.line, QString(),
              trc("config", "[%1]: missing 'local path' (the folder to synchronise)").arg(section.name));

    // The relay address comes from up to four keys.
    auto text = [&](KeyId id) {
        return values.contains(id) ? values.value(id).value : QString();
    };
    int addressLine = section.line;
    QString addressKey;
    for (KeyId id : {KeyId::RelayAddress, KeyId::RelayPath, KeyId::Protocol}) {
        if (values.contains(id)) {
            addressLine = values.value(id).line;
            addressKey = values.value(id).key;
            break;
        }
    }
    if (!values.contains(KeyId::RelayAddress) && !values.contains(KeyId::RelayPath)) {
        error(section.line, QString(),
              trc("config", "[%1]: missing 'relay address' (a URL such as webdavs://host/path, or a folder "
                            "such as /mnt/relay)")
                  .arg(section.name));
    } else {
        QString err, warn;
        const auto address =
            RelayAddress::parse(text(KeyId::RelayAddress), text(KeyId::Protocol),
                                unquote(text(KeyId::RelayPath)), text(KeyId::Port), err, warn);
        if (!address) {
            error(addressLine, addressKey, err);
        } else {
            r.relay = *address;
            if (!warn.isEmpty())
                warning(addressLine, addressKey, warn);
            if (!r.relay.user.isEmpty()) {
                if (!r.user.isEmpty() && r.user != r.relay.user)
                    error(values.value(KeyId::User).line, values.value(KeyId::User).key,
                          trc("config", "'%1' differs from the user '%2' in the relay address")
                              .arg(r.user, r.relay.user));
                r.user = r.relay.user;
            }
            if (!r.relay.password.isEmpty()) {
                if (r.password.kind == SecretSource::Kind::None)
                    r.password = SecretSource{SecretSource::Kind::Literal, r.relay.password};
                r.relay.password.clear();
            }
        }
    }

    if (extras.pushOnly.value_or(false) && extras.pullOnly.value_or(false)) {
        error(values.value(KeyId::PullOnly).line, values.value(KeyId::PullOnly).key,
              trc("config", "'push only' and 'pull only' cannot both be on"));
    } else if (extras.pushOnly.value_or(false) || extras.pullOnly.value_or(false)) {
        const SyncMode implied = extras.pushOnly.value_or(false) ? SyncMode::Upload : SyncMode::Download;
        const KeyId legacy = extras.pushOnly.value_or(false) ? KeyId::PushOnly : KeyId::PullOnly;
        if (extras.modeSet && r.mode != implied)
            error(values.value(legacy).line, values.value(legacy).key,
                  trc("config", "contradicts 'mode = %1'").arg(syncModeName(r.mode)));
        r.mode = implied;
    }
    // For SFTP the private key is the SSH login key; for TLS relays the client certificate's.
    // Neither: unused (left over from another relay, e.g. after a migration).
    if (!r.privateKey.isEmpty() && r.certificate.isEmpty() && r.relay.scheme != RelayAddress::Scheme::Sftp) {
        if (r.relay.usesTls())
            error(values.value(KeyId::PrivateKey).line, values.value(KeyId::PrivateKey).key,
                  trc("config", "a private key needs its 'certificate'"));
        else
            warning(values.value(KeyId::PrivateKey).line, values.value(KeyId::PrivateKey).key,
                    trc("config", "not used by this relay (neither SSH nor TLS): ignored"));
    }
    if (!r.verifySsl && r.relay.usesTls())
        warning(values.value(KeyId::VerifySsl).line, values.value(KeyId::VerifySsl).key,
                trc("config", "certificates are not checked: anyone on the network path can read and change "
                              "the traffic; pin the certificate instead ('escalectl trust %1')")
                    .arg(section.name));

    if (r.clientName.isEmpty()) {
        const QString host = QSysInfo::machineHostName();
        r.clientName = (host.isEmpty() || host == QLatin1String("localhost")) ? section.name : host;
    }

    const int errorsAfter =
        int(std::count_if(m_diag.cbegin(), m_diag.cend(), [](const auto& d) { return d.isError(); }));
    if (errorsAfter != errorsBefore)
        return std::nullopt;
    return r;
}

Config Loader::run(const IniDocument& doc)
{
    Config config;
    config.global.logFile = QString(); // decided by the caller from the config path

    const Values defaults = collect(doc.defaults(), true);
    Values repositoryDefaults;
    for (auto it = defaults.constBegin(); it != defaults.constEnd(); ++it) {
        if (it->def->scope == KeyScope::Global)
            applyGlobal(config.global, *it);
        else
            repositoryDefaults.insert(it.key(), it.value());
    }
    // A default that is wrong is wrong for every section: check it once, on its own line.
    {
        RepositoryConfig scratch;
        RepositoryExtras extras;
        for (const Value& v : std::as_const(repositoryDefaults))
            applyRepository(scratch, v, extras);
    }

    if (doc.sections().isEmpty()) {
        error(0, QString(),
              trc("config", "no repository: add a section such as [documents] with 'local path' and "
                            "'relay address' (see docs/configuration.md)"));
        return config;
    }

    for (const IniDocument::Section& section : doc.sections()) {
        if (auto r = buildRepository(section, repositoryDefaults))
            config.repositories.append(*r);
    }

    // Two repositories must not share files, and a folder relay must not sit inside a synced folder:
    // compared as written and as they really are (symbolic links resolved, in the part that exists).
    for (qsizetype i = 0; i < config.repositories.size(); ++i) {
        const RepositoryConfig& a = config.repositories.at(i);
        for (qsizetype j = 0; j < i; ++j) {
            const RepositoryConfig& b = config.repositories.at(j);
            if (overlaps(a.localPath, b.localPath))
                error(a.line, QString(),
                      trc("config", "[%1]: its folder %2 overlaps the folder %3 of [%4] (line %5); two "
                                    "repositories cannot share files")
                          .arg(a.name, a.localPath, b.localPath, b.name)
                          .arg(b.line));
        }
        for (const RepositoryConfig& other : std::as_const(config.repositories)) {
            if (other.relay.scheme == RelayAddress::Scheme::Folder &&
                overlaps(other.relay.path, a.localPath))
                error(a.line, QString(),
                      trc("config", "[%1]: the relay folder %2 overlaps the synchronised folder %3; put the "
                                    "relay elsewhere")
                          .arg(a.name, other.relay.path, a.localPath));
        }
    }
    return config;
}

} // namespace

bool LoadResult::hasErrors() const
{
    return firstError() != nullptr;
}

const ConfigDiagnostic* LoadResult::firstError() const
{
    for (const ConfigDiagnostic& d : diagnostics)
        if (d.isError())
            return &d;
    return nullptr;
}

ConfigDiagnostics LoadResult::warnings() const
{
    ConfigDiagnostics out;
    for (const ConfigDiagnostic& d : diagnostics)
        if (!d.isError())
            out.append(d);
    return out;
}

LoadResult ConfigLoader::load(const QByteArray& bytes, const QString& fileName, const QString& baseDir)
{
    LoadResult result;
    result.config.path = fileName;
    if (bytes.trimmed().isEmpty()) {
        result.noRepository = true;
        result.diagnostics.append(ConfigDiagnostic{
            ConfigDiagnostic::Severity::Error, fileName, 0, QString(),
            trc("config", "the file is empty: add a section such as [documents] with 'local path' and "
                          "'relay address' (see docs/configuration.md)")});
        return result;
    }
    IniDocument doc;
    if (!doc.parse(bytes, fileName, result.diagnostics))
        return result;
    Loader loader(fileName, baseDir, result.diagnostics);
    result.config = loader.run(doc);
    result.noRepository = doc.sections().isEmpty();
    result.config.path = fileName;
    if (result.config.global.logFile.isEmpty())
        result.config.global.logFile = defaultStateDir() + QLatin1Char('/') +
                                       QFileInfo(fileName).completeBaseName() + QLatin1String(".log");
    std::stable_sort(result.diagnostics.begin(), result.diagnostics.end(),
                     [](const ConfigDiagnostic& a, const ConfigDiagnostic& b) { return a.line < b.line; });
    if (result.hasErrors())
        result.config.repositories.clear();
    return result;
}

LoadResult ConfigLoader::loadFile(const QString& path)
{
    auto failure = [&](const QString& message) {
        LoadResult result;
        result.config.path = path;
        result.diagnostics.append(
            ConfigDiagnostic{ConfigDiagnostic::Severity::Error, path, 0, QString(), message});
        return result;
    };
    const QFileInfo info(path);
    if (!info.exists())
        return failure(trc("config", "no such file"));
    if (info.isDir())
        return failure(trc("config", "is a folder, not a configuration file"));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return failure(trc("config", "cannot read: %1").arg(file.errorString()));
    if (file.size() > kMaxConfigBytes)
        return failure(trc("config", "too large for a configuration file (%1 bytes)").arg(file.size()));
    const QByteArray bytes = file.read(kMaxConfigBytes + 1);
    if (file.error() != QFileDevice::NoError)
        return failure(trc("config", "cannot read: %1").arg(file.errorString()));
    LoadResult result = load(bytes, path, info.absolutePath());
    result.bytes = bytes;
    for (RepositoryConfig& r : result.config.repositories)
        r.configFile = info.absoluteFilePath();
    return result;
}

} // namespace escale::config
