#pragma once

#include "config/Config.h"
#include "sync/RepositoryRunner.h"

#include <QDateTime>
#include <QJsonObject>
#include <QObject>
#include <QTimer>
#include <memory>
#include <vector>

namespace escale::control {

// What one repository is doing, as the tray and `escalectl status` show it.
struct RepositoryStatus
{
    enum class State
    {
        Starting, // not through its first pass yet
        Syncing,  // a pass is under way
        Idle,     // up to date as of the last pass
        Paused,
        Offline, // the relay cannot be reached: retried
        Error,   // the last pass failed for another reason: retried
        Stopped, // failed to start, or a wrong password or passphrase: until restarted
    };
    State state = State::Starting;
    bool paused = false;
    QDateTime pausedUntil; // when a pause for a while ends (invalid: paused until resumed)
    QString relay;         // the relay address in use (it changes when the repository moves)
    QDateTime lastSuccess; // end of the last successful pass
    bool firstSync = false; // the last pass was this repository's first successful one on this machine
    QString lastError;     // of the last failed pass (empty after a success)
    QDateTime troubleSince; // when it failed first since its last success (invalid: not failing)
    sync::PassResult lastPass;
    int conflicts = 0; // conflict copies made since the start
    int sent = 0;      // files sent since the start
    int received = 0;  // files received since the start
    int passes = 0;     // passes finished since the start
    int passesHeld = 0; // passes that were due while paused, and did not run
    // As of the last pass that got that far (-1: not known yet).
    int conflictsWaiting = -1; // conflict copies waiting to be resolved
    int pendingUp = -1;        // local changes not published yet
    qint64 pendingDown = -1;   // others' journal segments not applied yet, contents asked again
    qint64 relayUsage = -1;    // bytes on the relay, all clients
    // While a pass runs: what it has done and has left (zero between passes).
    sync::PassProgress progress;
};

// A change a pass made, with the repository it belongs to.
struct Change
{
    QString repository;
    sync::FileEvent event;
};

QString stateName(RepositoryStatus::State state);

class Alerter;
class RepositoryMemory;

// The repositories of a running instance, each on its runner, with their status, and the
// commands of the control socket (docs/ipc.md) applied to them. Shared by `escale --no-gui`
// and the desktop application.
class Instance : public QObject
{
    Q_OBJECT

public:
    Instance(const config::Config& config, bool confirmDeletions, QObject* parent = nullptr);
    ~Instance() override;

    void start();
    void stop();
    // A repository added while running (the setup wizard): it starts at once when the others
    // have. Its index is the next one.
    int addRepository(const config::RepositoryConfig& config);
    // A repository's settings changed (the settings dialog): it restarts with them, paused if
    // it was.
    bool replaceRepository(int index, const config::RepositoryConfig& config);
    // Stops a repository and forgets it; the ones after it move up by one.
    bool removeRepository(int index);
    int repositoryCount() const { return int(m_repositories.size()); }
    const RepositoryStatus& status(int index) const { return m_repositories[size_t(index)]->status; }
    // The latest changes of every repository, oldest first (at most kRecentChanges).
    static constexpr int kRecentChanges = 500;
    static constexpr int kSyncingAfterMs = 300;
    const QList<Change>& recentChanges() const { return m_recent; }
    QDateTime startedAt() const { return m_startedAt; } // invalid until start()
    // The repository whose worker has been quiet longest (RepositoryRunner::quietForMs), and how
    // long; -1 when there is none.
    int quietest(qint64& quietMs) const;
    // Lets a repository's held-back deletions (mass-delete safety) go out.
    bool confirmDeletions(int index);
    // Tries again now: a stopped repository (wrong password, failed to start) is started again
    // with its settings; another one (unless paused) syncs now.
    bool retry(int index);
    // Pauses a repository (until `until` when valid: then it resumes by itself), or resumes it.
    // Remembered across restarts (RepositoryMemory).
    void setPaused(int index, bool paused, const QDateTime& until = {});
    const config::RepositoryConfig& repository(int index) const;

    // A request of the control socket and its answer.
    QJsonObject handle(const QJsonObject& request);
    QJsonObject statusJson() const;

Q_SIGNALS:
    void statusChanged(int index);
    void passFinished(int index, const escale::sync::PassResult& result);
    // `keychain`: the keychain failed (not there, locked, refusing) for a secret it needed.
    void failedToStart(int index, const QString& error, bool keychain);
    void stopRequested(); // `escalectl stop`
    void showRequested(); // another launch of the desktop application
    void repositoryAdded(int index);
    void repositoryRemoved(int index);
    void progressChanged(int index); // status(index).progress moved on
    void changed(const escale::control::Change& change);

private:
    struct Repository
    {
        std::unique_ptr<sync::RepositoryRunner> runner;
        RepositoryStatus status;
        quint64 pass = 0;         // the serial of its last pass started (Instance::m_passes)
        bool passRunning = false; // one is under way
        std::unique_ptr<RepositoryMemory> memory;
    };
    // Resumes the repositories whose pause for a while is over, and sets the timer for the next.
    void resumeDue();
    // The repository is syncing (the tray's icon and line), when the pass under way has work.
    void showSyncing(Repository* repository);
    // The repositories a request names ("repository", or all); an error message when it names
    // an unknown one.
    QList<int> targets(const QJsonObject& request, QString& error) const;
    int add(const config::RepositoryConfig& config);
    void setRunner(Repository* repository, const config::RepositoryConfig& config);
    int indexOf(const Repository* repository) const;

    std::vector<std::unique_ptr<Repository>> m_repositories;
    quint64 m_passes = 0; // passes started, all repositories
    bool m_confirmDeletions = false;
    QList<Change> m_recent;
    bool m_started = false;
    QDateTime m_startedAt;
    std::unique_ptr<Alerter> m_alerter; // e-mails to the repositories' maintainers
    QTimer* m_resumeTimer;              // the next end of a pause for a while
};

} // namespace escale::control
