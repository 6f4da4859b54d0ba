#include "setup/NewRepository.h"

#include "Tr.h"
#include "log/Logging.h"
#include "sync/LocalState.h"

#include <QDateTime>

#include "config/ConfigLoader.h"
#include "config/IniDocument.h"
#include "config/Keychain.h"
#include "config/Paths.h"
#include "config/RelayAddress.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSaveFile>
#include <QUrl>

namespace escale::setup {

using config::IniDocument;

namespace {

QByteArray readFile(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// The file with the section appended.
QByteArray withSection(const QByteArray& existing, const QByteArray& section)
{
    QByteArray out = existing;
    if (!out.isEmpty() && !out.endsWith('\n'))
        out += '\n';
    if (!out.isEmpty() && !out.endsWith("\n\n"))
        out += '\n';
    return out + section;
}

// The diagnostics of a load that concern the section starting after `firstLine`, or the file
// as a whole (line 0).
QStringList errorsFrom(const config::LoadResult& loaded, int firstLine)
{
    QStringList errors;
    for (const config::ConfigDiagnostic& d : loaded.diagnostics)
        if (d.isError() && (d.line == 0 || d.line > firstLine))
            errors << (d.key.isEmpty() ? d.message : trc("setup", "'%1': %2").arg(d.key, d.message));
    return errors;
}

int lineCount(const QByteArray& bytes)
{
    return int(bytes.count('\n'));
}

const config::RepositoryConfig* findSection(const config::Config& config, const QString& name)
{
    for (const config::RepositoryConfig& r : config.repositories)
        if (r.name == name)
            return &r;
    return nullptr;
}

bool writeSecretFile(const QString& path, const QByteArray& secret, QString& error)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly)) {
        error = trc("setup", "cannot write %1: %2").arg(path, f.errorString());
        return false;
    }
    f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    f.write(secret);
    if (!f.commit()) {
        error = trc("setup", "cannot write %1: %2").arg(path, f.errorString());
        return false;
    }
    return true;
}

} // namespace

void NewRepository::set(const QString& key, const QString& value)
{
    for (qsizetype i = 0; i < m_entries.size(); ++i)
        if (m_entries[i].first == key) {
            if (value.isEmpty())
                m_entries.removeAt(i);
            else
                m_entries[i].second = value;
            return;
        }
    if (!value.isEmpty())
        m_entries.append({key, value});
}

QString NewRepository::value(const QString& key) const
{
    for (const auto& [k, v] : m_entries)
        if (k == key)
            return v;
    return {};
}

QByteArray NewRepository::sectionText() const
{
    QByteArray out = '[' + name.toUtf8() + "]\n";
    for (const auto& [k, v] : m_entries)
        out += k.toUtf8() + " = " + v.toUtf8() + '\n';
    return out;
}

std::optional<config::RepositoryConfig> NewRepository::load(const QString& configPath,
                                                            QStringList& errors) const
{
    const QByteArray existing = readFile(configPath);
    const QByteArray all = withSection(existing, sectionText());
    const int firstLine = lineCount(all) - lineCount(sectionText());
    const config::LoadResult loaded =
        config::ConfigLoader::load(all, configPath, QFileInfo(configPath).absolutePath());
    errors = errorsFrom(loaded, firstLine);
    const config::RepositoryConfig* found = findSection(loaded.config, name);
    if (!errors.isEmpty() || !found) {
        if (errors.isEmpty())
            errors << trc("setup", "the section [%1] cannot be read back").arg(name);
        return std::nullopt;
    }
    config::RepositoryConfig r = *found;
    r.configFile = QFileInfo(configPath).absoluteFilePath();
    if (!password.isEmpty())
        r.password = {config::SecretSource::Kind::Literal, QString::fromUtf8(password)};
    if (!passphrase.isEmpty())
        r.passphrase = {config::SecretSource::Kind::Literal, QString::fromUtf8(passphrase)};
    return r;
}

bool RelayForm::apply(NewRepository& repository, QString& error) const
{
    auto missing = [&error](const QString& message) {
        error = message;
        return false;
    };
    auto withPort = [this](const QString& scheme) {
        QString p = path.trimmed();
        if (!p.startsWith(QLatin1Char('/')))
            p.prepend(QLatin1Char('/'));
        return QStringLiteral("%1://%2%3%4")
            .arg(scheme, host.trimmed(), port > 0 ? QStringLiteral(":%1").arg(port) : QString(), p);
    };
    QString address;
    switch (kind) {
    case Kind::Folder:
        if (folder.trimmed().isEmpty())
            return missing(trc("setup", "fill in the folder"));
        if (!QDir::isAbsolutePath(config::expandHome(folder.trimmed()))) {
            error = trc("setup", "the folder must be a full path (starting with /)");
            return false;
        }
        address = QDir::cleanPath(config::expandHome(folder.trimmed()));
        break;
    case Kind::WebDav: {
        QString u = url.trimmed();
        if (u.isEmpty())
            return missing(trc("setup", "fill in the address"));
        if (!u.contains(QLatin1String("://")))
            u.prepend(QLatin1String("https://"));
        const QUrl parsed(u);
        const QString scheme = parsed.scheme().toLower();
        if (!parsed.isValid() || parsed.host().isEmpty() ||
            (scheme != QLatin1String("http") && scheme != QLatin1String("https") &&
             scheme != QLatin1String("webdav") && scheme != QLatin1String("webdavs"))) {
            error = trc("setup", "the address is not a WebDAV URL such as "
                                 "https://cloud.example.com/remote.php/dav/files/alice/escale");
            return false;
        }
        address = u;
        break;
    }
    case Kind::S3: {
        QString e = endpoint.trimmed();
        if (e.isEmpty())
            return missing(trc("setup", "fill in the endpoint"));
        if (!e.contains(QLatin1String("://")))
            e.prepend(QLatin1String("https://"));
        const QUrl parsed(e);
        const QString scheme = parsed.scheme().toLower();
        if (!parsed.isValid() || parsed.host().isEmpty() ||
            (scheme != QLatin1String("http") && scheme != QLatin1String("https"))) {
            error = trc("setup", "the endpoint is not an address such as https://s3.eu-west-1.amazonaws.com");
            return false;
        }
        QString b = bucket.trimmed();
        while (b.startsWith(QLatin1Char('/')))
            b.remove(0, 1);
        if (b.isEmpty())
            return missing(trc("setup", "fill in the bucket"));
        address = QStringLiteral("%1://%2%3/%4")
                      .arg(scheme == QLatin1String("http") ? QStringLiteral("s3+http") : QStringLiteral("s3"),
                           parsed.host(),
                           parsed.port() > 0 ? QStringLiteral(":%1").arg(parsed.port()) : QString(), b);
        break;
    }
    case Kind::Ftp:
    case Kind::Sftp:
        if (host.trimmed().isEmpty())
            return missing(trc("setup", "fill in the server"));
        if (host.trimmed().contains(QRegularExpression(QStringLiteral("[\\s/@]")))) {
            error = trc("setup", "the server is a host name or an address, without '/' or '@'");
            return false;
        }
        address = withPort(kind == Kind::Sftp ? QStringLiteral("sftp")
                           : ftps             ? QStringLiteral("ftps")
                                              : QStringLiteral("ftp"));
        break;
    case Kind::Rclone: {
        const QString r = remote.trimmed();
        const qsizetype colon = r.indexOf(QLatin1Char(':'));
        if (colon <= 0) {
            error = trc("setup", "the remote is written NAME:path, as rclone names it");
            return false;
        }
        QString p = r.mid(colon + 1);
        while (p.startsWith(QLatin1Char('/')))
            p.remove(0, 1);
        address = QStringLiteral("rclone://%1/%2").arg(r.left(colon), p);
        break;
    }
    }
    if (kind != Kind::Folder && kind != Kind::Rclone && user.trimmed().isEmpty())
        return missing(kind == Kind::S3 ? trc("setup", "fill in the access key")
                                        : trc("setup", "fill in the user name"));
    repository.set(QStringLiteral("relay address"), address);
    repository.set(QStringLiteral("user"),
                   kind == Kind::Folder || kind == Kind::Rclone ? QString() : user.trimmed());
    repository.set(QStringLiteral("region"), kind == Kind::S3 ? region.trimmed() : QString());
    repository.set(QStringLiteral("private key"), kind == Kind::Sftp ? privateKey.trimmed() : QString());
    repository.set(QStringLiteral("rclone config"),
                   kind == Kind::Rclone ? rcloneConfig.trimmed() : QString());
    repository.password = kind == Kind::Folder || kind == Kind::Rclone ? QByteArray() : password;
    return true;
}

QStringList existingSections(const QString& configPath)
{
    IniDocument doc;
    config::ConfigDiagnostics ignored; // a file that does not parse is refused when it is loaded
    doc.parse(readFile(configPath), configPath, ignored);
    QStringList names;
    for (const IniDocument::Section& section : doc.sections())
        names << section.name;
    return names;
}

QString checkName(const QString& configPath, const QString& name)
{
    static const QRegularExpression valid(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9 ._-]{0,63}$"));
    if (name.trimmed().isEmpty())
        return trc("setup", "give the repository a name");
    if (!valid.match(name).hasMatch() || name.endsWith(QLatin1Char(' ')))
        return trc("setup", "a name has letters, digits, spaces, '.', '_' or '-' (at most 64), and starts "
                            "with a letter or a digit");
    const QString lower = name.toLower();
    if (lower == QLatin1String("default") || lower == QLatin1String("escale") ||
        lower == QLatin1String("global") || lower == QLatin1String("defaults"))
        return trc("setup", "'%1' is reserved for the file's general settings").arg(name);
    for (const QString& s : existingSections(configPath))
        if (s.compare(name, Qt::CaseInsensitive) == 0)
            return trc("setup", "the configuration already has a repository named '%1'").arg(s);
    return {};
}

QString suggestName(const QString& configPath, const QString& folder)
{
    QString base = QFileInfo(QDir::cleanPath(folder)).fileName();
    base.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9._-]+")), QStringLiteral("-"));
    base.remove(QRegularExpression(QStringLiteral("^[._-]+")));
    base = base.left(48);
    if (base.isEmpty())
        base = QStringLiteral("documents");
    QString name = base;
    for (int n = 2; !checkName(configPath, name).isEmpty(); ++n)
        name = QStringLiteral("%1-%2").arg(base).arg(n);
    return name;
}

QString folderNameFor(const QString& relayAddress)
{
    QString error, warning;
    const auto address = config::RelayAddress::parse(relayAddress, QString(), QString(), QString(), error, warning);
    QStringList parts;
    if (address) {
        if (!address->bucket.isEmpty())
            parts << address->bucket;
        parts += address->path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    }
    static const QStringList generic{QStringLiteral("escale"),     QStringLiteral("relay"), QStringLiteral("dav"),
                                     QStringLiteral("webdav"),     QStringLiteral("files"), QStringLiteral("remote.php"),
                                     QStringLiteral("webdav.php"), QStringLiteral("data"),  QStringLiteral("sync"),
                                     QStringLiteral("home"),       QStringLiteral("mnt"),   QStringLiteral("media")};
    for (auto it = parts.crbegin(); it != parts.crend(); ++it) {
        QString name = it->trimmed();
        name.remove(QRegularExpression(QStringLiteral("^[.]+")));
        if (name.isEmpty() || generic.contains(name.toLower()))
            continue;
        name[0] = name[0].toUpper();
        return name.left(48);
    }
    return QStringLiteral("Shared");
}

AddResult addToConfiguration(const QString& configPath, const NewRepository& repository, bool secretsInFiles)
{
    AddResult result;
    if (const QString why = checkName(configPath, repository.name); !why.isEmpty()) {
        result.error = why;
        return result;
    }
    const QFileInfo info(configPath);
    const QString folder = info.absolutePath();
    if (!QDir().mkpath(folder)) {
        result.error = trc("setup", "cannot create the folder %1").arg(folder);
        return result;
    }
    NewRepository section = repository;
    QStringList written; // secret files, or keychain keys, to take back on failure
    auto undo = [&] {
        QString ignored;
        for (const QString& w : std::as_const(written))
            secretsInFiles ? void(QFile::remove(w)) : void(config::Keychain::remove(w, ignored));
    };
    const QList<std::pair<QString, QByteArray>> secrets{
        {QStringLiteral("password"), repository.password},
        {QStringLiteral("passphrase"), repository.passphrase}};
    if (secretsInFiles) {
        const QString dir = folder + QStringLiteral("/secrets");
        if (!QDir().mkpath(dir) ||
            !QFile::setPermissions(dir, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                            QFileDevice::ExeOwner)) {
            result.error = trc("setup", "cannot create the folder %1").arg(dir);
            return result;
        }
        result.secretsWhere = dir;
        for (const auto& [key, secret] : secrets) {
            if (secret.isEmpty())
                continue;
            const QString file = QStringLiteral("%1/%2.%3").arg(dir, repository.name, key);
            if (!writeSecretFile(file, secret, result.error)) {
                undo();
                return result;
            }
            written << file;
            section.set(key, file);
        }
    }
    // Checked as the engine will read it before anything else is written.
    QStringList errors;
    NewRepository check = section;
    check.password.clear();
    check.passphrase.clear();
    if (!check.load(configPath, errors)) {
        undo();
        result.error = errors.join(QLatin1String("; "));
        return result;
    }
    if (!secretsInFiles) {
        result.secretsWhere = trc("setup", "the keychain");
        for (const auto& [key, secret] : secrets) {
            if (secret.isEmpty())
                continue;
            const QString entry = repository.name + QLatin1Char('/') + key;
            QString why;
            if (!config::Keychain::write(entry, secret, why)) {
                undo();
                result.keychainUnavailable = true;
                result.error = key == QLatin1String("password")
                                   ? trc("setup", "the keychain cannot keep the password: %1").arg(why)
                                   : trc("setup", "the keychain cannot keep the passphrase: %1").arg(why);
                return result;
            }
            written << entry;
        }
    }
    const bool existed = info.exists();
    QSaveFile out(configPath);
    if (!out.open(QIODevice::WriteOnly)) {
        undo();
        result.error = trc("setup", "cannot write %1: %2").arg(configPath, out.errorString());
        return result;
    }
    if (!existed)
        out.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    out.write(withSection(readFile(configPath), section.sectionText()));
    if (!out.commit()) {
        undo();
        result.error = trc("setup", "cannot write %1: %2").arg(configPath, out.errorString());
        return result;
    }
    const config::LoadResult loaded = config::ConfigLoader::loadFile(configPath);
    const config::RepositoryConfig* found = findSection(loaded.config, repository.name);
    if (!found) {
        result.error = trc("setup", "%1 was written but its section [%2] cannot be read back")
                           .arg(configPath, repository.name);
        return result;
    }
    result.ok = true;
    result.repository = *found;
    // A state left for this folder by a repository since removed from the configuration belongs
    // to that one: the new repository starts afresh (its files are compared with the relay's as
    // any joining machine's are: nothing is lost), the old state is kept aside.
    const QString stateFolder = QFileInfo(sync::LocalState::pathFor(*found)).absolutePath();
    if (QFileInfo::exists(stateFolder)) {
        const QString aside =
            stateFolder + QStringLiteral(".replaced-") +
            QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
        if (QDir().rename(stateFolder, aside)) {
            result.stateSetAside = aside;
            qCInfo(lcApp).noquote() << QStringLiteral("[%1] the state an earlier repository left for %2 is kept aside "
                                                      "in %3: this one starts afresh")
                                           .arg(found->name, found->localPath, aside);
        } else {
            // The engine then refuses with "holds another repository" and says what to do.
            qCWarning(lcApp).noquote() << QStringLiteral("[%1] the state an earlier repository left in %2 could not be "
                                                         "set aside")
                                              .arg(found->name, stateFolder);
        }
    }
    return result;
}

} // namespace escale::setup
