#include "sync/RepositoryRunner.h"

#include "Tr.h"
#include "config/Keychain.h"
#include "log/Logging.h"
#include "protocol/Layout.h"
#include "relay/RelayFactory.h"
#include "scan/FolderWatcher.h"
#include "sync/PathFilter.h"
#include "sync/PollSchedule.h"
#include "sync/RelayMoveSettings.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMutex>
#include <QRandomGenerator>
#include <QSemaphore>
#include <QTimer>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <fcntl.h>
#include <openssl/crypto.h>
#include <sys/file.h>
#include <unistd.h>

namespace escale::sync {

std::unique_ptr<StateLock> StateLock::acquire(const QString& statePath, QString& error)
{
    const QString path = statePath + QStringLiteral("-lock");
    QDir().mkpath(QFileInfo(path).absolutePath());
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) {
        const QString why = QString::fromLocal8Bit(std::strerror(errno));
        error = trc("sync", "cannot open %1: %2").arg(path, why);
        return nullptr;
    }
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        const int err = errno;
        char pid[32] = {};
        const ssize_t n = ::pread(fd, pid, sizeof pid - 1, 0);
        ::close(fd);
        const QString holder = n > 0 ? QString::fromLatin1(pid, int(n)).trimmed() : QString();
        if (err != EWOULDBLOCK)
            error = trc("sync", "cannot lock %1: %2").arg(path, QString::fromLocal8Bit(std::strerror(err)));
        else if (!holder.isEmpty())
            error = trc("sync", "another Escale (process %1) already syncs this repository with the state %2: stop it "
                                "first (escalectl stop, or systemctl stop), or give this one its own 'state dir'")
                        .arg(holder, statePath);
        else
            error = trc("sync", "another Escale already syncs this repository with the state %1: stop it first "
                                "(escalectl stop, or systemctl stop), or give this one its own 'state dir'")
                        .arg(statePath);
        return nullptr;
    }
    const QByteArray mine = QByteArray::number(qint64(::getpid())) + '\n';
    if (::ftruncate(fd, 0) == 0)
        [[maybe_unused]] const ssize_t w = ::pwrite(fd, mine.constData(), size_t(mine.size()), 0);
    return std::unique_ptr<StateLock>(new StateLock(fd));
}

StateLock::~StateLock()
{
    ::close(m_fd); // the lock goes with it
}

std::optional<EngineSetup> openEngine(const config::RepositoryConfig& config, QString& error, bool* keychain)
{
    EngineSetup setup;
    const QString statePath = SyncEngine::defaultStatePath(config.stateDir, config.localPath);
    setup.lock = StateLock::acquire(statePath, error);
    if (!setup.lock)
        return std::nullopt;
    config::KeychainWatch watch; // the relay's password may come from the keychain
    setup.relay = relay::createRelay(config, error);
    if (keychain)
        *keychain = watch.failed();
    if (!setup.relay)
        return std::nullopt;
    setup.engine = std::make_unique<SyncEngine>(config, setup.relay.get(), statePath);
    setup.engine->setRelayMoveHooks(relayMoveThroughConfigFile(config));
    if (!setup.engine->open(error))
        return std::nullopt;
    return setup;
}

// The part of a runner that lives on the worker thread.
class RepositoryWorker : public QObject
{
    Q_OBJECT

public:
    RepositoryWorker(const config::RepositoryConfig& config, QSemaphore* stopped, bool confirmDeletions,
                     std::shared_ptr<std::atomic<qint64>> alive)
        : m_config(config)
        , m_stopped(stopped)
        , m_confirmDeletions(confirmDeletions)
        , m_alive(std::move(alive))
    {}

public Q_SLOTS:
    void start()
    {
        // A heartbeat from this thread's event loop (it turns during passes too, between relay
        // requests): what the systemd watchdog is fed from.
        m_alive->store(steadyMs());
        connect(&m_heartbeat, &QTimer::timeout, this, [this] { m_alive->store(steadyMs()); });
        m_heartbeat.start(250);
        QString error;
        bool keychain = false;
        std::optional<EngineSetup> setup = openEngine(m_config, error, &keychain);
        if (!setup) {
            Q_EMIT failedToStart(error, keychain);
            return;
        }
        m_lock = std::move(setup->lock);
        m_relay = std::move(setup->relay);
        {
            const QMutexLocker lock(&m_engineMutex);
            m_engine = std::move(setup->engine);
            if (m_interrupted)
                m_engine->interrupt();
        }
        if (m_confirmDeletions)
            m_engine->confirmDeletions();
        connect(m_engine.get(), &SyncEngine::progress, this, &RepositoryWorker::progress);
        connect(m_engine.get(), &SyncEngine::fileEvent, this, &RepositoryWorker::fileEvent);
        m_pollTimer.setSingleShot(true);
        connect(&m_pollTimer, &QTimer::timeout, this, &RepositoryWorker::runPass);
        m_changeTimer.setSingleShot(true);
        connect(&m_changeTimer, &QTimer::timeout, this, &RepositoryWorker::runPass);
        // What the filters leave out is not watched (a build folder excluded from a synchronised
        // project does not start passes); access flags, which change at run time, are not applied.
        scan::FolderWatcher::Selection selection;
        if (auto filter = std::make_shared<PathFilter>(m_config); !filter->isEmpty()) {
            selection.descend = [filter](const QString& p) { return filter->descendsInto(p); };
            selection.acceptFile = [filter](const QString& p) { return filter->acceptsFile(p); };
        }
        m_watcher = scan::FolderWatcher::create(m_config.localPath, m_config.watchLimit, m_config.hiddenFiles,
                                                m_config.closeEvents, std::move(selection));
        m_engine->setFolderWatcher(m_watcher.get());
        connect(m_watcher.get(), &scan::FolderWatcher::changed, this, &RepositoryWorker::localChange);
        connect(m_relay.get(), &relay::RelayBackend::changedOnRelay, this, &RepositoryWorker::relayChange);
        watchFolders(); // before the first scan: what changes during it starts the next pass
        m_schedule.activity(nowMs());
        runPass();
    }

    void syncNow()
    {
        m_schedule.activity(nowMs());
        if (m_engine)
            m_engine->scanFolderAtNextPass();
        runPass();
    }

    // The deletions held back go out with the next pass, which starts now.
    void confirmDeletions()
    {
        if (m_engine)
            m_engine->confirmDeletions();
        runPass();
    }

    // Paused: no pass starts (the one under way ends); resumed: a pass at once.
    void setPaused(bool paused)
    {
        m_paused = paused;
        if (paused) {
            m_pollTimer.stop();
            m_changeTimer.stop();
        } else {
            m_schedule.activity(nowMs());
            runPass();
        }
    }

    // From the runner's thread, at once: the pass under way stops at the next file's boundary.
    void interrupt()
    {
        const QMutexLocker lock(&m_engineMutex);
        m_interrupted = true;
        if (m_engine)
            m_engine->interrupt();
    }

    // May arrive while a pass waits on the relay (its event loop runs queued calls): the pass
    // then finishes first, and the cleanup follows it.
    void stop()
    {
        m_stopping = true;
        m_pollTimer.stop();
        m_changeTimer.stop();
        if (!m_running)
            finishStop();
    }

Q_SIGNALS:
    void passStarted();
    void passFinished(const escale::sync::PassResult& result);
    void passHeld();
    void failedToStart(const QString& error, bool keychain);
    void progress(const escale::sync::PassProgress& progress);
    void fileEvent(const escale::sync::FileEvent& event);

private:
    static qint64 nowMs() { return QDateTime::currentMSecsSinceEpoch(); }
    static qint64 steadyMs()
    {
        return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch())
            .count();
    }

    // Something happened: a pass within `delayMs` (sooner if one is due sooner), or once the
    // pass under way is over; the fast window starts again.
    void passSoon(int delayMs)
    {
        m_schedule.activity(nowMs());
        if (m_running) {
            m_changedDuringPass = m_changedDuringPass ? std::min(*m_changedDuringPass, delayMs) : delayMs;
            return;
        }
        if (m_stopping || !m_engine)
            return;
        if (!m_changeTimer.isActive() || m_changeTimer.remainingTime() > delayMs)
            m_changeTimer.start(delayMs);
    }

    // The folder changed: a tenth of a second gathers a burst of events into one pass, without
    // waiting for the burst to end. Writes to files still open wait as long as the scan would
    // leave them alone anyway.
    void localChange(bool settled) { passSoon(settled ? kGatherMs : int(m_config.settleMs) + kGatherMs); }

    // Another client wrote to the relay (a watched folder relay's heads/). The pass that follows
    // this client's own writes costs one listing.
    void relayChange() { passSoon(kGatherMs); }

    void runPass()
    {
        if (m_stopping || !m_engine || m_running)
            return;
        if (m_paused) {
            Q_EMIT passHeld(); // a change or a request found the repository paused
            return;
        }
        m_running = true;
        m_changedDuringPass.reset();
        Q_EMIT passStarted();
        m_changeTimer.stop();
        m_pollTimer.stop();
        const PassResult result = m_engine->runPass();
        m_running = false;
        if (m_stopping) {
            finishStop();
            return;
        }
        Q_EMIT passFinished(result);
        if (result.status == PassResult::Status::Auth) {
            m_pollTimer.stop(); // a wrong passphrase stays wrong: no more passes until restarted
            const QMutexLocker lock(&m_engineMutex);
            m_engine.reset();
            return;
        }
        watchFolders();
        if (!m_paused)
            scheduleNext(result);
    }

    void scheduleNext(const PassResult& result)
    {
        if (m_changedDuringPass && result.ok()) { // something changed while the pass ran: another one
            m_changeTimer.start(*m_changedDuringPass);
            return;
        }
        const bool active =
            result.published + result.downloaded + result.deleted + result.conflicts > 0 || !result.complete;
        qint64 delay =
            m_schedule.next(nowMs(), active, !result.ok(), QRandomGenerator::global()->generateDouble());
        if (result.settling > 0) // files changed a moment ago: the second look
            delay = std::min<qint64>(delay, kSecondLookMs);
        m_pollTimer.start(int(delay));
    }

    void watchFolders()
    {
        // Once the relay's heads/ exists (the first pass made it), where the relay can watch it;
        // asked again after every pass (a relay disk unplugged and back loses its watch).
        if (m_config.relayNotifications && m_relay->watch(protocol::layout::headsFolder()) && !m_relayWatched) {
            m_relayWatched = true;
            qCInfo(lcEngine).noquote() << QStringLiteral("[%1] %2 is watched: changes from other machines are seen at once")
                                              .arg(m_config.name, m_relay->describe());
        }
        if (m_watchFailed)
            return;
        if (const int failed = m_watcher->watchAll(); failed > 0) {
            m_watchFailed = true;
            qCWarning(lcScan).noquote()
                << QStringLiteral(
                       "[%1] cannot watch %2 folders (the system's limit of watches is reached, see "
                       "/proc/sys/fs/inotify/max_user_watches): changes are found by polling every %3 s")
                       .arg(m_config.name)
                       .arg(failed)
                       .arg(m_config.refreshMs / 1000);
        }
    }

    void finishStop()
    {
        m_heartbeat.stop();
        m_alive->store(0);
        m_watcher.reset();
        {
            const QMutexLocker lock(&m_engineMutex);
            m_engine.reset();
        }
        m_relay.reset();
        m_lock.reset(); // another process may sync this repository from now on
        OPENSSL_thread_stop(); // free this thread's OpenSSL state (random generator) now
        m_stopped->release();
    }

    config::RepositoryConfig m_config;
    QSemaphore* m_stopped;
    bool m_confirmDeletions = false;
    std::unique_ptr<StateLock> m_lock; // outlives the relay and the engine
    std::unique_ptr<relay::RelayBackend> m_relay;
    std::shared_ptr<std::atomic<qint64>> m_alive;
    QTimer m_heartbeat{this}; // (a child: it moves to the worker thread with it)
    std::unique_ptr<SyncEngine> m_engine;
    QMutex m_engineMutex; // m_engine, as interrupt() reaches it from the runner's thread
    bool m_interrupted = false;
    static constexpr int kGatherMs = 100;
    static constexpr int kSecondLookMs = 250; // after Scanner::Options::recheckAfterMs (200 ms)
    QTimer m_pollTimer{this};
    QTimer m_changeTimer{this}; // a pass soon after the folder changed
    std::unique_ptr<scan::FolderWatcher> m_watcher;
    PollSchedule m_schedule{PollSchedule::Settings{m_config.refreshMs, m_config.fastWindowMs}};
    std::optional<int> m_changedDuringPass; // the soonest a change during the pass asked for a pass
    bool m_relayWatched = false;
    bool m_running = false;
    bool m_stopping = false;
    bool m_paused = false;
    bool m_watchFailed = false;
};

RepositoryRunner::RepositoryRunner(const config::RepositoryConfig& config, bool confirmDeletions,
                                   QObject* parent)
    : QObject(parent)
    , m_config(config)
{
    qRegisterMetaType<escale::sync::PassResult>();
    qRegisterMetaType<escale::sync::PassProgress>();
    qRegisterMetaType<escale::sync::FileEvent>();
    m_thread.setObjectName(QStringLiteral("escale-") + config.name);
    m_alive = std::make_shared<std::atomic<qint64>>(0);
    m_worker = new RepositoryWorker(config, &m_stopped, confirmDeletions, m_alive);
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &RepositoryWorker::passStarted, this, &RepositoryRunner::passStarted);
    connect(m_worker, &RepositoryWorker::passFinished, this, &RepositoryRunner::passFinished);
    connect(m_worker, &RepositoryWorker::failedToStart, this, &RepositoryRunner::failedToStart);
    connect(m_worker, &RepositoryWorker::passHeld, this, &RepositoryRunner::passHeld);
    connect(m_worker, &RepositoryWorker::progress, this, &RepositoryRunner::progress);
    connect(m_worker, &RepositoryWorker::fileEvent, this, &RepositoryRunner::fileEvent);
}

RepositoryRunner::~RepositoryRunner()
{
    stop();
}

void RepositoryRunner::start()
{
    m_thread.start();
    QMetaObject::invokeMethod(m_worker, "start", Qt::QueuedConnection);
}

void RepositoryRunner::syncNow()
{
    QMetaObject::invokeMethod(m_worker, "syncNow", Qt::QueuedConnection);
}

void RepositoryRunner::confirmDeletions()
{
    QMetaObject::invokeMethod(m_worker, "confirmDeletions", Qt::QueuedConnection);
}

void RepositoryRunner::setPaused(bool paused)
{
    QMetaObject::invokeMethod(m_worker, "setPaused", Qt::QueuedConnection, Q_ARG(bool, paused));
}

qint64 RepositoryRunner::quietForMs() const
{
    const qint64 alive = m_alive->load();
    if (alive == 0)
        return 0;
    const qint64 now =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch())
            .count();
    return std::max<qint64>(0, now - alive);
}

void RepositoryRunner::stop()
{
    if (!m_thread.isRunning())
        return;
    m_worker->interrupt(); // the pass under way ends at the next file, not at the last one
    QMetaObject::invokeMethod(m_worker, "stop", Qt::QueuedConnection);
    m_stopped.acquire();
    m_thread.quit();
    m_thread.wait();
}

} // namespace escale::sync

#include "RepositoryRunner.moc"
