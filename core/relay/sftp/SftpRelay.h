#pragma once

#include "config/Config.h"
#include "relay/RelayBackend.h"
#include "relay/sftp/SftpConnection.h"

#include <QPointer>
#include <QThread>
#include <QTimer>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace escale::relay {

// An SSH server as a relay, through SFTP (libssh). Each of up to `transfers` connections has
// its own worker thread, where libssh's blocking calls run; data crosses between that thread and
// the relay's through bounded pipes, so neither side holds more than a few MiB. Objects are
// written to tmp/ then renamed into place (posix-rename where the server has it), content chunks
// (WriteMode::Fresh) in place; a download that breaks goes on from where it stopped.
class SftpRelay : public RelayBackend
{
    Q_OBJECT

public:
    struct Settings
    {
        sftp::ConnectionSettings connection;
        QByteArray root = "/"; // the repository folder: absolute, or relative to the login's home
        TransferLimits limits;
    };
    static std::optional<Settings> settingsFromConfig(const config::RepositoryConfig& config, QString& error);

    explicit SftpRelay(const Settings& settings, QObject* parent = nullptr);
    ~SftpRelay() override;

    QString describe() const override;
    // An exclusive create is a check, then a rename.
    RelayCapabilities capabilities() const override { return {false, true, true}; }

    RelayJob* list(const QString& folder) override;
    RelayJob* get(const QString& path, QIODevice* sink) override;
    RelayJob* getRange(const QString& path, qint64 offset, qint64 length, QIODevice* sink) override;
    RelayJob* put(const QString& path, QIODevice* source, qint64 size, WriteMode mode) override;
    RelayJob* remove(const QString& path) override;
    RelayJob* makeFolder(const QString& folder) override;
    // Opens more connections (up to `transfers`) once one has worked: not before, so that a
    // refused login or host key is met once.
    void expectTransfers(int count) override;

private:
    struct Worker;
    struct Operation;
    struct Stream;
    // Work for a worker thread, on an open connection.
    using Task = std::function<RelayError(sftp::Connection&, Operation&)>;

    RelayJob* submit(const QString& what, Task task, std::function<bool(Operation&)> again = {},
                     std::function<void(Operation&)> prepare = {});
    void dispatch();
    Worker* addWorker();
    void run(Worker* worker, std::shared_ptr<Operation> op);
    void finished(Worker* worker, std::shared_ptr<Operation> op, const RelayError& error);
    QByteArray remote(const QString& relayPath) const;
    // The relay thread's side of a stream: source bytes into the pipe, pipe bytes into the sink.
    // Runs `step` on the relay's thread each time the stream's pipe calls (`onPush`: as
    // sftp::Pipe::setListener says).
    void listen(const std::shared_ptr<Stream>& s, void (SftpRelay::*step)(std::shared_ptr<Stream>), bool onPush);
    void pump(std::shared_ptr<Stream> stream);
    void drain(std::shared_ptr<Stream> stream);

    Settings m_settings;
    sftp::SharedThrottle m_up;
    sftp::SharedThrottle m_down;
    std::vector<std::unique_ptr<Worker>> m_workers;
    QList<std::shared_ptr<Operation>> m_queue;
    RelayError m_refused;     // a login or host key refused: not tried again
    QTimer m_watchdog;        // cuts connections whose call has stalled
    bool m_connected = false; // a connection has been opened
};

} // namespace escale::relay
