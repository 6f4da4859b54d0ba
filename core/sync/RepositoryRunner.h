#pragma once

#include "config/Config.h"
#include "sync/SyncEngine.h"

#include <QObject>
#include <QSemaphore>
#include <QThread>
#include <atomic>
#include <memory>
#include <optional>

namespace escale::sync {

class RepositoryWorker;

// The one process that syncs with a state database: an exclusive lock (flock) on a file beside
// it, held while the engine lives. Whatever the environment (a system service with its own /tmp
// and no runtime directory, a second desktop session, `escale --once` from cron while the daemon
// runs), a second engine on the same state refuses to start instead of syncing the same folder
// against the first.
class StateLock
{
public:
    // nullptr with `error` when another process holds it (naming that process) or it cannot be made.
    static std::unique_ptr<StateLock> acquire(const QString& statePath, QString& error);
    ~StateLock();
    StateLock(const StateLock&) = delete;
    StateLock& operator=(const StateLock&) = delete;

private:
    explicit StateLock(int fd)
        : m_fd(fd)
    {}
    int m_fd;
};

// A repository's relay and engine, as the daemon and `escale --once` build them: the relay from
// the configuration (its password from the keychain when needed), the engine on the default state
// database under 'state dir' (locked: StateLock), with the configuration file's relay-move hooks,
// opened. The lock outlives the relay, which outlives the engine (members destroyed in reverse
// order).
struct EngineSetup
{
    std::unique_ptr<StateLock> lock;
    std::unique_ptr<relay::RelayBackend> relay;
    std::unique_ptr<SyncEngine> engine;
};
// std::nullopt with `error` (and `keychain` set when the keychain failed for a secret it needed).
std::optional<EngineSetup> openEngine(const config::RepositoryConfig& config, QString& error, bool* keychain = nullptr);

// Runs one repository on its own thread: a pass at start, then passes driven by the folder's
// watcher (a tenth of a second after a change, a burst gathered into one pass; a file still open
// for writing waits for its close) and by relay polling (PollSchedule: at least once a second for
// 'fast window' after any activity, then backing off with jitter towards 'refresh'). Lives in the
// caller's thread; all sync work happens on the worker thread.
class RepositoryRunner : public QObject
{
    Q_OBJECT

public:
    // With `confirmDeletions`, the first pass propagates the deletions it would hold back.
    explicit RepositoryRunner(const config::RepositoryConfig& config, bool confirmDeletions = false,
                              QObject* parent = nullptr);
    ~RepositoryRunner() override;

    const config::RepositoryConfig& config() const { return m_config; }
    void start();
    void stop(); // waits for the current pass to end
    void syncNow();
    // Lets the held-back deletions (mass-delete safety) go out, with a pass at once.
    void confirmDeletions();
    void setPaused(bool paused); // no pass while paused; resuming runs one at once
    // How long the worker's event loop has not turned (it turns during passes too, between
    // relay requests): 0 before start and after stop. The systemd watchdog is fed only while
    // every repository's is short.
    qint64 quietForMs() const;

Q_SIGNALS:
    void passStarted();
    void passFinished(const escale::sync::PassResult& result);
    // A pass was due (a change in the folder, a request) while paused, and did not run.
    void passHeld();
    // `keychain`: the keychain failed (not there, locked, refusing) for a secret it needed.
    void failedToStart(const QString& error, bool keychain);
    void progress(const escale::sync::PassProgress& progress); // while a pass runs
    void fileEvent(const escale::sync::FileEvent& event);

private:
    config::RepositoryConfig m_config;
    QThread m_thread;
    QSemaphore m_stopped;
    RepositoryWorker* m_worker = nullptr;
    std::shared_ptr<std::atomic<qint64>> m_alive; // the worker's last heartbeat (steady ms), 0: not running
};

} // namespace escale::sync

Q_DECLARE_METATYPE(escale::sync::PassResult)
