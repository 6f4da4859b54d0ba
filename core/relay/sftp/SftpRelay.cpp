#include "relay/sftp/SftpRelay.h"

#include "Tr.h"
#include "log/Logging.h"

#include <QBuffer>
#include <QDateTime>
#include <QDir>
#include <QRandomGenerator>
#include <QTimer>

namespace escale::relay {

namespace {

constexpr qint64 kPipeCapacity = 4 * 1024 * 1024; // bytes waiting between the two threads at most
constexpr qint64 kPumpPiece = 256 * 1024;

} // namespace

struct SftpRelay::Worker
{
    QThread thread;
    QObject* context = nullptr; // lives in `thread`: work posted to it runs there
    std::unique_ptr<sftp::Connection> connection;
    std::shared_ptr<Operation> running;
};

// A device on the relay's thread and the pipe its bytes cross to or from a worker.
struct SftpRelay::Stream
{
    sftp::Pipe pipe{kPipeCapacity};
    QIODevice* device = nullptr;
    qint64 size = 0;  // uploads: the bytes to send
    qint64 moved = 0; // between the device and the pipe
    QString deviceError;
    bool download = false;
    bool closed = false; // the request is over: the device is not touched any more
    bool waitingForDevice = false;
};

struct SftpRelay::Operation
{
    QPointer<RelayJob> job;
    QString what;
    Task task;
    std::function<bool(Operation&)> again;
    std::function<void(Operation&)> prepare; // on the relay's thread before each try
    std::function<void(qint64)> sent;        // an upload's progress, from the worker's thread
    QList<RelayEntry> entries;
    qint64 bytes = 0;
    std::shared_ptr<Stream> stream;
    int tries = 0;
};

std::optional<SftpRelay::Settings> SftpRelay::settingsFromConfig(const config::RepositoryConfig& config,
                                                                 QString& error)
{
    const config::RelayAddress& a = config.relay;
    Settings s;
    auto& c = s.connection;
    c.host = a.host;
    c.port = a.port > 0 ? a.port : 22;
    c.user = !config.user.isEmpty() ? config.user : !a.user.isEmpty() ? a.user : qEnvironmentVariable("USER");
    if (c.user.isEmpty()) {
        error = trc("relay", "no SSH login: set 'user' (or write it in the address: sftp://USER@HOST/...)");
        return std::nullopt;
    }
    c.privateKey = config.privateKey;
    if (c.privateKey.startsWith(QLatin1String("~/")))
        c.privateKey = QDir::homePath() + c.privateKey.mid(1);
    QString why;
    if (const auto password = relayPassword(config, c.user, why)) {
        c.password = *password;
    } else if (config.password.kind != config::SecretSource::Kind::None) {
        error = why; // a configured secret that cannot be read
        return std::nullopt;
    } else {
        c.passwordProblem = why; // keys may do without it
    }
    c.knownHosts = config.knownHosts.isEmpty() ? QDir::homePath() + QStringLiteral("/.ssh/known_hosts")
                                               : config.knownHosts;
    c.hostKeySha256 = config.hostKeySha256;
    c.timeoutMs = config.timeoutMs;
    // sftp://host/abs/path is absolute; sftp://host/~/path is in the login's home.
    QString root = a.path.isEmpty() ? QStringLiteral("/") : a.path;
    if (root == QLatin1String("/~") || root.startsWith(QLatin1String("/~/")))
        root = root.mid(3);
    while (root.size() > 1 && root.endsWith(QLatin1Char('/')))
        root.chop(1);
    s.root = root.toUtf8();
    s.limits = TransferLimits::fromConfig(config);
    return s;
}

SftpRelay::SftpRelay(const Settings& settings, QObject* parent)
    : RelayBackend(parent)
    , m_settings(settings)
    , m_up(settings.limits.bandwidthUp)
    , m_down(settings.limits.bandwidthDown)
{
    m_watchdog.setInterval(1'000);
    connect(&m_watchdog, &QTimer::timeout, this, [this] {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        bool any = false;
        for (auto& w : m_workers)
            if (w->running) {
                any = true;
                w->connection->interruptIfStalled(now);
            }
        if (!any)
            m_watchdog.stop();
    });
}

SftpRelay::~SftpRelay()
{
    // Calls under way (and connections being opened ahead) end now rather than after 'timeout'.
    for (auto& w : m_workers) {
        if (w->running && w->running->stream)
            w->running->stream->pipe.cancel();
        w->connection->interrupt();
    }
    for (auto& w : m_workers) {
        w->thread.quit();
        w->thread.wait();
        delete w->context;
        w->connection->close();
    }
}

QString SftpRelay::describe() const
{
    const auto& c = m_settings.connection;
    const QString root = QString::fromUtf8(m_settings.root);
    return QStringLiteral("sftp://%1@%2%3%4")
        .arg(c.user, c.host, c.port == 22 ? QString() : QStringLiteral(":%1").arg(c.port),
             root.startsWith(QLatin1Char('/')) ? root : QStringLiteral("/~/") + root);
}

QByteArray SftpRelay::remote(const QString& relayPath) const
{
    const QByteArray& root = m_settings.root;
    if (relayPath.isEmpty())
        return root.isEmpty() ? QByteArray(".") : root;
    if (root.isEmpty())
        return relayPath.toUtf8();
    return (root == "/" ? root : root + '/') + relayPath.toUtf8();
}

// --- Requests and workers ------------------------------------------------------------------

RelayJob* SftpRelay::submit(const QString& what, Task task, std::function<bool(Operation&)> again,
                            std::function<void(Operation&)> prepare)
{
    auto* job = new RelayJob;
    if (!m_refused.ok()) {
        job->finishLater(m_refused);
        return job;
    }
    auto op = std::make_shared<Operation>();
    op->job = job;
    op->what = what;
    op->task = std::move(task);
    op->again = std::move(again);
    op->prepare = std::move(prepare);
    m_queue << op;
    // Started now, not at the next turn of the event loop: the engine may fill the next pack
    // before it waits for anything. (The job still finishes later, from the worker's answer.)
    dispatch();
    return job;
}

void SftpRelay::dispatch()
{
    while (!m_queue.isEmpty()) {
        Worker* idle = nullptr;
        bool anyRunning = false;
        for (auto& w : m_workers) {
            if (!w->running && !idle)
                idle = w.get();
            anyRunning = anyRunning || w->running;
        }
        // Until a connection has worked, one at a time: a wrong password or an unknown host key
        // is met once.
        if (!m_connected && anyRunning)
            return;
        if (!idle && int(m_workers.size()) < m_settings.limits.connections)
            idle = addWorker();
        if (!idle)
            return;
        run(idle, m_queue.takeFirst());
    }
}

SftpRelay::Worker* SftpRelay::addWorker()
{
    auto w = std::make_unique<Worker>();
    w->connection = std::make_unique<sftp::Connection>(m_settings.connection);
    w->context = new QObject;
    w->context->moveToThread(&w->thread);
    w->thread.setObjectName(QStringLiteral("escale-sftp"));
    w->thread.start();
    m_workers.push_back(std::move(w));
    return m_workers.back().get();
}

void SftpRelay::expectTransfers(int count)
{
    if (!m_connected || !m_refused.ok())
        return;
    // Each login costs several round trips (0.3 s at 20 ms): made now, while the engine reads,
    // scans or packs, instead of when the transfers wait for them. The opening runs on the
    // worker's thread, so an operation given to it meanwhile runs once it is done.
    const int wanted = std::min(count, m_settings.limits.connections);
    while (int(m_workers.size()) < wanted) {
        Worker* w = addWorker();
        QMetaObject::invokeMethod(w->context, [connection = w->connection.get()] {
            if (connection->open().ok())
                connection->idle();
        });
    }
}

void SftpRelay::run(Worker* worker, std::shared_ptr<Operation> op)
{
    if (!op->job)
        return;
    worker->running = op;
    if (!m_watchdog.isActive())
        m_watchdog.start();
    if (op->prepare)
        op->prepare(*op);
    const int index = int(std::find_if(m_workers.begin(), m_workers.end(), [worker](const auto& w) { return w.get() == worker; }) - m_workers.begin());
    QMetaObject::invokeMethod(worker->context, [this, worker, op, index] {
        qCDebug(lcRelay) << "sftp" << index << "start" << op->what;
        RelayError error = worker->connection->open();
        qCDebug(lcRelay) << "sftp" << index << "open" << op->what;
        if (error.ok())
            error = op->task(*worker->connection, *op);
        worker->connection->idle();
        qCDebug(lcRelay) << "sftp" << index << "done" << op->what;
        if (op->stream && op->stream->download) // nothing more comes
            op->stream->pipe.end();
        const bool open = worker->connection->isOpen();
        QMetaObject::invokeMethod(
            this,
            [this, worker, op, error, open] {
                m_connected = m_connected || open;
                finished(worker, op, error);
            },
            Qt::QueuedConnection);
    });
}

void SftpRelay::finished(Worker* worker, std::shared_ptr<Operation> op, const RelayError& result)
{
    worker->running.reset();
    RelayError error = result;
    if (auto s = op->stream) {
        if (s->download)
            drain(s); // what the worker read last
        s->closed = true;
        if (!s->deviceError.isEmpty())
            error = {RelayError::Kind::Other, s->deviceError};
    }
    if (error.kind == RelayError::Kind::Auth || error.kind == RelayError::Kind::Tls)
        m_refused = error; // not asked again: servers lock accounts, and a changed key stays changed
    if (op->job) {
        const auto again = [op] {
            return !op->again || op->again(*op);
        };
        if (!retryLater(this, error, op->tries, m_settings.limits.retries, again, [this, op] {
                m_queue << op;
                dispatch();
            }))
            op->job->finishLater(error, op->entries, op->bytes);
    }
    dispatch();
}

void SftpRelay::listen(const std::shared_ptr<Stream>& s, void (SftpRelay::*step)(std::shared_ptr<Stream>),
                       bool onPush)
{
    // The worker's pipe calls from its thread; `step` runs on the relay's. The stream owns its
    // pipe, so the listener holds it weakly (no cycle).
    s->pipe.setListener(
        [this, step, weak = std::weak_ptr<Stream>(s)] {
            QMetaObject::invokeMethod(
                this,
                [this, step, weak] {
                    if (const auto stream = weak.lock())
                        (this->*step)(stream);
                },
                Qt::QueuedConnection);
        },
        onPush);
}

void SftpRelay::pump(std::shared_ptr<Stream> s)
{
    if (s->closed || s->waitingForDevice)
        return;
    // An object in memory goes to the worker whole (the bytes are shared, not copied): the worker
    // then writes it without waiting for this thread, which may be busy with other work.
    if (const auto* buffer = qobject_cast<const QBuffer*>(s->device);
        buffer && s->moved == 0 && buffer->pos() == 0 && buffer->data().size() == s->size && s->size > 0) {
        s->moved = s->size;
        s->pipe.push(buffer->data());
        s->pipe.end();
        return;
    }
    while (s->moved < s->size && s->pipe.hasRoom()) {
        const QByteArray piece = s->device->read(std::min(kPumpPiece, s->size - s->moved));
        if (piece.isEmpty()) {
            if (s->device->isSequential() && !s->device->atEnd() && s->device->isOpen()) {
                s->waitingForDevice = true;
                connect(
                    s->device, &QIODevice::readyRead, this,
                    [this, s] {
                        s->waitingForDevice = false;
                        pump(s);
                    },
                    Qt::SingleShotConnection);
                return;
            }
            s->pipe.end(
                trc("relay", "the data to send ended after %1 of %2 bytes").arg(s->moved).arg(s->size));
            return;
        }
        s->moved += piece.size();
        s->pipe.push(piece);
    }
    if (s->moved == s->size)
        s->pipe.end();
}

void SftpRelay::drain(std::shared_ptr<Stream> s)
{
    if (s->closed)
        return;
    while (const auto piece = s->pipe.pop(false)) {
        if (!s->deviceError.isEmpty())
            continue;
        if (s->device->write(*piece) != piece->size()) {
            s->deviceError = trc("relay", "cannot store what %1 sent: %2")
                                 .arg(m_settings.connection.host, s->device->errorString());
            s->pipe.cancel();
            return;
        }
        s->moved += piece->size();
    }
}

// --- The relay operations ------------------------------------------------------------------

RelayJob* SftpRelay::list(const QString& folder)
{
    if (!isValidRelayPath(folder, true))
        return invalidPath(folder);
    const QByteArray path = remote(folder);
    const QString what =
        folder.isEmpty() ? trc("relay", "listing the relay") : trc("relay", "listing %1").arg(folder);
    return submit(
        what, [path, what](sftp::Connection& c, Operation& op) { return c.list(path, op.entries, what); },
        [](Operation& op) {
            op.entries.clear();
            return true;
        });
}

RelayJob* SftpRelay::get(const QString& path, QIODevice* sink)
{
    return getRange(path, 0, -1, sink);
}

RelayJob* SftpRelay::getRange(const QString& path, qint64 offset, qint64 length, QIODevice* sink)
{
    if (!isValidRelayPath(path, false))
        return invalidPath(path);
    const QByteArray file = remote(path);
    const QString what = trc("relay", "reading %1").arg(path);
    auto prepare = [this, sink](Operation& op) {
        auto s = std::make_shared<Stream>();
        s->device = sink;
        s->download = true;
        listen(s, &SftpRelay::drain, true);
        op.stream = s;
    };
    // A try after a break goes on from the bytes already stored.
    return submit(
        what,
        [this, file, what, offset = std::max<qint64>(offset, 0), length](sftp::Connection& c, Operation& op) {
            return c.read(file, offset + op.bytes, length < 0 ? -1 : offset + length, op.stream->pipe, m_down,
                          op.bytes, what);
        },
        [](Operation&) { return true; }, prepare);
}

RelayJob* SftpRelay::put(const QString& path, QIODevice* source, qint64 size, WriteMode mode)
{
    if (!isValidRelayPath(path, false))
        return invalidPath(path);
    const QByteArray target = remote(path);
    const QString what = trc("relay", "writing %1").arg(path);
    auto prepare = [this, source, size](Operation& op) {
        // The job's progress, told on this (the relay's) thread, where the job lives and may go.
        op.sent = [this, job = op.job, size](qint64 done) {
            QMetaObject::invokeMethod(
                this,
                [job, done, size] {
                    if (job)
                        Q_EMIT job->progress(done, size);
                },
                Qt::QueuedConnection);
        };
        auto s = std::make_shared<Stream>();
        s->device = source;
        s->size = size;
        listen(s, &SftpRelay::pump, false);
        op.stream = s;
        op.bytes = 0;
        if (size == 0)
            s->pipe.end();
        pump(s);
    };
    auto again = [source](Operation&) {
        return !source->isSequential() && source->seek(0);
    };
    if (mode == WriteMode::Fresh) // a new name nobody reads yet: in place
        return submit(
            what,
            [this, target, size, what](sftp::Connection& c, Operation& op) {
                return c.write(target, size, op.stream->pipe, m_up, op.bytes, what, op.sent);
            },
            again, prepare);
    const QByteArray tmp = remote(QStringLiteral("tmp"));
    const QByteArray temp =
        tmp + '/' +
        QStringLiteral("%1-%2")
            .arg(m_tempPrefix, QString::number(QRandomGenerator::system()->generate64(), 36))
            .toUtf8();
    return submit(
        what,
        [this, tmp, temp, target, size, mode, what](sftp::Connection& c, Operation& op) {
            // To tmp/, then renamed into place: readers see the whole object or nothing.
            // tmp/ is made once per connection; if it went meanwhile, it is made again.
            RelayError e = c.makeFolderOnce(tmp, what);
            if (e.ok())
                e = c.write(temp, size, op.stream->pipe, m_up, op.bytes, what, op.sent);
            if (e.kind == RelayError::Kind::NotFound && c.writeOpenFailed() && c.isOpen()) {
                c.forgetFolder(tmp);
                e = c.makeFolderOnce(tmp, what);
                if (e.ok())
                    e = c.write(temp, size, op.stream->pipe, m_up, op.bytes, what, op.sent);
            }
            if (e.ok())
                e = c.rename(temp, target, mode == WriteMode::Replace, what);
            if (!e.ok() && c.isOpen())
                c.remove(temp, what);
            return e;
        },
        again, prepare);
}

RelayJob* SftpRelay::remove(const QString& path)
{
    if (!isValidRelayPath(path, false))
        return invalidPath(path);
    const QByteArray file = remote(path);
    const QString what = trc("relay", "deleting %1").arg(path);
    return submit(what, [file, what](sftp::Connection& c, Operation&) { return c.remove(file, what); });
}

RelayJob* SftpRelay::makeFolder(const QString& folder)
{
    if (!isValidRelayPath(folder, true))
        return invalidPath(folder);
    const QByteArray path = remote(folder);
    const QString what = trc("relay", "creating folder %1").arg(folder);
    return submit(what, [path, what](sftp::Connection& c, Operation&) { return c.makeFolders(path, what); });
}

} // namespace escale::relay
