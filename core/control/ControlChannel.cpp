#include "control/ControlChannel.h"

#include "Tr.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QLocalServer>
#include <QLocalSocket>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

namespace escale::control {

namespace {

constexpr qsizetype kMaxRequest = 1024 * 1024;

} // namespace

namespace {

// The socket's name: the configuration file's (canonical) path, hashed: instances of different
// configurations do not meet.
QString socketName(const QString& configPath)
{
    const QFileInfo file(configPath);
    const QString canonical = file.canonicalFilePath(); // the same file however it is named
    const QByteArray id =
        QCryptographicHash::hash((canonical.isEmpty() ? file.absoluteFilePath() : canonical).toUtf8(),
                                 QCryptographicHash::Sha256)
            .toHex()
            .left(16);
    return QStringLiteral("control-") + QString::fromLatin1(id) + QStringLiteral(".sock");
}

} // namespace

QString socketPath(const QString& configPath)
{
    // systemd's RuntimeDirectory= (the units: /run/escale-USER for escale@USER, $XDG_RUNTIME_DIR/escale
    // for the user unit), else the session's runtime folder, else one in /tmp.
    QString base = qEnvironmentVariable("RUNTIME_DIRECTORY").section(QLatin1Char(':'), 0, 0);
    if (base.isEmpty() || !QFileInfo(base).isDir()) {
        base = qEnvironmentVariable("XDG_RUNTIME_DIR");
        if (base.isEmpty() || !QFileInfo(base).isDir())
            base = QDir::tempPath() + QStringLiteral("/escale-%1").arg(::getuid());
        else
            base += QStringLiteral("/escale");
    }
    QDir().mkpath(base);
    QFile::setPermissions(base, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    return base + QLatin1Char('/') + socketName(configPath);
}

QStringList socketCandidates(const QString& configPath)
{
    QStringList out{socketPath(configPath)};
    // Where an instance run by the configuration's owner listens, whoever asks (root for a user's
    // service, the user for the system unit that runs as them).
    struct stat st;
    if (::stat(QFile::encodeName(configPath).constData(), &st) == 0) {
        const QString name = socketName(configPath);
        if (const passwd* pw = ::getpwuid(st.st_uid))
            out << QStringLiteral("/run/escale-%1/").arg(QString::fromLocal8Bit(pw->pw_name)) + name;
        out << QStringLiteral("/run/user/%1/escale/").arg(st.st_uid) + name
            << QStringLiteral("/tmp/escale-%1/").arg(st.st_uid) + name;
    }
    out.removeDuplicates();
    return out;
}

QString findSocket(const QString& configPath)
{
    const QStringList candidates = socketCandidates(configPath);
    for (const QString& path : candidates)
        if (QFileInfo::exists(path))
            return path;
    return candidates.first();
}

ControlServer::ControlServer(Handler handler, QObject* parent)
    : QObject(parent)
    , m_handler(std::move(handler))
    , m_server(new QLocalServer(this))
{
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    connect(m_server, &QLocalServer::newConnection, this, [this] {
        while (QLocalSocket* client = m_server->nextPendingConnection()) {
            connect(client, &QLocalSocket::disconnected, client, &QObject::deleteLater);
            connect(client, &QLocalSocket::readyRead, this, [this, client] {
                while (client->canReadLine()) {
                    const QByteArray line = client->readLine();
                    QJsonParseError parse;
                    const QJsonDocument doc = QJsonDocument::fromJson(line, &parse);
                    QJsonObject answer;
                    if (parse.error != QJsonParseError::NoError || !doc.isObject())
                        answer = {{QStringLiteral("ok"), false},
                                  {QStringLiteral("error"),
                                   trc("control", "not a JSON object: %1").arg(parse.errorString())}};
                    else
                        answer = m_handler(doc.object());
                    client->write(QJsonDocument(answer).toJson(QJsonDocument::Compact) + '\n');
                }
                if (client->bytesAvailable() > kMaxRequest)
                    client->abort(); // no line end in sight: not a client of ours
            });
        }
    });
}

ControlServer::~ControlServer()
{
    m_server->close();
}

bool ControlServer::listen(const QString& path, QString& error, bool* otherInstance)
{
    if (otherInstance)
        *otherInstance = false;
    QLocalSocket probe;
    probe.connectToServer(path);
    if (probe.waitForConnected(1'000)) {
        if (otherInstance)
            *otherInstance = true;
        error = trc("control", "another Escale runs with this configuration (its control socket is %1)")
                    .arg(path);
        return false;
    }
    QLocalServer::removeServer(path); // left by an instance that did not stop cleanly
    if (!m_server->listen(path)) {
        error = trc("control", "cannot open the control socket %1: %2").arg(path, m_server->errorString());
        return false;
    }
    return true;
}

std::optional<QJsonObject> request(const QString& path, const QJsonObject& message, QString& error,
                                   bool* noInstance, int timeoutMs)
{
    if (noInstance)
        *noInstance = false;
    QLocalSocket socket;
    socket.connectToServer(path);
    if (!socket.waitForConnected(3'000)) {
        if (noInstance)
            *noInstance = true;
        error = trc("control", "no running Escale uses this configuration (nothing listens on %1): start it "
                               "with 'escale' or 'escale --no-gui'")
                    .arg(path);
        return std::nullopt;
    }
    socket.write(QJsonDocument(message).toJson(QJsonDocument::Compact) + '\n');
    while (!socket.canReadLine())
        if (!socket.waitForReadyRead(timeoutMs)) {
            error = trc("control", "the running Escale did not answer (%1)").arg(socket.errorString());
            return std::nullopt;
        }
    const QJsonDocument doc = QJsonDocument::fromJson(socket.readLine());
    if (!doc.isObject()) {
        error = trc("control", "the running Escale answered something that is not JSON");
        return std::nullopt;
    }
    return doc.object();
}

} // namespace escale::control
