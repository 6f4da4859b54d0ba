#include "state/StateDb.h"

#include "Tr.h"
#include "log/Logging.h"
#include "state/Statement.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <algorithm>
#include <sqlite3.h>

namespace escale::state {

StateError::StateError(Kind kind, const QString& path, const QString& detail)
    : m_kind(kind)
{
    switch (kind) {
    case Kind::Full:
        m_message = trc("state", "the state database %1 cannot grow: its disk is full (%2). Free some room on "
                                 "it; Escale tries again, and nothing is lost")
                        .arg(path, detail);
        break;
    case Kind::ReadOnly:
        m_message = trc("state", "the state database %1 cannot be written (%2): the file, its folder or its disk "
                                 "is read-only. Make it writable; Escale tries again, and nothing is lost")
                        .arg(path, detail);
        break;
    case Kind::Damaged:
        m_message = trc("state", "the state database %1 is damaged (%2): stop Escale and move it away, with its "
                                 "-wal and -shm files; at the next start the folder's files are compared with the "
                                 "repository's, and nothing is lost")
                        .arg(path, detail);
        break;
    case Kind::Other:
        m_message = trc("state", "the state database %1 failed: %2").arg(path, detail);
        break;
    }
    m_what = m_message.toUtf8();
}

namespace {

using detail::fail;
using detail::fileOf;
using detail::readVersion;
using detail::Statement;
using detail::statementCache;
using protocol::JournalRecord;

StateDb::LocalEntry readLocal(const Statement& s)
{
    StateDb::LocalEntry e;
    e.path = s.text(0);
    e.kind = JournalRecord::Kind(s.integer(1));
    e.size = s.integer(2);
    e.mtimeNs = s.integer(3);
    e.inode = quint64(s.integer(4));
    e.hash = s.blob(5);
    e.origin = s.text(6);
    if (!s.isNull(7))
        e.vv = protocol::VersionVector::fromString(s.text(7));
    e.mode = int(s.integer(8));
    return e;
}

// Whether a version reads back from the table exactly as it is (readVersion of what setVersions
// writes): then it is kept in the cache as written instead of being parsed again. Conservative:
// a version whose text form would drop something, or that the reading would refuse, is read back.
bool readsBackAsIs(const StateDb::Version& v)
{
    using Kind = JournalRecord::Kind;
    const JournalRecord& r = v.record;
    constexpr double kLargest = 9.0e15; // the text form's whole numbers
    // Text that UTF-8 does not carry as it is (a lone surrogate) reads back otherwise.
    if ((v.renamed && !v.pending) || r.piece || r.path.isEmpty() || r.vv.isEmpty() || r.vv.counter(r.origin) == 0 ||
        r.originName.size() > 200 || !protocol::isClientId(r.origin) || !QStringView(r.path).isValidUtf16() ||
        !QStringView(r.originName).isValidUtf16())
        return false;
    for (auto it = r.vv.counters().cbegin(); it != r.vv.counters().cend(); ++it)
        if (it.value() == 0 || double(it.value()) > kLargest || !protocol::isClientId(it.key()))
            return false;
    if (r.kind != Kind::File)
        return r.size == 0 && r.mtimeMs == 0 && r.hash.isEmpty() && r.blobs.isEmpty() && r.from == 0 && r.mode == 0;
    if (r.hash.size() != 32 || r.size < 0 || double(r.size) > kLargest || r.mtimeMs < 0 ||
        double(r.mtimeMs) > kLargest || r.mode < 0 || r.mode > 0777 || r.from < 0 || (r.from > 0 && r.from >= r.size))
        return false;
    const bool whole = std::all_of(r.blobs.cbegin(), r.blobs.cend(), [](const protocol::BlobRef& b) { return b.whole; });
    qint64 total = 0;
    for (const protocol::BlobRef& b : r.blobs) {
        if (b.whole != whole || (whole && b.offset != 0) || b.offset < 0 || double(b.offset) > kLargest ||
            b.length < 1 || double(b.length) > kLargest || b.hash.size() != 32 || !protocol::isObjectId(b.pack))
            return false;
        total += b.length;
    }
    return r.blobs.isEmpty() || total == r.size - r.from;
}

} // namespace

StateDb::~StateDb()
{
    close();
}

bool StateDb::open(const QString& path, QString& error)
{
    close();
    QDir().mkpath(QFileInfo(path).absolutePath());
    if (sqlite3_open_v2(QFile::encodeName(path).constData(), &m_db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                        nullptr) != SQLITE_OK) {
        error = trc("state", "cannot open the state database %1: %2")
                    .arg(path, m_db ? QString::fromUtf8(sqlite3_errmsg(m_db)) : trc("state", "out of memory"));
        close();
        return false;
    }
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    m_path = path;
    sqlite3_busy_timeout(m_db, 10'000);
    try {
        openTables(path);
    } catch (const StateError& e) {
        error = e.message();
        close();
        return false;
    }
    return true;
}

void StateDb::openTables(const QString& path)
{
    char* message = nullptr;
    const char* schema = R"sql(
        PRAGMA page_size = 8192;
        PRAGMA journal_mode = WAL;
        PRAGMA synchronous = NORMAL;
        PRAGMA cache_size = -32768;
        CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS local (path TEXT PRIMARY KEY, kind INTEGER NOT NULL, size INTEGER NOT NULL,
            mtime_ns INTEGER NOT NULL, inode INTEGER NOT NULL, hash BLOB, origin TEXT NOT NULL DEFAULT '');
        CREATE TABLE IF NOT EXISTS access (path TEXT PRIMARY KEY, send INTEGER NOT NULL, receive INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS local_hash ON local (hash);
        CREATE TABLE IF NOT EXISTS versions (path TEXT NOT NULL, vv TEXT NOT NULL, record BLOB NOT NULL,
            pending INTEGER NOT NULL, PRIMARY KEY (path, vv));
        CREATE INDEX IF NOT EXISTS versions_pending ON versions (pending) WHERE pending >= 1;
        CREATE TABLE IF NOT EXISTS peers (client TEXT PRIMARY KEY, name TEXT NOT NULL, generation INTEGER NOT NULL,
            consumed INTEGER NOT NULL, journal INTEGER NOT NULL, last_change_ms INTEGER NOT NULL, acks TEXT NOT NULL,
            wants TEXT NOT NULL DEFAULT '', usage INTEGER NOT NULL DEFAULT 0, snapshot INTEGER NOT NULL DEFAULT 0,
            snapshot_acks TEXT NOT NULL DEFAULT '{}');
        CREATE TABLE IF NOT EXISTS own_objects (id TEXT PRIMARY KEY, segment INTEGER NOT NULL, size INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS wants (hash BLOB NOT NULL, path TEXT NOT NULL, PRIMARY KEY (hash, path));
        CREATE TABLE IF NOT EXISTS repushed (hash BLOB NOT NULL, peer TEXT NOT NULL, segment INTEGER NOT NULL,
            PRIMARY KEY (hash, peer));
        CREATE TABLE IF NOT EXISTS partials (path TEXT PRIMARY KEY, hash BLOB NOT NULL, size INTEGER NOT NULL,
            received INTEGER NOT NULL, temp TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS held_gone (path TEXT PRIMARY KEY);
        CREATE TABLE IF NOT EXISTS set_aside (path TEXT PRIMARY KEY, cause TEXT NOT NULL, since_ms INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS own_blobs (hash BLOB PRIMARY KEY, pack TEXT NOT NULL, offset INTEGER NOT NULL,
            length INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS own_blobs_pack ON own_blobs (pack);
        CREATE TABLE IF NOT EXISTS content_blobs (content BLOB NOT NULL, position INTEGER NOT NULL, blob BLOB NOT NULL,
            length INTEGER NOT NULL, pack TEXT NOT NULL, pack_offset INTEGER NOT NULL, whole INTEGER NOT NULL,
            PRIMARY KEY (content, position));
        CREATE INDEX IF NOT EXISTS content_blobs_blob ON content_blobs (blob);
        CREATE TABLE IF NOT EXISTS basis (path TEXT PRIMARY KEY, content BLOB NOT NULL);
        CREATE TABLE IF NOT EXISTS foreign_blobs (blob BLOB PRIMARY KEY, pack TEXT NOT NULL, offset INTEGER NOT NULL,
            length INTEGER NOT NULL, client TEXT NOT NULL, segment INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS foreign_blobs_client ON foreign_blobs (client, segment);
        CREATE TABLE IF NOT EXISTS pack_refs (object TEXT NOT NULL, client TEXT NOT NULL, segment INTEGER NOT NULL,
            PRIMARY KEY (object, client));
        CREATE TABLE IF NOT EXISTS published_under (path TEXT NOT NULL, vv TEXT NOT NULL, record BLOB NOT NULL,
            PRIMARY KEY (path, vv));
    )sql";
    if (sqlite3_exec(m_db, schema, nullptr, nullptr, &message) != SQLITE_OK) {
        sqlite3_free(message); // sqlite3_errmsg() says it again
        fail(m_db, trc("state", "cannot use %1").arg(path));
    }
    // Columns added since the first release (the schema's version is SQLite's user_version).
    qint64 schemaVersion = 0;
    {
        Statement version(m_db, "PRAGMA user_version");
        schemaVersion = version.step() ? version.integer(0) : 0;
    }
    // Each step adds a column of the local table, unless a half-done earlier upgrade added it.
    const struct
    {
        const char* table;
        const char* column;
        const char* add;
    } steps[] = {
        // 1: the vector a local entry descends from; NULL on rows written before it existed.
        {"local", "vv", "ALTER TABLE local ADD COLUMN vv TEXT"},
        // 2: a file's permission bits (0: not known yet).
        {"local", "mode", "ALTER TABLE local ADD COLUMN mode INTEGER NOT NULL DEFAULT 0"},
        // 3: the segments a peer says it cannot read (R35).
        {"peers", "missing", "ALTER TABLE peers ADD COLUMN missing TEXT NOT NULL DEFAULT '{}'"},
        // 4: of the contents others want, those a peer says it holds none of (R23).
        {"peers", "lacks", "ALTER TABLE peers ADD COLUMN lacks TEXT NOT NULL DEFAULT ''"},
    };
    for (qint64 step = schemaVersion; step < qint64(std::size(steps)); ++step) {
        bool present = false;
        {
            Statement columns(m_db, "SELECT name FROM pragma_table_info(?)");
            columns.bind(1, QString::fromLatin1(steps[step].table));
            while (columns.step())
                present = present || columns.text(0) == QLatin1String(steps[step].column);
        }
        if (!present)
            exec(steps[step].add);
        exec(QStringLiteral("PRAGMA user_version = %1").arg(step + 1).toUtf8().constData());
    }
}

void StateDb::close()
{
    if (m_db) {
        auto& cache = statementCache();
        for (auto it = cache.begin(); it != cache.end();) {
            if (it.key().first == m_db) {
                sqlite3_finalize(it.value());
                it = cache.erase(it);
            } else {
                ++it;
            }
        }
        sqlite3_close_v2(m_db);
    }
    m_db = nullptr;
    m_versionCache.clear();
}

void StateDb::exec(const char* sql) const
{
    char* message = nullptr;
    if (sqlite3_exec(m_db, sql, nullptr, nullptr, &message) != SQLITE_OK) {
        sqlite3_free(message); // sqlite3_errmsg() says it again
        fail(m_db, QString::fromUtf8(sql).simplified().left(80));
    }
}

void StateDb::forgetTransaction()
{
    m_localCache.clear();
    m_anyWants = m_anySetAside = m_anyBasis = m_anyContentBlobs = m_anyPublishedUnder = -1;
}

// One statement each (statements are cached by their text's address).
constexpr const char* kAnyWants = "SELECT EXISTS (SELECT 1 FROM wants)";
constexpr const char* kAnySetAside = "SELECT EXISTS (SELECT 1 FROM set_aside)";

// Whether a table may hold rows: outside a transaction always; within one, asked once.
bool StateDb::mayHold(const char* existsSql, int& known) const
{
    if (m_depth == 0)
        return true;
    if (known < 0) {
        Statement s(m_db, existsSql);
        known = s.step() && s.integer(0) != 0 ? 1 : 0;
    }
    return known != 0;
}

void StateDb::abandon()
{
    m_versionCache.clear(); // it may hold what is rolled back
    forgetTransaction();
    m_depth = 0;
    if (m_db && !sqlite3_get_autocommit(m_db))
        sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr); // whatever it says: nothing is kept
}

void StateDb::limitGrowth(qint64 bytes)
{
    qint64 pageSize = 4096, pages = 1;
    {
        Statement size(m_db, "PRAGMA page_size");
        if (size.step())
            pageSize = std::max<qint64>(512, size.integer(0));
    }
    {
        Statement count(m_db, "PRAGMA page_count");
        if (count.step())
            pages = std::max<qint64>(1, count.integer(0));
    }
    exec(QStringLiteral("PRAGMA max_page_count = %1").arg(pages + bytes / pageSize).toUtf8().constData());
}

void StateDb::begin()
{
    if (m_depth++ == 0) {
        forgetTransaction();
        exec("BEGIN IMMEDIATE");
    }
}

void StateDb::commit()
{
    if (--m_depth == 0) {
        forgetTransaction();
        if (m_commitHook)
            m_commitHook();
        exec("COMMIT");
    }
}

QString StateDb::metaKey(Meta key)
{
    switch (key) {
    case Meta::Client:
        return QStringLiteral("client");
    case Meta::Repository:
        return QStringLiteral("repository");
    case Meta::LocalPath:
        return QStringLiteral("local path");
    case Meta::Journal:
        return QStringLiteral("journal");
    case Meta::JournalDigest:
        return QStringLiteral("journal digest");
    case Meta::JournalFloor:
        return QStringLiteral("journal floor");
    case Meta::Generation:
        return QStringLiteral("generation");
    case Meta::Head:
        return QStringLiteral("head");
    case Meta::Snapshot:
        return QStringLiteral("snapshot");
    case Meta::SnapshotJournal:
        return QStringLiteral("snapshot journal");
    case Meta::SnapshotAcks:
        return QStringLiteral("snapshot acks");
    case Meta::Selection:
        return QStringLiteral("selection");
    case Meta::MovedTo:
        return QStringLiteral("moved to");
    case Meta::Marked:
        return QStringLiteral("marked");
    case Meta::Deletions:
        return QStringLiteral("deletions");
    case Meta::AnsweredMissing:
        return QStringLiteral("answered missing");
    case Meta::Swept:
        return QStringLiteral("swept");
    case Meta::SweepDue:
        return QStringLiteral("sweep due");
    case Meta::PieceSent:
        return QStringLiteral("piece/");
    case Meta::RelayFolders:
        return QStringLiteral("relay folders");
    case Meta::RelaySession:
        return QStringLiteral("relay session");
    case Meta::ReceivedWith:
        return QStringLiteral("received with");
    }
    return {};
}

QString StateDb::meta(Meta key, const QString& suffix) const
{
    Statement s(m_db, "SELECT value FROM meta WHERE key = ?");
    s.bind(1, metaKey(key) + suffix);
    return s.step() ? s.text(0) : QString();
}

void StateDb::removeMeta(Meta key, const QString& suffix)
{
    Statement(m_db, "DELETE FROM meta WHERE key = ?").bind(1, metaKey(key) + suffix).step();
}

void StateDb::setMeta(Meta key, const QString& value, const QString& suffix)
{
    Statement(m_db, "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)")
        .bind(1, metaKey(key) + suffix)
        .bind(2, value)
        .step();
}

std::optional<StateDb::LocalEntry> StateDb::local(const QString& path) const
{
    if (m_depth > 0)
        if (const auto it = m_localCache.constFind(path); it != m_localCache.cend())
            return *it;
    Statement s(m_db, "SELECT path, kind, size, mtime_ns, inode, hash, origin, vv, mode FROM local WHERE path = ?");
    s.bind(1, path);
    std::optional<LocalEntry> e;
    if (s.step())
        e = readLocal(s);
    if (m_depth > 0) {
        if (m_localCache.size() >= 16384)
            m_localCache.clear();
        m_localCache.insert(path, e);
    }
    return e;
}

QHash<QString, StateDb::LocalEntry> StateDb::allLocal() const
{
    QHash<QString, LocalEntry> out;
    Statement s(m_db, "SELECT path, kind, size, mtime_ns, inode, hash, origin, vv, mode FROM local");
    while (s.step()) {
        LocalEntry e = readLocal(s);
        out.insert(e.path, e);
    }
    return out;
}

QList<StateDb::LocalEntry> StateDb::localWithHash(const QByteArray& hash) const
{
    QList<LocalEntry> out;
    Statement s(m_db, "SELECT path, kind, size, mtime_ns, inode, hash, origin, vv, mode FROM local WHERE hash = ?");
    s.bind(1, hash);
    while (s.step())
        out.append(readLocal(s));
    return out;
}

QMultiHash<QByteArray, QString> StateDb::pathsWithContents(const QSet<QByteArray>& hashes) const
{
    // A record's text names its content as `,"hash":"<hex>"` (a blob's hash follows a `{`).
    QMultiHash<QByteArray, QString> out;
    if (hashes.isEmpty())
        return out;
    static const QByteArray key = QByteArrayLiteral(",\"hash\":\"");
    Statement s(m_db, "SELECT path, record FROM versions");
    while (s.step()) {
        const QByteArray text = s.blob(1);
        const qsizetype at = text.indexOf(key);
        if (at < 0 || at + key.size() + 64 > text.size())
            continue;
        const QByteArray hash = QByteArray::fromHex(text.mid(at + key.size(), 64));
        if (hashes.contains(hash))
            out.insert(hash, s.text(0));
    }
    return out;
}

void StateDb::putLocal(const LocalEntry& e)
{
    m_localCache.remove(e.path); // read again as stored
    Statement s(m_db, "INSERT OR REPLACE INTO local (path, kind, size, mtime_ns, inode, hash, origin, vv, mode) "
                      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    s.bind(1, e.path)
        .bind(2, qint64(e.kind))
        .bind(3, e.size)
        .bind(4, e.mtimeNs)
        .bind(5, qint64(e.inode))
        .bind(6, e.hash)
        .bind(7, e.origin);
    if (e.vv)
        s.bind(8, e.vv->toString());
    else
        s.bindNull(8);
    s.bind(9, qint64(e.mode));
    s.step();
}

QHash<QString, StateDb::Access> StateDb::allAccess() const
{
    QHash<QString, Access> out;
    Statement s(m_db, "SELECT path, send, receive FROM access");
    while (s.step()) {
        Access a;
        if (s.integer(1) >= 0)
            a.send = s.integer(1) != 0;
        if (s.integer(2) >= 0)
            a.receive = s.integer(2) != 0;
        out.insert(s.text(0), a);
    }
    return out;
}

void StateDb::setAccess(const QString& path, const Access& access)
{
    if (!access.send && !access.receive) {
        Statement(m_db, "DELETE FROM access WHERE path = ?").bind(1, path).step();
        return;
    }
    Statement(m_db, "INSERT OR REPLACE INTO access (path, send, receive) VALUES (?, ?, ?)")
        .bind(1, path)
        .bind(2, qint64(access.send ? (*access.send ? 1 : 0) : -1))
        .bind(3, qint64(access.receive ? (*access.receive ? 1 : 0) : -1))
        .step();
}

void StateDb::removeLocal(const QString& path)
{
    Statement(m_db, "DELETE FROM local WHERE path = ?").bind(1, path).step();
    if (m_depth > 0)
        m_localCache.insert(path, std::nullopt);
}

QSet<QString> StateDb::heldGone() const
{
    QSet<QString> out;
    Statement s(m_db, "SELECT path FROM held_gone");
    while (s.step())
        out.insert(s.text(0));
    return out;
}

void StateDb::setHeldGone(const QSet<QString>& paths)
{
    begin();
    Statement(m_db, "DELETE FROM held_gone").step();
    for (const QString& path : paths)
        Statement(m_db, "INSERT INTO held_gone (path) VALUES (?)").bind(1, path).step();
    commit();
}

QSet<QString> StateDb::sharedFiles() const
{
    QSet<QString> out;
    Statement s(
        m_db, "SELECT path FROM local JOIN (SELECT inode, size, mtime_ns FROM local WHERE kind = ?1 AND "
              "inode <> 0 GROUP BY inode, size, mtime_ns HAVING COUNT(*) > 1) USING (inode, size, mtime_ns) "
              "WHERE kind = ?1");
    s.bind(1, qint64(JournalRecord::Kind::File));
    while (s.step())
        out.insert(s.text(0));
    return out;
}

QList<StateDb::Version> StateDb::versions(const QString& path) const
{
    if (const auto it = m_versionCache.constFind(path); it != m_versionCache.cend())
        return *it;
    QList<Version> out;
    Statement s(m_db, "SELECT record, pending FROM versions WHERE path = ? ORDER BY vv");
    s.bind(1, path);
    while (s.step())
        out.append(readVersion(s));
    cacheVersions(path, out);
    return out;
}

int StateDb::versionCount(const QString& path) const
{
    if (const auto it = m_versionCache.constFind(path); it != m_versionCache.cend())
        return int(it->size());
    Statement s(m_db, "SELECT COUNT(*) FROM versions WHERE path = ?");
    s.bind(1, path);
    return s.step() ? int(s.integer(0)) : 0;
}

void StateDb::cacheVersions(const QString& path, const QList<Version>& versions) const
{
    // A pass reads a path's versions several times (resolution, placing, sending): parsed once
    // from what the table holds (setVersions drops the entry). Bounded, so that a folder of
    // 100,000 files does not hold them all.
    constexpr qsizetype kMostPaths = 16384;
    if (m_versionCache.size() >= kMostPaths)
        m_versionCache.clear();
    m_versionCache.insert(path, versions);
}

void StateDb::setVersions(const QString& path, const QList<Version>& versions)
{
    auto pendingCode = [](const Version& v) { return qint64(v.pending ? (v.renamed ? 2 : 1) : 0); };
    // What the table holds now, in its order (by vector, the last of equal ones kept).
    QMap<QString, Version> next;
    for (const Version& v : versions)
        next.insert(v.record.vv.toString(), v);
    // When the cache says what the table held, only the rows that change are written.
    std::optional<QMap<QString, Version>> before;
    if (const auto it = m_versionCache.constFind(path); it != m_versionCache.cend()) {
        before.emplace();
        for (const Version& v : *it)
            before->insert(v.record.vv.toString(), v);
    }
    m_versionCache.remove(path);
    const bool anyPending =
        std::any_of(versions.cbegin(), versions.cend(), [](const Version& v) { return v.pending; });
    const bool anyUnder = publishedUnderMayHold();
    if (!before && anyPending) { // (what a version waiting here may supersede)
        before.emplace();
        Statement s(m_db, "SELECT record, pending FROM versions WHERE path = ?");
        s.bind(1, path);
        while (s.step()) {
            const Version v = readVersion(s);
            before->insert(v.record.vv.toString(), v);
        }
    }
    if (anyPending || anyUnder)
        keepPublishedUnder(path, before ? before->values() : QList<Version>(), next.values());
    if (before) {
        for (auto it = before->cbegin(); it != before->cend(); ++it)
            if (!next.contains(it.key()))
                Statement(m_db, "DELETE FROM versions WHERE path = ? AND vv = ?").bind(1, path).bind(2, it.key()).step();
    } else {
        Statement(m_db, "DELETE FROM versions WHERE path = ?").bind(1, path).step();
    }
    bool asIs = true;
    for (auto it = next.cbegin(); it != next.cend(); ++it) {
        const Version& v = it.value();
        asIs = asIs && readsBackAsIs(v);
        if (before) {
            // The same version as read from the table: what it holds reads as this already.
            const auto was = before->constFind(it.key());
            if (was != before->cend() && was->record == v.record && pendingCode(*was) == pendingCode(v))
                continue;
        }
        Statement(m_db, "INSERT OR REPLACE INTO versions (path, vv, record, pending) VALUES (?, ?, ?, ?)")
            .bind(1, path)
            .bind(2, it.key())
            .bind(3, v.record.toJsonText())
            .bind(4, pendingCode(v))
            .step();
    }
    // Cached as written when each version reads back as it is; else read again when asked.
    if (asIs)
        cacheVersions(path, next.values());
}

QList<StateDb::Version> StateDb::pendingVersions(const QString& afterPath, const QString& afterVv,
                                                 int limit) const
{
    QList<Version> out;
    Statement s(
        m_db,
        "SELECT record, pending, path, vv FROM versions WHERE pending >= 1 AND (path > ? OR (path = ? AND vv > ?)) "
        "ORDER BY path, vv LIMIT ?");
    s.bind(1, afterPath).bind(2, afterPath).bind(3, afterVv).bind(4, qint64(limit));
    while (s.step()) {
        // As cached (the scan that made it wrote it just now): not parsed again.
        bool cached = false;
        if (const auto it = m_versionCache.constFind(s.text(2)); it != m_versionCache.cend()) {
            const QString vv = s.text(3);
            for (const Version& v : *it)
                if (!cached && v.pending && v.renamed == (s.integer(1) == 2) && v.record.vv.toString() == vv) {
                    out.append(v);
                    cached = true;
                }
        }
        if (!cached)
            out.append(readVersion(s));
    }
    return out;
}

QStringList StateDb::versionPaths() const
{
    QStringList out;
    Statement s(m_db, "SELECT DISTINCT path FROM versions ORDER BY path");
    while (s.step())
        out.append(s.text(0));
    return out;
}

namespace {
QString snapshotAcksText(const QMap<QString, quint64>& acks)
{
    QJsonObject o;
    for (auto it = acks.cbegin(); it != acks.cend(); ++it)
        o.insert(it.key(), double(it.value()));
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}
} // namespace

QHash<QString, StateDb::Peer> StateDb::peers() const
{
    QHash<QString, Peer> out;
    Statement s(
        m_db,
        "SELECT client, name, generation, consumed, journal, last_change_ms, acks, wants, usage, snapshot, "
        "snapshot_acks, missing, lacks FROM peers");
    while (s.step()) {
        Peer p;
        p.client = s.text(0);
        p.name = s.text(1);
        p.generation = quint64(s.integer(2));
        p.consumed = quint64(s.integer(3));
        p.journal = quint64(s.integer(4));
        p.lastChangeMs = s.integer(5);
        const QJsonObject acks = QJsonDocument::fromJson(s.text(6).toUtf8()).object();
        for (auto it = acks.begin(); it != acks.end(); ++it)
            p.acks.insert(it.key(), quint64(it.value().toDouble()));
        p.usage = s.integer(8);
        p.snapshot = quint64(s.integer(9));
        const QJsonObject snapshotAcks = QJsonDocument::fromJson(s.text(10).toUtf8()).object();
        for (auto it = snapshotAcks.begin(); it != snapshotAcks.end(); ++it)
            p.snapshotAcks.insert(it.key(), quint64(it.value().toDouble()));
        for (const QByteArray& hex : s.text(7).toLatin1().split(','))
            if (!hex.isEmpty())
                p.wants.append(QByteArray::fromHex(hex));
        for (const QByteArray& hex : s.text(12).toLatin1().split(','))
            if (!hex.isEmpty())
                p.lacks.append(QByteArray::fromHex(hex));
        const QJsonObject missing = QJsonDocument::fromJson(s.text(11).toUtf8()).object();
        for (auto it = missing.begin(); it != missing.end(); ++it)
            p.missing.insert(it.key(), quint64(it.value().toDouble()));
        out.insert(p.client, p);
    }
    return out;
}

void StateDb::removePeer(const QString& client)
{
    Statement(m_db, "DELETE FROM peers WHERE client = ?").bind(1, client).step();
}

void StateDb::putPeer(const Peer& p)
{
    QJsonObject acks;
    for (auto it = p.acks.cbegin(); it != p.acks.cend(); ++it)
        acks.insert(it.key(), double(it.value()));
    auto hexList = [](const QList<QByteArray>& hashes) {
        QStringList out;
        for (const QByteArray& h : hashes)
            out << QString::fromLatin1(h.toHex());
        return out.join(QLatin1Char(','));
    };
    Statement(
        m_db,
        "INSERT OR REPLACE INTO peers (client, name, generation, consumed, journal, last_change_ms, acks, "
        "wants, usage, snapshot, snapshot_acks, missing, lacks) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .bind(1, p.client)
        .bind(2, p.name)
        .bind(3, qint64(p.generation))
        .bind(4, qint64(p.consumed))
        .bind(5, qint64(p.journal))
        .bind(6, p.lastChangeMs)
        .bind(7, QString::fromUtf8(QJsonDocument(acks).toJson(QJsonDocument::Compact)))
        .bind(8, hexList(p.wants))
        .bind(9, p.usage)
        .bind(10, qint64(p.snapshot))
        .bind(11, snapshotAcksText(p.snapshotAcks))
        .bind(12, snapshotAcksText(p.missing))
        .bind(13, hexList(p.lacks))
        .step();
}

QSet<QString> StateDb::referencedObjects() const
{
    QSet<QString> out;
    Statement s(m_db, "SELECT record, pending FROM versions");
    while (s.step())
        for (const protocol::BlobRef& c : readVersion(s).record.blobs)
            out.insert(c.pack);
    return out;
}

int StateDb::pendingCount() const
{
    Statement s(m_db, "SELECT COUNT(*) FROM versions WHERE pending >= 1");
    return s.step() ? int(s.integer(0)) : 0;
}

std::pair<int, qint64> StateDb::pendingContent() const
{
    Statement s(
        m_db, "SELECT COUNT(*), COALESCE(SUM(json_extract(CAST(record AS TEXT), '$.size')), 0) FROM versions "
              "WHERE pending = 1 AND json_extract(CAST(record AS TEXT), '$.kind') = 'file'");
    return s.step() ? std::pair<int, qint64>{int(s.integer(0)), s.integer(1)} : std::pair<int, qint64>{0, 0};
}

QStringList StateDb::localPathsContaining(const QString& text) const
{
    QStringList out;
    Statement s(m_db, "SELECT path FROM local WHERE instr(path, ?) > 0 ORDER BY path");
    s.bind(1, text);
    while (s.step())
        out << s.text(0);
    return out;
}

QMultiHash<QByteArray, QString> StateDb::wants() const
{
    QMultiHash<QByteArray, QString> out;
    Statement s(m_db, "SELECT hash, path FROM wants");
    while (s.step())
        out.insert(s.blob(0), s.text(1));
    return out;
}

void StateDb::addWant(const QByteArray& hash, const QString& path)
{
    Statement(m_db, "INSERT OR REPLACE INTO wants (hash, path) VALUES (?, ?)")
        .bind(1, hash)
        .bind(2, path)
        .step();
    m_anyWants = m_depth > 0 ? 1 : -1;
}

void StateDb::removeWant(const QByteArray& hash, const QString& path)
{
    if (mayHold(kAnyWants, m_anyWants))
        Statement(m_db, "DELETE FROM wants WHERE hash = ? AND path = ?").bind(1, hash).bind(2, path).step();
}

void StateDb::removeWantsOf(const QString& path)
{
    if (mayHold(kAnyWants, m_anyWants))
        Statement(m_db, "DELETE FROM wants WHERE path = ?").bind(1, path).step();
}

quint64 StateDb::repushedIn(const QByteArray& hash, const QString& peer) const
{
    Statement s(m_db, "SELECT segment FROM repushed WHERE hash = ? AND peer = ?");
    s.bind(1, hash).bind(2, peer);
    return s.step() ? quint64(s.integer(0)) : 0;
}

void StateDb::setRepushed(const QByteArray& hash, const QString& peer, quint64 segment)
{
    Statement(m_db, "INSERT OR REPLACE INTO repushed (hash, peer, segment) VALUES (?, ?, ?)")
        .bind(1, hash)
        .bind(2, peer)
        .bind(3, qint64(segment))
        .step();
}

QList<StateDb::SetAside> StateDb::setAside() const
{
    QList<SetAside> out;
    Statement s(m_db, "SELECT path, cause, since_ms FROM set_aside ORDER BY path");
    while (s.step())
        out.append(SetAside{s.text(0), s.text(1), s.integer(2)});
    return out;
}

void StateDb::putSetAside(const QString& path, const QString& cause, qint64 nowMs)
{
    // The first time it was set aside stays.
    Statement(m_db, "INSERT INTO set_aside (path, cause, since_ms) VALUES (?, ?, ?) "
                    "ON CONFLICT(path) DO UPDATE SET cause = excluded.cause")
        .bind(1, path)
        .bind(2, cause)
        .bind(3, nowMs)
        .step();
    m_anySetAside = m_depth > 0 ? 1 : -1;
}

void StateDb::removeSetAside(const QString& path)
{
    if (mayHold(kAnySetAside, m_anySetAside))
        Statement(m_db, "DELETE FROM set_aside WHERE path = ?").bind(1, path).step();
}

namespace {

StateDb::Partial partialFrom(const Statement& s)
{
    return StateDb::Partial{s.text(0), s.blob(1), s.integer(2), s.integer(3), s.text(4)};
}

} // namespace

std::optional<StateDb::Partial> StateDb::partial(const QString& path) const
{
    Statement s(m_db, "SELECT path, hash, size, received, temp FROM partials WHERE path = ?");
    s.bind(1, path);
    if (!s.step())
        return std::nullopt;
    return partialFrom(s);
}

QList<StateDb::Partial> StateDb::partials() const
{
    QList<Partial> out;
    Statement s(m_db, "SELECT path, hash, size, received, temp FROM partials");
    while (s.step())
        out.append(partialFrom(s));
    return out;
}

void StateDb::putPartial(const Partial& p)
{
    Statement(m_db,
              "INSERT OR REPLACE INTO partials (path, hash, size, received, temp) VALUES (?, ?, ?, ?, ?)")
        .bind(1, p.path)
        .bind(2, p.hash)
        .bind(3, p.size)
        .bind(4, p.received)
        .bind(5, p.temp)
        .step();
}

void StateDb::removePartial(const QString& path)
{
    Statement(m_db, "DELETE FROM partials WHERE path = ?").bind(1, path).step();
}

} // namespace escale::state
