#pragma once

#include "config/Config.h"
#include "protocol/Chunker.h"
#include "protocol/ObjectStore.h"
#include "protocol/Records.h"
#include "relay/RelayBackend.h"
#include "scan/FolderWatcher.h"
#include "state/StateDb.h"
#include "sync/AccessFlags.h"
#include "sync/PassResult.h"
#include "sync/PathFilter.h"
#include "sync/Resolution.h"

#include <QHash>
#include <QSet>
#include <atomic>
#include <functional>
#include <memory>
#include <optional>

namespace escale::sync::engine {

// What every stage of a pass shares (docs/architecture.md, "One pass"): the repository's
// configuration, the relay and the object store over it, the state database, this client's
// identity, the selection (filters and access flags), where progress and file events go, and the
// clock. One per engine; the stages hold a reference to it and keep only their own state.
struct EngineContext
{
    EngineContext(const config::RepositoryConfig& configuration, relay::RelayBackend* relayBackend,
                  const QString& stateDbPath);

    config::RepositoryConfig settings;
    relay::RelayBackend* backend;                      // the relay in use (the one it moved to, once it did)
    std::unique_ptr<relay::RelayBackend> movedRelay;   // owned here once the repository moved
    protocol::ObjectStore store;                       // the relay through the repository's codec
    QString statePath;
    state::StateDb db;
    QString clientId;
    PathFilter filter;
    AccessTable access;       // the access flags, as of this pass
    AccessTable receivedWith; // the flags the last pass received with (kept in the state database)
    QSet<QString> knownFolders; // relay folders known to exist (relays that need folders)
    scan::FolderWatcher* watcher = nullptr; // the runner's, when one watches the folder
    // This run read what the relay's journal holds under its id, or published a segment there: from
    // then on, a segment of its own it does not know was written by another machine (a clone).
    bool ownStateConfirmed = false;
    bool scannedThisRun = false;
    bool repositoryChecked = false; // the header was read (and the key opened) in this run
    std::atomic<bool> stopping{false}; // SyncEngine::interrupt: stop at the next file's boundary
    bool interrupted() const { return stopping.load(std::memory_order_relaxed); }
    // What else the relay folder holds (Escale 0.7's files, anything not Escale 1's), as last
    // looked at (at the start of a run, then hourly while there is something): empty when nothing.
    QString relayNotice;
    qint64 relayFolderLookedAtMs = -1; // steady clock, -1: not yet in this run
    // The chunks of every content the journals read in this pass named, by hash: a record
    // without chunks (a rename, a conflict copy) finds its content there, even when the version
    // that brought it was replaced before the folder was made to match.
    QHash<QByteArray, QList<protocol::BlobRef>> contentSeen;
    PassProgress progress;     // of the pass under way
    qint64 fileStartBytes = 0; // bytes received before the file under way

    // Where progress and file events go (the engine's signals), and the time (ms since the epoch).
    std::function<void(const PassProgress&)> progressSink;
    std::function<void(const FileEvent&)> eventSink;
    std::function<qint64()> clock;

    qint64 now() const;
    QString localPath(const QString& relative) const; // absolute path of a path of the folder
    bool receives() const;                            // not an upload-only mode
    bool sends() const;                               // not a download-only mode
    EffectiveAccess accessOf(const QString& path) const;
    // Whether the path is received here (filters, hidden files, access flags).
    bool selected(const QString& path, protocol::JournalRecord::Kind kind) const;
    // Whether the scan looks at this file (filters, hidden files, the send flag): the entry of a file
    // it does not look at is not checked against the disk, and may be stale.
    bool looksAt(const QString& path) const;
    // Whether a file of the folder holds this entry's content as far as this client can tell: a file
    // the scan looks at (one gone is found by the next scan), or one whose file is there (else its
    // entry may be stale: the file deleted while it was not sent, with nothing to say so).
    bool entryHolds(const state::StateDb::LocalEntry& entry) const;
    // Whether any of these entries does.
    bool anyHolds(const QList<state::StateDb::LocalEntry>& entries) const;
    QString selectionSignature() const; // the filters, hidden files and mode, as one value
    // Makes a relay folder where the relay needs folders, once: the folders known to exist are
    // remembered in the state database for this relay (a restart does not ask again), and
    // forgotten after a failed pass (forgetRelayFolders), in case one went meanwhile.
    relay::RelayError ensureFolder(const QString& folder);
    void loadRelayFolders();
    // The relay's session hint (RelayBackend::sessionHint), kept per relay in the state database.
    void loadSessionHint();
    void saveSessionHint();
    QString savedSessionHint; // what saveSessionHint() last found kept (the database not asked again)
    void forgetRelayFolders();
    // Temporary uploads (relay-format.md section 2): a file beside the state database says that
    // this client may have left some on the relay (a write started and no pass ended well
    // since); the start looks in tmp/ only then.
    QString uploadMarkPath() const { return statePath + QStringLiteral("-uploading"); }
    void removeOwnTemporary(); // this client's leftovers in tmp/ (none of its uploads under way)
    void markUploads();   // before a write
    void uploadsSettled(); // after a pass that ended well
    bool uploadsMarked = false;
    // tmp/ may hold this client's leftovers: marked when the run started (the last one stopped
    // with writes under way), or a pass of this run failed after writing. Not for the writes of
    // this run's first pass itself (a new client's header): those did not fail.
    bool leftoversPossible = false;
    int transfers() const; // chunks in flight at once (1 where the backend cannot run several)
    Resolution resolved(const QString& path); // what the known versions of `path` resolve to
    // While a pass runs: at each chunk (`immediately`), else at most every quarter of a second.
    void reportProgress(bool immediately = false);
    void reportEvent(FileEvent::Kind kind, const QString& path, const QString& by, qint64 size);
    void noteUnknown(const QString& path); // a relay name outside the format: said once, at debug level
    // The versions known of `path` changed without a record read: the folder is made to match
    // them at the next pass (set aside), where this client receives.
    void lookAgain(const QString& path);
    // A local file found changed in place, keeping its size and time (no scan saw it): its entry
    // is marked so that the next scan reads it again, which publishes what it holds.
    void readAgainAtNextScan(const state::StateDb::LocalEntry& entry);
    // A client whose acknowledgements count (R22): its head changed within `retention`, on this
    // machine's clock.
    bool isActive(const state::StateDb::Peer& peer) const
    {
        return settings.retentionMs == 0 || now() - peer.lastChangeMs <= settings.retentionMs;
    }
    // The gear table blobs are cut with (R36): every client of the repository cuts where the
    // others do, with the codec's seed.
    const protocol::Chunker::Gear& gear();
    QByteArray gearSeed() const { return store.codec().chunkerSeed(); }
    bool dropOwnObject(const QString& id); // from the relay and the state; false if it stays
    void dropPartial(const QString& path); // a file being received in pieces (R28) is abandoned

private:
    qint64 m_progressReportedMs = 0;
    QByteArray m_gearSeed;
    std::optional<protocol::Chunker::Gear> m_gear;
    QSet<QString> m_unknownNoted;
};

} // namespace escale::sync::engine
