#pragma once

#include "config/Config.h"
#include "relay/RelayBackend.h"
#include "scan/FolderWatcher.h"
#include "state/StateDb.h"
#include "sync/AccessFlags.h"
#include "sync/PassResult.h"
#include "sync/engine/RelayMoveClient.h"
#include "sync/engine/RepositoryOpener.h"

#include <QObject>
#include <functional>
#include <memory>

namespace escale::sync {

namespace engine {
struct EngineContext;
struct Pass;
}

// Synchronises one repository: a local folder with a relay, by the protocol of
// docs/relay-format.md. runPass() does one complete pass (scan, pull, push, acknowledge, free
// space); it blocks its thread, running the relay's jobs through local event loops, so it is
// meant for the engine's worker thread (or a test, or `--once`).
class SyncEngine : public QObject
{
    Q_OBJECT

public:
    SyncEngine(const config::RepositoryConfig& config, relay::RelayBackend* relay, const QString& stateDbPath,
               QObject* parent = nullptr);
    ~SyncEngine() override;

    // Opens the state database (creating this client's identity the first time).
    bool open(QString& error);
    PassResult runPass();
    // From any thread: the pass under way stops at the next file's boundary (what is whole is
    // published, what was received is kept; the rest waits for the next run) instead of going on
    // to the end. Every later pass stops at once, until cleared.
    void interrupt(bool on = true);

    QString clientId() const;
    state::StateDb& database();

    // Per-file and per-folder access flags (send = r, receive = w); std::nullopt inherits from
    // the parent folder. Applied from the next pass on; every pass also reads the flags others
    // (`escalectl access`, the access dialog) wrote into the state database, and receives at once
    // what a flag turned back on lets in.
    using Access = EffectiveAccess;
    void setAccess(const QString& path, std::optional<bool> send, std::optional<bool> receive);
    Access access(const QString& path) const;

    // Lets the next pass propagate the local deletions it would otherwise hold back (a folder
    // emptied or unmounted, or more deletions than 'delete threshold').
    void confirmDeletions();

    // The next pass looks on the relay for contents this client sent that nothing names (an
    // upload whose record was lost with a state put back from a backup) and deletes them (R20).
    // Done anyway after a recovery and once a day.
    void sweepAtNextPass();

    // Chooses the codec for the repository's header (relay-format.md section 4); by default
    // the plain codec for `"encryption": "off"`. Returning nullptr refuses the repository
    // with `error`.
    using CodecFactory = engine::CodecFactory;
    void setCodecFactory(CodecFactory factory);

    // How the engine gets the new relay's settings and has the configuration updated when the
    // repository moved (R32): the engine never edits the configuration itself.
    using RelayMoveHooks = engine::RelayMoveHooks;
    void setRelayMoveHooks(RelayMoveHooks hooks);

    // Whether the local file system tells names apart by case. Found by a probe in the folder
    // at the first pass; tests (and odd mounts the probe misjudges) may say it.
    void setCaseInsensitive(bool insensitive);

    // The watcher of the local folder (the runner's): the scan asks it which recently modified
    // files were closed since (sent at once) or are still being written (left for later).
    void setFolderWatcher(scan::FolderWatcher* watcher);
    // The next pass looks at the whole folder even if its watcher saw nothing ("sync now").
    void scanFolderAtNextPass();

    // A snapshot is written every this many own journal segments (R17).
    void setSnapshotInterval(int segments);

    // The clock this machine's judgements of time use (milliseconds since the epoch): whether
    // another client is still active (R22, 'retention'), when to sweep. Tests set it.
    void setClock(std::function<qint64()> clock);

    // The default location of a repository's state database under `stateDir`.
    static QString defaultStatePath(const QString& stateDir, const QString& localPath);

Q_SIGNALS:
    // While a pass runs: at each chunk, else at most every quarter of a second.
    void progress(const escale::sync::PassProgress& progress);
    void fileEvent(const escale::sync::FileEvent& event);

private:
    void runStages(engine::Pass& pass);
    void abandonPass(); // after a StateError: nothing of the pass is kept, the database closed
    void summarize(engine::Pass& pass); // the "where it stands" fields of the result
    void pruneArchive();

    std::unique_ptr<engine::EngineContext> m_ctx;
    struct Stages;
    std::unique_ptr<Stages> m_stages;
    qint64 m_lastArchivePrune = 0;
};

} // namespace escale::sync
