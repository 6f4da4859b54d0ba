#include "sync/RepositoryRunner.h"

#include "config/Keychain.h"
#include "log/Logging.h"
#include "relay/RelayFactory.h"
#include "sync/RelayMoveSettings.h"

#include <QDirIterator>
#include <QFileSystemWatcher>
#include <QRandomGenerator>
#include <QSemaphore>
#include <QTimer>
#include <openssl/crypto.h>

namespace escale::sync {

std::optional<EngineSetup> openEngine(const config::RepositoryConfig& config, QString& error, bool* keychain)
{
    EngineSetup setup;
    config::KeychainWatch watch; // the relay's password may come from the keychain
    setup.relay = relay::createRelay(config, error);
    if (keychain)
        *keychain = watch.failed();
    if (!setup.relay)
        return std::nullopt;
    setup.engine = std::make_unique<SyncEngine>(config, setup.relay.get(),
                                                SyncEngine::defaultStatePath(config.stateDir, config.localPath));
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
    RepositoryWorker(const config::RepositoryConfig& config, QSemaphore* stopped, bool confirmDeletions)
        : m_config(config)
        , m_stopped(stopped)
        , m_confirmDeletions(confirmDeletions)
    {}

public Q_SLOTS:
    void start()
    {
        QString error;
        bool keychain = false;
        std::optional<EngineSetup> setup = openEngine(m_config, error, &keychain);
        if (!setup) {
            Q_EMIT failedToStart(error, keychain);
            return;
        }
        m_relay = std::move(setup->relay);
        m_engine = std::move(setup->engine);
        if (m_confirmDeletions)
            m_engine->confirmDeletions();
        connect(m_engine.get(), &SyncEngine::progress, this, &RepositoryWorker::progress);
        connect(m_engine.get(), &SyncEngine::fileEvent, this, &RepositoryWorker::fileEvent);
        m_pollTimer.setSingleShot(true);
        connect(&m_pollTimer, &QTimer::timeout, this, &RepositoryWorker::runPass);
        m_settleTimer.setSingleShot(true);
        m_settleTimer.setInterval(1000); // coalesce bursts of file system events
        connect(&m_settleTimer, &QTimer::timeout, this, &RepositoryWorker::runPass);
        connect(&m_watcher, &QFileSystemWatcher::directoryChanged, this, [this] { m_settleTimer.start(); });
        runPass();
    }

    void syncNow() { runPass(); }

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
            m_settleTimer.stop();
        } else {
            runPass();
        }
    }

    // May arrive while a pass waits on the relay (its event loop runs queued calls): the pass
    // then finishes first, and the cleanup follows it.
    void stop()
    {
        m_stopping = true;
        m_pollTimer.stop();
        m_settleTimer.stop();
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
    void runPass()
    {
        if (m_stopping || !m_engine || m_running)
            return;
        if (m_paused) {
            Q_EMIT passHeld(); // a change or a request found the repository paused
            return;
        }
        m_running = true;
        Q_EMIT passStarted();
        m_settleTimer.stop();
        const PassResult result = m_engine->runPass();
        m_running = false;
        if (m_stopping) {
            finishStop();
            return;
        }
        Q_EMIT passFinished(result);
        if (result.status == PassResult::Status::Auth) {
            m_pollTimer.stop(); // a wrong passphrase stays wrong: no more passes until restarted
            m_engine.reset();
            return;
        }
        watchFolders();
        if (!m_paused)
            scheduleNext(result);
    }

    void scheduleNext(const PassResult& result)
    {
        const bool active =
            result.published + result.downloaded + result.deleted + result.conflicts > 0 || !result.complete;
        if (active)
            m_idleDelayMs = 1000;
        else
            m_idleDelayMs = std::min<qint64>(m_idleDelayMs * 2, m_config.refreshMs);
        if (!result.ok())
            m_idleDelayMs = std::min<qint64>(std::max<qint64>(m_idleDelayMs, 5000), m_config.refreshMs);
        // Jitter, so that clients started together do not poll in step.
        const double jitter = 0.85 + 0.3 * QRandomGenerator::global()->generateDouble();
        m_pollTimer.start(int(std::max<qint64>(500, qint64(double(m_idleDelayMs) * jitter))));
    }

    void watchFolders()
    {
        if (m_watchFailed)
            return;
        QStringList dirs{m_config.localPath};
        QDirIterator it(m_config.localPath, QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString d = it.next();
            if (!d.contains(QLatin1String("/.escale")))
                dirs << d;
        }
        const QStringList watched = m_watcher.directories();
        QStringList missing;
        for (const QString& d : std::as_const(dirs))
            if (!watched.contains(d))
                missing << d;
        if (missing.isEmpty())
            return;
        QStringList failed;
        if (m_config.watchLimit >= 0 && watched.size() + missing.size() > m_config.watchLimit) {
            failed = missing.mid(std::max<qsizetype>(0, m_config.watchLimit - watched.size()));
            missing.resize(missing.size() - failed.size());
        }
        failed += m_watcher.addPaths(missing);
        if (!failed.isEmpty()) {
            m_watchFailed = true;
            qCWarning(lcScan).noquote()
                << QStringLiteral(
                       "[%1] cannot watch %2 folders (the system's limit of watches is reached, see "
                       "/proc/sys/fs/inotify/max_user_watches): changes are found by polling every %3 s")
                       .arg(m_config.name)
                       .arg(failed.size())
                       .arg(m_config.refreshMs / 1000);
        }
    }

    void finishStop()
    {
        m_engine.reset();
        m_relay.reset();
        OPENSSL_thread_stop(); // free this thread's OpenSSL state (random generator) now
        m_stopped->release();
    }

    config::RepositoryConfig m_config;
    QSemaphore* m_stopped;
    bool m_confirmDeletions = false;
    std::unique_ptr<relay::RelayBackend> m_relay;
    std::unique_ptr<SyncEngine> m_engine;
    QTimer m_pollTimer{this};
    QTimer m_settleTimer{this};
    QFileSystemWatcher m_watcher{this};
    qint64 m_idleDelayMs = 1000;
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
    m_worker = new RepositoryWorker(config, &m_stopped, confirmDeletions);
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

void RepositoryRunner::stop()
{
    if (!m_thread.isRunning())
        return;
    QMetaObject::invokeMethod(m_worker, "stop", Qt::QueuedConnection);
    m_stopped.acquire();
    m_thread.quit();
    m_thread.wait();
}

} // namespace escale::sync

#include "RepositoryRunner.moc"
