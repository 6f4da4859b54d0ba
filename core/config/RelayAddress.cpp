#include "config/RelayAddress.h"

#include "Tr.h"
#include "config/Paths.h"

#include <QDir>
#include <QRegularExpression>
#include <QUrl>

namespace escale::config {

namespace {

using Scheme = RelayAddress::Scheme;

const char* const kLegacyRcloneProtocols[] = {"amazoncloud", "b2",       "dropbox", "googlecloud",
                                              "hubic",       "onedrive", "swift",   "yandex"};

bool isLegacyRclone(const QString& p)
{
    for (const char* name : kLegacyRcloneProtocols)
        if (p == QLatin1String(name))
            return true;
    return false;
}

std::optional<Scheme> schemeFromName(const QString& name)
{
    static const struct
    {
        const char* name;
        Scheme scheme;
    } table[] = {{"file", Scheme::Folder},       {"webdav", Scheme::WebDav}, {"http", Scheme::WebDav},
                 {"webdavs", Scheme::WebDavs}, {"https", Scheme::WebDavs}, {"s3", Scheme::S3},
                 {"s3+http", Scheme::S3Http},  {"ftp", Scheme::Ftp},       {"ftps", Scheme::Ftps},
                 {"ftpes", Scheme::Ftps},      {"sftp", Scheme::Sftp},     {"ssh", Scheme::Sftp},
                 {"rclone", Scheme::Rclone}};
    for (const auto& entry : table)
        if (name == QLatin1String(entry.name))
            return entry.scheme;
    if (isLegacyRclone(name))
        return Scheme::Rclone;
    return std::nullopt;
}

QString joinPath(const QString& base, const QString& dir)
{
    if (dir.isEmpty())
        return base;
    if (base.isEmpty())
        return dir;
    return base + QLatin1Char('/') + dir;
}

QString percentDecode(const QString& s)
{
    return QUrl::fromPercentEncoding(s.toUtf8());
}

} // namespace

QString RelayAddress::schemeName(Scheme scheme)
{
    switch (scheme) {
    case Scheme::Folder:
        return QStringLiteral("file");
    case Scheme::WebDav:
        return QStringLiteral("webdav");
    case Scheme::WebDavs:
        return QStringLiteral("webdavs");
    case Scheme::S3:
        return QStringLiteral("s3");
    case Scheme::S3Http:
        return QStringLiteral("s3+http");
    case Scheme::Ftp:
        return QStringLiteral("ftp");
    case Scheme::Ftps:
        return QStringLiteral("ftps");
    case Scheme::Sftp:
        return QStringLiteral("sftp");
    case Scheme::Rclone:
        return QStringLiteral("rclone");
    }
    return QString();
}

int RelayAddress::effectivePort() const
{
    if (port > 0)
        return port;
    switch (scheme) {
    case Scheme::WebDav:
    case Scheme::S3Http:
        return 80;
    case Scheme::WebDavs:
    case Scheme::S3:
        return 443;
    case Scheme::Ftp:
    case Scheme::Ftps:
        return 21;
    case Scheme::Sftp:
        return 22;
    case Scheme::Folder:
    case Scheme::Rclone:
        return 0;
    }
    return 0;
}

bool RelayAddress::usesTls() const
{
    return scheme == Scheme::WebDavs || scheme == Scheme::S3 || scheme == Scheme::Ftps;
}

QString RelayAddress::toDisplayString() const
{
    switch (scheme) {
    case Scheme::Folder:
        return path;
    case Scheme::Rclone:
        return QStringLiteral("rclone://") + host + (path.isEmpty() ? QString() : QLatin1Char('/') + path);
    default:
        break;
    }
    QString out = schemeName(scheme) + QLatin1String("://");
    if (!user.isEmpty())
        out += user + QLatin1Char('@');
    out += host.contains(QLatin1Char(':')) ? QLatin1Char('[') + host + QLatin1Char(']') : host;
    if (port > 0)
        out += QLatin1Char(':') + QString::number(port);
    if (scheme == Scheme::S3 || scheme == Scheme::S3Http)
        out += QLatin1Char('/') + bucket;
    if (!(path == QLatin1String("/") && (scheme == Scheme::S3 || scheme == Scheme::S3Http)))
        out += path;
    return out;
}

std::optional<RelayAddress> RelayAddress::parse(const QString& addressIn, const QString& protocolIn,
                                                const QString& directoryIn, const QString& portIn,
                                                QString& error, QString& warning)
{
    const QString address = addressIn.trimmed();
    const QString protocol = protocolIn.trimmed().toLower();
    const QString directory = directoryIn.trimmed();
    const QString portText = portIn.trimmed();

    static const QRegularExpression urlRe(QStringLiteral("^([A-Za-z][A-Za-z0-9+.-]*)://(.*)$"));
    QString schemeText;
    QString rest; // what follows "scheme://", or the bare address
    bool urlForm = false;
    if (const auto m = urlRe.match(address); m.hasMatch()) {
        schemeText = m.captured(1).toLower();
        rest = m.captured(2);
        urlForm = true;
    } else {
        rest = address;
    }

    QString effective = schemeText;
    if (!protocol.isEmpty()) {
        if (!schemeText.isEmpty() && schemeFromName(schemeText) != schemeFromName(protocol))
            warning = trc("config", "'protocol = %1' overrides the '%2://' of the relay address")
                          .arg(protocol, schemeText);
        effective = protocol;
    }
    if (effective.isEmpty()) {
        if (address.startsWith(QLatin1Char('/')) || address.startsWith(QLatin1Char('~')) ||
            (address.isEmpty() &&
             (directory.startsWith(QLatin1Char('/')) || directory.startsWith(QLatin1Char('~')))))
            effective = QStringLiteral("file");
        else if (address.isEmpty()) {
            error = trc("config", "no relay address: set 'relay address' to a URL such as "
                                  "webdavs://host/path or to a folder such as /mnt/relay");
            return std::nullopt;
        } else {
            error = trc("config", "'%1' names no protocol: write a URL such as webdavs://%1/path, "
                                  "or set 'protocol'")
                        .arg(address);
            return std::nullopt;
        }
    }

    if (effective == QLatin1String("google") || effective == QLatin1String("googledrive")) {
        error = trc("config", "the '%1' protocol (the 'drive' tool) is no longer supported: configure "
                              "Google Drive as an rclone remote and use rclone://REMOTE/path")
                    .arg(effective);
        return std::nullopt;
    }
    const auto scheme = schemeFromName(effective);
    if (!scheme) {
        error = trc("config", "unknown protocol '%1' (use file, webdav, webdavs, http, https, s3, ftp, "
                              "ftps, sftp or rclone)")
                    .arg(effective);
        return std::nullopt;
    }

    RelayAddress a;
    a.scheme = *scheme;

    if (a.scheme == Scheme::Folder) {
        QString path = urlForm ? rest : address;
        if (urlForm) {
            // file:///abs -> rest "/abs"; file://localhost/abs is tolerated
            if (path.startsWith(QLatin1String("localhost/")))
                path = path.mid(9);
            else if (!path.isEmpty() && !path.startsWith(QLatin1Char('/'))) {
                error = trc("config", "'%1': a folder relay is written file:///absolute/path").arg(address);
                return std::nullopt;
            }
            path = percentDecode(path);
        }
        path = expandHome(joinPath(expandHome(path), directory));
        if (path.isEmpty() || !QDir::isAbsolutePath(path)) {
            error = trc("config", "a folder relay needs an absolute path, got '%1'").arg(path);
            return std::nullopt;
        }
        if (!portText.isEmpty())
            warning = trc("config", "'port' has no meaning for a folder relay and is ignored");
        a.path = QDir::cleanPath(path);
        return a;
    }

    if (a.scheme == Scheme::Rclone) {
        QString remote;
        QString path;
        const qsizetype slash = rest.indexOf(QLatin1Char('/'));
        if (urlForm) {
            remote = slash < 0 ? rest : rest.left(slash);
            path = slash < 0 ? QString() : rest.mid(slash + 1);
        } else {
            remote = rest;
        }
        if (const qsizetype colon = remote.indexOf(QLatin1Char(':')); colon >= 0) {
            path = joinPath(remote.mid(colon + 1), path);
            remote = remote.left(colon);
        }
        remote = remote.trimmed();
        if (remote.isEmpty()) {
            error = trc("config", "an rclone relay needs a remote name: rclone://REMOTE/path");
            return std::nullopt;
        }
        path = joinPath(path, directory);
        a.host = remote;
        a.path = path.isEmpty() ? QString() : QDir::cleanPath(path);
        if (isLegacyRclone(effective))
            warning = trc("config", "'%1' is reached through rclone: write 'relay address = %2' instead")
                          .arg(effective, a.toDisplayString());
        return a;
    }

    // Network relays: [user[:password]@]host[:port][/path]
    QString authority = rest;
    QString pathPart;
    if (const qsizetype slash = rest.indexOf(QLatin1Char('/')); slash >= 0) {
        authority = rest.left(slash);
        pathPart = rest.mid(slash);
    }
    if (const qsizetype at = authority.lastIndexOf(QLatin1Char('@')); at >= 0) {
        const QString userInfo = authority.left(at);
        authority = authority.mid(at + 1);
        const qsizetype colon = userInfo.indexOf(QLatin1Char(':'));
        a.user = percentDecode(colon < 0 ? userInfo : userInfo.left(colon));
        if (colon >= 0)
            a.password = percentDecode(userInfo.mid(colon + 1));
    }
    QString hostText = authority;
    QString addressPort;
    if (authority.startsWith(QLatin1Char('['))) {
        const qsizetype close = authority.indexOf(QLatin1Char(']'));
        if (close < 0) {
            error = trc("config", "'%1': unclosed '[' in the host").arg(address);
            return std::nullopt;
        }
        hostText = authority.mid(1, close - 1);
        const QString after = authority.mid(close + 1);
        if (after.startsWith(QLatin1Char(':')))
            addressPort = after.mid(1);
        else if (!after.isEmpty()) {
            error = trc("config", "'%1': unexpected '%2' after the host").arg(address, after);
            return std::nullopt;
        }
    } else if (const qsizetype colon = authority.lastIndexOf(QLatin1Char(':')); colon >= 0) {
        hostText = authority.left(colon);
        addressPort = authority.mid(colon + 1);
    }
    if (hostText.isEmpty()) {
        error = trc("config", "'%1' has no host name").arg(address.isEmpty() ? directory : address);
        return std::nullopt;
    }
    static const QRegularExpression hostRe(QStringLiteral("^[A-Za-z0-9._~:%-]+$"));
    if (!hostRe.match(hostText).hasMatch()) {
        error = trc("config", "'%1' is not a valid host name").arg(hostText);
        return std::nullopt;
    }
    a.host = hostText;

    auto parsePort = [&](const QString& text, int& out) {
        bool ok = false;
        const int p = text.toInt(&ok);
        if (!ok || p < 1 || p > 65535) {
            error = trc("config", "invalid port '%1' (expected 1 to 65535)").arg(text);
            return false;
        }
        out = p;
        return true;
    };
    int urlPort = 0;
    int keyPort = 0;
    if (!addressPort.isEmpty() && !parsePort(addressPort, urlPort))
        return std::nullopt;
    if (!portText.isEmpty() && !parsePort(portText, keyPort))
        return std::nullopt;
    if (urlPort && keyPort && urlPort != keyPort) {
        error = trc("config", "'port = %1' differs from the port %2 in the relay address")
                    .arg(keyPort)
                    .arg(urlPort);
        return std::nullopt;
    }
    a.port = urlPort ? urlPort : keyPort;

    QString path = joinPath(percentDecode(pathPart), directory);
    if (!path.startsWith(QLatin1Char('/')))
        path.prepend(QLatin1Char('/'));
    path = QDir::cleanPath(path);

    if (a.scheme == Scheme::S3 || a.scheme == Scheme::S3Http) {
        const QString trimmed = path.mid(1);
        const qsizetype slash = trimmed.indexOf(QLatin1Char('/'));
        a.bucket = slash < 0 ? trimmed : trimmed.left(slash);
        if (a.bucket.isEmpty()) {
            error = trc("config", "an S3 relay needs a bucket: s3://host[:port]/bucket/prefix");
            return std::nullopt;
        }
        path = slash < 0 ? QStringLiteral("/") : trimmed.mid(slash);
    }
    a.path = path;
    if (!a.password.isEmpty() && warning.isEmpty())
        warning = trc("config", "the relay address contains a password: keep it in the keychain or in a "
                                "secret file ('password = /path/to/file') instead");
    return a;
}

} // namespace escale::config
