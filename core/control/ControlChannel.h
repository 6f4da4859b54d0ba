#pragma once

#include <QJsonObject>
#include <QObject>
#include <QString>
#include <QStringList>
#include <functional>
#include <optional>

class QLocalServer;

namespace escale::control {

// The control socket of a running Escale (docs/ipc.md): a local socket private to the user, one
// JSON object per line each way, one answer per request.
// Where the instance using the configuration `configPath` listens: in systemd's runtime
// directory for the unit ($RUNTIME_DIRECTORY), else $XDG_RUNTIME_DIR/escale, else
// /tmp/escale-UID, a folder only the user may enter; the name depends on the configuration file,
// so instances of different configurations do not meet.
QString socketPath(const QString& configPath);
// Where a client looks for it, in order: socketPath() in its own environment, then where the
// configuration file's owner's instance listens as a system unit (/run/escale-USER), a user unit
// or desktop session (/run/user/UID/escale) or without a runtime folder (/tmp/escale-UID).
QStringList socketCandidates(const QString& configPath);
// The first candidate that exists (else socketPath()).
QString findSocket(const QString& configPath);

class ControlServer : public QObject
{
    Q_OBJECT

public:
    using Handler = std::function<QJsonObject(const QJsonObject& request)>;
    explicit ControlServer(Handler handler, QObject* parent = nullptr);
    ~ControlServer() override;

    // Listens on `path`; false with `error` when another instance answers there (`otherInstance`
    // set) or the socket cannot be made.
    bool listen(const QString& path, QString& error, bool* otherInstance = nullptr);

private:
    Handler m_handler;
    QLocalServer* m_server;
};

// One request to the instance listening on `path` and its answer; std::nullopt with `error`
// when none answers (`noInstance` set then) or the answer is not JSON.
std::optional<QJsonObject> request(const QString& path, const QJsonObject& message, QString& error,
                                   bool* noInstance = nullptr, int timeoutMs = 30'000);

} // namespace escale::control
