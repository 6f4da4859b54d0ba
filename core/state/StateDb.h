#pragma once

#include "protocol/Records.h"

#include <QHash>
#include <QList>
#include <QMap>
#include <QSet>
#include <QString>
#include <exception>
#include <functional>
#include <optional>

struct sqlite3;
struct sqlite3_stmt;

namespace escale::state {

// The state database's single values (its `meta` table), by name; the stored keys never change, so
// databases of earlier releases keep working.
enum class Meta
{
    Client, // this client's id in the repository
    Repository, // the repository id this state belongs to
    LocalPath, // the folder this state was made for
    Journal, // the last journal segment this client published
    JournalDigest, // the digest of that segment (tells a clone from a state behind)
    JournalFloor, // its oldest segment still on the relay
    Generation, // the generation of its last head
    Head, // what its last head said (written again only when that changes)
    Snapshot, // its last snapshot
    SnapshotJournal, // the journal that snapshot covers
    SnapshotAcks, // the acknowledgements that snapshot carries
    Selection, // the filters, hidden-file and mode settings the folder was last matched with
    MovedTo, // the relay the repository moved to (R32)
    Marked, // the folder marker was written
    Deletions, // local deletions of the last hour (DeletionGuard)
    AnsweredMissing, // the segments others reported missing, answered with a snapshot (R35)
    Swept, // when this client last looked for its unnamed objects (R20)
    SweepDue, // a look for them is due (after taking back its journal)
    PieceSent, // + a path: how far a file sent in pieces got (R28)
    RelayFolders, // the relay folders known to exist, and the relay they are on
    RelaySession, // what the relay learnt of the server (an HTTP server's authentication scheme)
    ReceivedWith, // the access flags the folder was last made to match with
};

// A state database that cannot go on: its disk is full or read-only, or the file is damaged.
// Thrown by the call that meets it (the transaction under way is then abandoned, see
// StateDb::abandon); the engine ends its pass with `message()`, the tools print it.
class StateError : public std::exception
{
public:
    enum class Kind
    {
        Full,     // no room left on its disk
        ReadOnly, // the file, its folder or its disk cannot be written
        Damaged,  // not a database, or one whose content does not read
        Other,
    };
    StateError(Kind kind, const QString& path, const QString& detail);
    Kind kind() const { return m_kind; }
    // One line for the user: what happened, and what to do.
    QString message() const { return m_message; }
    const char* what() const noexcept override { return m_what.constData(); }

private:
    Kind m_kind;
    QString m_message;
    QByteArray m_what;
};

// The local state of one repository, in SQLite (WAL): what the folder held when last seen,
// the known versions of every path, how far each other client's journal was consumed, and
// the objects this client keeps on the relay. Updated only once disk and relay agree, so a
// crash at any point repeats work but never loses it (relay-format.md section 10).
class StateDb
{
public:
    // What a path was on disk when Escale last scanned or wrote it.
    struct LocalEntry
    {
        QString path;
        protocol::JournalRecord::Kind kind = protocol::JournalRecord::Kind::File;
        qint64 size = 0;
        qint64 mtimeNs = 0;
        quint64 inode = 0;
        QByteArray hash;
        QString origin; // the client whose version this content is (this client: changed here)
        // The version vector this content descends from (relay-format.md R24): the merge of the
        // versions the materializer placed here, or the version made here from it. A new local
        // change is built on it, never on a version that is known but not on disk. std::nullopt:
        // not recorded (a database of an earlier release).
        std::optional<protocol::VersionVector> vv;
        int mode = 0; // a file's permission bits (0777 at most); 0: not known
        bool operator==(const LocalEntry&) const = default;
    };

    // Per-path access flags (send = r, receive = w); unset flags inherit from the parent.
    struct Access
    {
        std::optional<bool> send;
        std::optional<bool> receive;
        bool operator==(const Access&) const = default;
    };

    // One of the maximal known versions of a path (relay-format.md R25, R26).
    struct Version
    {
        protocol::JournalRecord record;
        bool pending = false; // made here, not yet published
        bool renamed = false; // pending, and its content is a local file that others have (R27)
    };

    struct Peer
    {
        QString client;
        QString name;
        quint64 generation = 0;              // highest head generation seen (R12)
        quint64 consumed = 0;                // last journal segment applied and acknowledged (R15)
        quint64 journal = 0;                 // journal number of its last head
        qint64 usage = 0;                    // bytes it keeps on the relay, from its last head
        quint64 snapshot = 0;                // its latest snapshot, from its last head
        QMap<QString, quint64> snapshotAcks; // what that snapshot covers
        qint64 lastChangeMs = 0;             // when its head last changed, on this machine's clock
        QMap<QString, quint64> acks;         // its acknowledgements, from its last head
        QList<QByteArray> wants;             // contents it asks to be sent again, from its last head
        QList<QByteArray> lacks;             // of the contents others want, those it holds none of
        QMap<QString, quint64> missing;      // segments it cannot read, by writer, from its last head
    };

    struct OwnObject
    {
        QString id;
        quint64 segment = 0; // journal segment that references it; 0 while unpublished
        qint64 size = 0;
    };

    StateDb() = default;
    ~StateDb();
    StateDb(const StateDb&) = delete;
    StateDb& operator=(const StateDb&) = delete;

    bool open(const QString& path, QString& error);
    void close();
    bool isOpen() const { return m_db != nullptr; }

    // Transactions nest: only the outermost begin/commit pair reaches SQLite.
    void begin();
    void commit();
    // After a StateError (or any exception) in a transaction: what it wrote is rolled back.
    void abandon();
    // Tests: the database grows by at most this many bytes more (as on a full disk), for as long
    // as it stays open.
    void limitGrowth(qint64 bytes);
    // Tests: called before each outermost commit; it may throw (a simulated crash: the
    // transaction is then never committed, and rolled back when the database is closed).
    void setCommitHook(std::function<void()> hook) { m_commitHook = std::move(hook); }

    // `suffix` completes a key that stands for a family of values (Meta::PieceSent: the path).
    QString meta(Meta key, const QString& suffix = {}) const;
    void setMeta(Meta key, const QString& value, const QString& suffix = {});
    void removeMeta(Meta key, const QString& suffix = {});
    static QString metaKey(Meta key);

    std::optional<LocalEntry> local(const QString& path) const;
    QHash<QString, LocalEntry> allLocal() const;
    void putLocal(const LocalEntry& entry);
    void removeLocal(const QString& path);
    // The files the last scan found gone while their deletions were held (mass-delete guard),
    // their entries kept: one found again was put back (LocalChanges). Each scan replaces the set.
    QSet<QString> heldGone() const;
    void setHeldGone(const QSet<QString>& paths);
    // The files whose size, time and inode another file's entry records too (a hard link, or a file
    // moved while neither path was looked at: one of the two entries is stale).
    QSet<QString> sharedFiles() const;
    QList<LocalEntry> localWithHash(const QByteArray& hash) const;
    // The paths of the known versions with one of those contents, by content (one pass over the
    // table, reading each record's content hash only).
    QMultiHash<QByteArray, QString> pathsWithContents(const QSet<QByteArray>& hashes) const;

    QList<Version> versions(const QString& path) const;
    int versionCount(const QString& path) const; // without reading them
    // Every version published and superseded by none published: those of versions(), but for the
    // ones not yet published, and those such a version superseded (kept by setVersions and
    // keepPublished until a published version supersedes them).
    QList<Version> publishedVersions() const;
    void setVersions(const QString& path, const QList<Version>& versions);
    // A published record that versions(path) did not take in because a version waiting here
    // supersedes it (read again, or taken back after that version was made): listed by snapshots
    // all the same, as setVersions keeps the published versions such a version replaces.
    void keepPublished(const protocol::JournalRecord& record);
    // Versions made here and not yet published, in (path, vv) order, after the given ones.
    QList<Version> pendingVersions(const QString& afterPath = {}, const QString& afterVv = {},
                                   int limit = -1) const;
    QStringList versionPaths() const;
    int pendingCount() const;
    // The files among them whose content is to be sent (renames excluded): how many, how many bytes.
    std::pair<int, qint64> pendingContent() const; // versions made here, not yet published
    // Paths of the folder (as last scanned) whose relative path contains `text`.
    QStringList localPathsContaining(const QString& text) const;

    QHash<QString, Access> allAccess() const;
    void setAccess(const QString& path, const Access& access);

    QHash<QString, Peer> peers() const;
    void putPeer(const Peer& peer);
    void removePeer(const QString& client);

    QList<OwnObject> ownObjects() const;
    void putOwnObject(const OwnObject& object);
    void removeOwnObject(const QString& id); // with what is known of it (blobs, references)
    // Another client's segment that names a blob in one of this client's packs (R41): the pack is
    // kept until that segment is acknowledged too. One per pack and writer, the latest.
    struct PackRef
    {
        QString client; // the segment's writer
        quint64 segment = 0;
    };
    void addPackRef(const QString& object, const QString& client, quint64 segment);
    QMultiHash<QString, PackRef> packRefs() const;
    // Blobs in other clients' packs, with the segment of `client` that named them last (R39 d).
    void putForeignBlobs(const QString& client, quint64 segment, const QList<protocol::BlobRef>& blobs);
    std::optional<protocol::BlobRef> foreignBlob(const QByteArray& hash) const;
    // Forgets those named by segments every client that counts acknowledged (position per writer),
    // and those of clients no longer known.
    void pruneForeignBlobs(const QMap<QString, quint64>& acknowledged);
    qint64 ownUsage() const;
    // Blobs in this client's packs on the relay (R39 b), by hash; forgotten with their pack.
    void putOwnBlobs(const QList<protocol::BlobRef>& blobs);
    std::optional<protocol::BlobRef> ownBlob(const QByteArray& hash) const;
    // Whether blobs of this pack are recorded: an unpublished pack with some was written whole
    // (a spare, R2), one without may be cut short.
    bool hasOwnBlobs(const QString& pack) const;
    // The blob lists of contents this client published or placed (whole versions), for the
    // contents a file of the folder holds or a path's basis (pruneContentBlobs).
    void putContentBlobs(const QByteArray& content, const QList<protocol::BlobRef>& blobs);
    QList<protocol::BlobRef> contentBlobs(const QByteArray& content) const;
    struct HeldBlob
    {
        QByteArray content; // a content whose blob list holds the blob
        qint64 position = 0; // where in that content
    };
    QList<HeldBlob> contentsWithBlob(const QByteArray& blob) const; // a few
    // A path's basis (R39 c): the content of the version of it this client last published or placed,
    // whose blob list is `blobs` (as given to putContentBlobs). A content that is one blob offers
    // none to the next version (putContentBlobs keeps no list for it): the path then has no basis.
    void setBasis(const QString& path, const QByteArray& content, const QList<protocol::BlobRef>& blobs);
    QByteArray basis(const QString& path) const;
    void pruneContentBlobs();
    // Every content object a known version names (whoever wrote it).
    QSet<QString> referencedObjects() const;

    // Contents this client could not get from the relay (R23), by hash, with a path needing it.
    QMultiHash<QByteArray, QString> wants() const;
    void addWant(const QByteArray& hash, const QString& path);
    void removeWant(const QByteArray& hash, const QString& path);
    void removeWantsOf(const QString& path);

    // Contents sent again for a peer: the segment that carries them.
    quint64 repushedIn(const QByteArray& hash, const QString& peer) const;
    void setRepushed(const QByteArray& hash, const QString& peer, quint64 segment);

    // Paths whose known versions could not be placed in the folder (relay-format.md R15): set
    // aside with their cause, retried at every pass; the rest of the journal goes on.
    struct SetAside
    {
        QString path;
        QString cause;
        qint64 sinceMs = 0;
    };
    QList<SetAside> setAside() const;
    void putSetAside(const QString& path, const QString& cause, qint64 nowMs);
    void removeSetAside(const QString& path);

    // A file received in pieces (R28): the bytes so far are in `temp`, next to the target.
    struct Partial
    {
        QString path;
        QByteArray hash; // of the whole file
        qint64 size = 0;
        qint64 received = 0;
        QString temp; // absolute
    };
    std::optional<Partial> partial(const QString& path) const;
    QList<Partial> partials() const;
    void putPartial(const Partial& partial);
    void removePartial(const QString& path);

private:
    void exec(const char* sql) const;
    void openTables(const QString& path);

    sqlite3* m_db = nullptr;
    QString m_path;
    int m_depth = 0;
    std::function<void()> m_commitHook;
    // Versions as stored, by path: written through by setVersions, dropped by abandon().
    mutable QHash<QString, QList<Version>> m_versionCache;
    void cacheVersions(const QString& path, const QList<Version>& versions) const;
    // Within a transaction (BEGIN IMMEDIATE: no other connection writes meanwhile), the local
    // table's rows as read by path, and whether `wants`, `set_aside`, `basis` and `content_blobs`
    // hold anything (-1: not looked at yet): a pass asks the same for every file of a batch (and
    // a folder of small files has no basis nor blob list). Forgotten when it ends.
    mutable QHash<QString, std::optional<LocalEntry>> m_localCache;
    mutable int m_anyWants = -1;
    mutable int m_anySetAside = -1;
    mutable int m_anyBasis = -1;
    mutable int m_anyContentBlobs = -1;
    mutable int m_anyPublishedUnder = -1;
    bool publishedUnderMayHold() const;
    QMap<QString, protocol::JournalRecord> publishedUnder(const QString& path) const;
    void setPublishedUnder(const QString& path, const QMap<QString, protocol::JournalRecord>& was,
                           const QMap<QString, protocol::JournalRecord>& now);
    void keepPublishedUnder(const QString& path, const QList<Version>& before, const QList<Version>& next);
    void forgetTransaction();
    bool mayHold(const char* existsSql, int& known) const;
};

} // namespace escale::state
