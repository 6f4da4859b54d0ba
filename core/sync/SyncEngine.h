#pragma once

#include "config/Config.h"
#include "protocol/ObjectStore.h"
#include "protocol/Records.h"
#include "relay/RelayBackend.h"
#include "state/StateDb.h"
#include "sync/AccessFlags.h"
#include "sync/PathFilter.h"
#include "sync/Resolution.h"

#include <QDateTime>
#include <QFile>
#include <QObject>
#include <QSet>
#include <deque>
#include <functional>

namespace escale::crypto {
class RepositoryKeys;
}

namespace escale::sync {

class Sha256;

// Where another client stands, as this one sees it after a pass (the activity window's
// "other clients").
struct PeerState
{
    QString id;
    QString name;
    QDateTime lastChange;       // when its head last changed, on this machine's clock
    quint64 unacknowledged = 0; // this client's journal segments it has not taken in yet
    quint64 unapplied = 0;      // its journal segments this client has not applied yet
    qint64 usage = 0;           // bytes it keeps on the relay
};

// What a pass is doing, sent now and then while it runs: the tray's "12 files (340 MB) left",
// the activity window's transfers. Totals grow as the pass learns of more work.
struct PassProgress
{
    int filesToSend = 0;
    int filesSent = 0;
    qint64 bytesToSend = 0;
    qint64 bytesSent = 0;
    int filesToReceive = 0;
    int filesReceived = 0;
    qint64 bytesToReceive = 0;
    qint64 bytesReceived = 0;
    QString current; // the file being sent or received
    bool currentSending = false;
    qint64 currentDone = 0;
    qint64 currentSize = 0;

    int filesLeft() const
    {
        return std::max(0, filesToSend - filesSent) + std::max(0, filesToReceive - filesReceived);
    }
    qint64 bytesLeft() const
    {
        return std::max<qint64>(0, bytesToSend - bytesSent) +
               std::max<qint64>(0, bytesToReceive - bytesReceived);
    }
};

// One change a pass made to the folder or the relay: the activity window's recent changes.
struct FileEvent
{
    enum class Kind
    {
        Sent,     // this machine's version went to the others
        Received, // another machine's version was written here
        Deleted,  // deleted here because another machine deleted it
        Conflict, // two versions at once: `path` is the conflict copy kept
    };
    Kind kind = Kind::Sent;
    QString path;
    QString by; // the machine whose change it is
    qint64 size = 0;
    QDateTime when;
};

// What one pass did, and how it ended.
struct PassResult
{
    enum class Status
    {
        Ok,
        Failed,      // the relay failed (network, permissions, quota): retried later
        Refused,     // a configuration/relay mismatch that retrying will not fix
        Auth,        // a wrong or missing password or passphrase: retrying will not fix it
        LocalFolder, // the local folder is missing or unusable
    };

    Status status = Status::Ok;
    QString error;                // one line, when status != Ok
    QStringList problems;         // things skipped or deferred this pass (one line each); not failures
    int uploaded = 0;             // files whose content was sent
    int downloaded = 0;           // files written from the relay (or from local copies)
    int deleted = 0;              // local files removed because others deleted them
    int conflicts = 0;            // conflict copies created
    int published = 0;            // journal records published
    int freed = 0;                // relay objects deleted
    int swept = 0;                // contents of this client that nothing named any more, deleted (R20)
    int deletionsHeld = 0;        // local deletions waiting for confirmation (mass-delete safety)
    bool waitingForSpace = false; // uploads wait for room under 'disk quota'
    bool complete = true;         // false: some remote changes wait for a later pass
    relay::RelayError::Kind cause = relay::RelayError::Kind::None; // the relay's error, when it failed
    QString movedTo; // the repository moved (escalectl migrate): the relay address now in use
    // Where the repository stands after the pass (-1: not known, the pass ended early).
    int conflictsWaiting = -1; // conflict copies in the folder, waiting to be resolved
    int pendingUp = -1;        // local changes not published yet
    qint64 pendingDown = -1;   // others' journal segments not applied yet, and contents asked again
    qint64 relayUsage = -1;    // bytes on the relay, all clients (as their heads say)
    QList<PeerState> peers;    // the other clients, as of this pass
    // What waits, path by path, with its cause (one line each): paths set aside (they could not be
    // placed in the folder, R15) and contents asked for again (R23); retried at every pass.
    QStringList waiting;

    bool ok() const { return status == Status::Ok; }
};

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

    QString clientId() const { return m_clientId; }
    state::StateDb& database() { return m_db; }

    // Per-file and per-folder access flags (send = r, receive = w); std::nullopt inherits from
    // the parent folder. Applied from the next pass on; every pass also reads the flags others
    // (`escalectl access`, the access dialog) wrote into the state database, and receives at once
    // what a flag turned back on lets in.
    using Access = EffectiveAccess;
    void setAccess(const QString& path, std::optional<bool> send, std::optional<bool> receive);
    Access access(const QString& path) const;

    // Lets the next pass propagate the local deletions it would otherwise hold back (a folder
    // emptied or unmounted, or more deletions than 'delete threshold').
    void confirmDeletions() { m_deletionsConfirmed = true; }

    // The next pass looks on the relay for contents this client sent that nothing names (an
    // upload whose record was lost with a state put back from a backup) and deletes them (R20).
    // Done anyway after a recovery and once a day.
    void sweepAtNextPass() { m_sweepRequested = true; }

    // Chooses the codec for the repository's header (relay-format.md section 4); by default
    // the plain codec for `"encryption": "off"`. Returning nullptr refuses the repository
    // with `error`.
    using CodecFactory = std::function<std::shared_ptr<protocol::ObjectCodec>(
        const protocol::RepositoryHeader&, QString& error)>;
    void setCodecFactory(CodecFactory factory) { m_codecFactory = std::move(factory); }

    // Whether the local file system tells names apart by case. Found by a probe in the folder
    // at the first pass; tests (and odd mounts the probe misjudges) may say it.
    void setCaseInsensitive(bool insensitive)
    {
        m_caseInsensitive = insensitive;
        m_caseProbed = true;
    }

    // A snapshot is written every this many own journal segments (R17).
    void setSnapshotInterval(int segments) { m_snapshotInterval = segments; }

    // The default location of a repository's state database under `stateDir`.
    static QString defaultStatePath(const QString& stateDir, const QString& localPath);

Q_SIGNALS:
    // While a pass runs: at each chunk, else at most every quarter of a second.
    void progress(const escale::sync::PassProgress& progress);
    void fileEvent(const escale::sync::FileEvent& event);

private:
    void reportProgress(bool now = false);
    void reportEvent(FileEvent::Kind kind, const QString& path, const QString& by, qint64 size);
    struct Pass;
    bool ensureRepository(Pass& pass); // both phases below
    bool openRepository(Pass& pass);   // reads the header; starts deriving the key if needed
    bool completeRepository(Pass& pass);
    bool examineHeader(Pass& pass, const QByteArray& bytes);
    relay::RelayError publishHeader(const protocol::RepositoryHeader& header, QByteArray& bytes);
    void failOnHeader(Pass& pass, const relay::RelayError& e);
    void scanLocal(Pass& pass);
    // Adopts this client's journal segments the relay holds beyond what its state knows (R13): a
    // state restored from a backup, a crash between a publication and its record; false (with the
    // pass failed) when the relay cannot be read or another machine writes under this identity.
    bool recoverOwnJournal(Pass& pass);
    // At a run's first pass: this client's heads on the relay against its state.
    bool catchUpOwnState(Pass& pass);
    static QString digestOf(const QByteArray& text);
    bool refuseClone(Pass& pass); // another machine under this identity: false, the pass refused
    void answerMissing(Pass& pass); // others' reports of this client's segments they cannot read
    // A conflict copy of `path` was changed here: the name's version supersedes the losing one.
    void settleConflict(const QString& path, const QString& copy);
    void pull(Pass& pass);
    // Reads one segment of a peer's journal into the known versions; false when it cannot be read.
    bool readSegment(Pass& pass, const state::StateDb::Peer& peer, quint64 seq);
    // Makes the folder match the known versions of these paths (and takes these pieces); false
    // when the relay failed while content was fetched (the journals are read again next time).
    bool materializePaths(Pass& pass, QStringList affected, const QList<protocol::JournalRecord>& pieces);
    void integrateRecords(Pass& pass, const QList<QJsonObject>& records, const QString& object,
                          const QString& from);
    bool loadSnapshot(Pass& pass, state::StateDb::Peer& peer);
    void writeSnapshot(Pass& pass);
    void deleteOldJournal(Pass& pass);
    enum class Outcome
    {
        Done,
        Deferred, // set aside with its cause (a local reason): tried again at every pass
        Wanted,   // its content is gone from the relay: asked for (R23)
        Retry,    // the relay failed: the journals are read again at the next pass
    };
    Outcome materialize(Pass& pass, const QString& path);
    // Sets `path` aside with `cause` (a problem of the pass too).
    Outcome setAside(Pass& pass, const QString& path, const QString& cause);
    enum class Content
    {
        Written,
        Failed,     // a local reason (the folder cannot be written)
        Gone,       // not on the relay any more, or damaged there: asked for again
        Unreachable // the relay failed
    };
    Content contentFailure(const relay::RelayError& e, const QFile& file);
    bool m_localWriteFailed = false; // the last chunk fetched could not be written to the folder
    Content obtainContent(const protocol::JournalRecord& record, const QString& targetPath, QString& problem);
    bool commitStaged(Pass& pass);
    bool throughLink(const QString& relative) const;
    QString caseTwin(const QString& relative);
    void noteName(const QString& relative, bool present);
    bool renameCaseTwin(const QString& twin, const QString& path, const protocol::JournalRecord& winner);
    QHash<QString, QString>& caseNames(const QString& folder);
    void probeCase();
    bool makeFolders(const QString& relative, QString& problem);
    void keepFolder(const QString& path);
    int modeFor(const protocol::JournalRecord& version, int replaced) const;
    void applyMode(const QString& temp, const protocol::JournalRecord& version, const QString& target);
    void planRepushes(Pass& pass);
    QList<QByteArray> currentWants();
    void push(Pass& pass);
    bool uploadFile(Pass& pass, protocol::JournalRecord& record, qint64 from, qint64 limit,
                    state::StateDb::LocalEntry* source = nullptr);
    // Whether the bytes sent for `record` (their hash, or the file read again) are its content;
    // a version made here takes the hash of what was sent.
    bool confirmContent(Pass& pass, protocol::JournalRecord& record, const state::StateDb::LocalEntry& source,
                        bool repush, QByteArray uploaded);
    // Chunks in flight `transfers()` at a time (1 where the backend cannot run several).
    int transfers() const;
    Resolution resolved(const QString& path); // what the known versions of `path` resolve to
    std::optional<state::StateDb::LocalEntry> contentSource(const protocol::JournalRecord& record);
    void withdrawIfGone(Pass& pass, const protocol::JournalRecord& record, bool repush);
    struct ChunkUpload;
    // Starts uploading `size` bytes of the file at `offset` as a new chunk, recorded as this
    // client's (unpublished) first; false with `e` set when the relay refuses, or the file
    // cannot be read (`e` ok).
    // Chunk names recorded (and committed) before a batch's uploads start: a crash in the middle
    // of the batch, whose own records are committed together at its end, leaves no chunk on the
    // relay that the start-up sweep does not know of. What the batch did not use is forgotten.
    void reserveChunkIds(int count);
    void releaseChunkIds();
    bool startChunk(const QString& absolute, qint64 offset, qint64 size, ChunkUpload& chunk,
                    relay::RelayError& e);
    bool dropOwnObject(const QString& id); // from the relay and the state; false if it stays
    void failUpload(Pass& pass, const QString& path, const relay::RelayError& e);
    bool uploadPiece(Pass& pass, protocol::JournalRecord& record, qint64 room);
    Outcome receivePiece(Pass& pass, const protocol::JournalRecord& piece);
    void dropPartial(const QString& path);
    relay::RelayError fetchChunks(const QString& path, const QList<protocol::ChunkRef>& chunks, QFile& file,
                                  Sha256* whole = nullptr);
    void writeHead(Pass& pass);
    void freeSpace(Pass& pass);
    void sweepOwnObjects(Pass& pass);
    void noteUnknown(const QString& path);
    void pruneArchive();
    void summarize(Pass& pass);                             // the "where it stands" fields of the result
    void followForward(Pass& pass);                         // the repository moved (R32)
    bool checkForgotten(Pass& pass, const QString& client); // its record checks (R33)
    bool switchRelay(Pass& pass, const QString& to);
    bool moveOwnObjects(Pass& pass, relay::RelayBackend& destination);
    relay::RelayError ensureFolder(const QString& folder);
    QString localPath(const QString& relative) const;
    bool receives() const;
    bool sends() const;
    bool selected(const QString& path, protocol::JournalRecord::Kind kind) const;
    QString selectionSignature() const; // the filters, hidden files and mode, as one value

    config::RepositoryConfig m_config;
    relay::RelayBackend* m_relay;
    std::unique_ptr<relay::RelayBackend> m_movedRelay; // the relay the repository moved to, once it did
    protocol::ObjectStore m_store;                     // the relay through the repository's codec
    CodecFactory m_codecFactory;
    std::unique_ptr<crypto::RepositoryKeys> m_keys; // an encrypted repository's opened keys
    QByteArray m_keysFor;                           // the header they were opened from
    struct KeyWork;
    std::unique_ptr<KeyWork> m_keyWork;                    // a key being derived
    std::shared_ptr<protocol::ObjectCodec> m_pendingCodec; // the header's codec, set once complete
    QString m_pendingRepository;                           // the header's repository id
    QString m_statePath;
    state::StateDb m_db;
    PathFilter m_filter;
    AccessTable m_access;
    AccessTable m_receivedWith; // the flags the last pass received with
    bool m_deletionsConfirmed = false;
    bool m_sweepRequested = false;
    // This run read what the relay's journal holds under its id, or published a segment there: from
    // then on, a segment of its own it does not know was written by another machine (a clone).
    bool m_ownStateConfirmed = false;
    bool m_scannedThisRun = false;
    QSet<QString> m_unknownNoted; // relay names outside the format, said once
    QSet<QString> m_reportedNames; // names that cannot travel, reported once per run
    int m_goneSeen = 0;       // files found gone, not published, at the last scan
    qint64 m_goneGrewMs = 0;  // when that count last grew (DeletionGuard's quiet time)
    bool m_caseInsensitive = false;
    bool m_modes = true; // the folder keeps permission bits (probed with the case)
    bool m_caseProbed = false;
    QHash<QString, QHash<QString, QString>> m_caseNames; // folder -> case-folded name -> name, per pass
    int m_snapshotInterval = 50;
    QString m_clientId;
    std::deque<QString> m_reservedIds; // see reserveChunkIds()
    QSet<QString> m_knownFolders;
    QSet<QString> m_forgotten; // clients whose 'forgotten' record checked (R33)
    struct Staged
    {
        QString temp; // absolute path of the verified temporary file
        QString path; // relative target
        QByteArray hash;
        QString origin;
        protocol::VersionVector vv; // what the folder reflects once it is in place
    };
    QList<Staged> m_staged; // downloads waiting for their batch's commit
    // The chunks of every content the journals read in this pass named, by hash: a record
    // without chunks (a rename, a conflict copy) finds its content there, even when the version
    // that brought it was replaced before the folder was made to match.
    QHash<QByteArray, QList<protocol::ChunkRef>> m_contentSeen;
    class Prefetch;
    Prefetch* m_prefetch = nullptr; // small files' chunks fetched ahead, while a batch is applied
    bool m_cleanedTemporary = false;
    int m_passesRun = 0; // passes this engine ran to their end (a state left behind shows at the first)
    bool m_repositoryChecked = false;
    qint64 m_lastArchivePrune = 0;
    PassProgress m_progress;         // of the pass under way
    qint64 m_progressReportedMs = 0; // when it was last sent
    qint64 m_fileStartBytes = 0;     // bytes received before the file under way
};

} // namespace escale::sync

Q_DECLARE_METATYPE(escale::sync::PassProgress)
Q_DECLARE_METATYPE(escale::sync::FileEvent)
