// StateDb's tables of what this client keeps on the relay and where blobs lie: its own objects
// and their blobs (R22, R39 b), other clients' segments naming them (R41), other clients' blobs
// that may be named (R39 d), blob lists of contents and the paths' bases (R39 c, R40).

#include "state/StateDb.h"
#include "state/Statement.h"

namespace escale::state {

using detail::Statement;

namespace {
// The place of the blob `hash` that `sql` selects (pack, offset, length), if any.
std::optional<protocol::BlobRef> blobAt(sqlite3* db, const char* sql, const QByteArray& hash)
{
    Statement s(db, sql);
    s.bind(1, hash);
    if (!s.step())
        return std::nullopt;
    return protocol::BlobRef{s.text(0), s.integer(1), s.integer(2), hash, false};
}

// A content that is one blob (every file under 512 KiB) offers no blob another content has: a
// file with that content is found by its hash (local_hash). No list is kept for it, nor a basis
// naming it, so that 10,000 small files cost no rows there.
bool oneBlob(const QByteArray& content, const QList<protocol::BlobRef>& blobs)
{
    return blobs.size() == 1 && blobs.front().hash == content;
}
} // namespace

QList<StateDb::OwnObject> StateDb::ownObjects() const
{
    QList<OwnObject> out;
    Statement s(m_db, "SELECT id, segment, size FROM own_objects");
    while (s.step())
        out.append(OwnObject{s.text(0), quint64(s.integer(1)), s.integer(2)});
    return out;
}

void StateDb::putOwnObject(const OwnObject& o)
{
    Statement(m_db, "INSERT OR REPLACE INTO own_objects (id, segment, size) VALUES (?, ?, ?)")
        .bind(1, o.id)
        .bind(2, qint64(o.segment))
        .bind(3, o.size)
        .step();
}

void StateDb::removeOwnObject(const QString& id)
{
    Statement(m_db, "DELETE FROM own_objects WHERE id = ?").bind(1, id).step();
    Statement(m_db, "DELETE FROM own_blobs WHERE pack = ?").bind(1, id).step();
    Statement(m_db, "DELETE FROM pack_refs WHERE object = ?").bind(1, id).step();
}

qint64 StateDb::ownUsage() const
{
    Statement s(m_db, "SELECT COALESCE(SUM(size), 0) FROM own_objects");
    return s.step() ? s.integer(0) : 0;
}

void StateDb::addPackRef(const QString& object, const QString& client, quint64 segment)
{
    // Only for an object of this client's still on the relay; a later segment of the same writer
    // stands for the earlier ones (acknowledgements are positions in a journal).
    Statement(m_db, "INSERT INTO pack_refs (object, client, segment) SELECT ?1, ?2, ?3 "
                    "WHERE EXISTS (SELECT 1 FROM own_objects WHERE id = ?1) "
                    "ON CONFLICT (object, client) DO UPDATE SET segment = MAX(segment, excluded.segment)")
        .bind(1, object)
        .bind(2, client)
        .bind(3, qint64(segment))
        .step();
}

QMultiHash<QString, StateDb::PackRef> StateDb::packRefs() const
{
    QMultiHash<QString, PackRef> out;
    Statement s(m_db, "SELECT object, client, segment FROM pack_refs");
    while (s.step())
        out.insert(s.text(0), PackRef{s.text(1), quint64(s.integer(2))});
    return out;
}

void StateDb::putForeignBlobs(const QString& client, quint64 segment, const QList<protocol::BlobRef>& blobs)
{
    for (const protocol::BlobRef& b : blobs)
        Statement(m_db, "INSERT OR REPLACE INTO foreign_blobs (blob, pack, offset, length, client, segment) "
                        "VALUES (?, ?, ?, ?, ?, ?)")
            .bind(1, b.hash)
            .bind(2, b.pack)
            .bind(3, b.offset)
            .bind(4, b.length)
            .bind(5, client)
            .bind(6, qint64(segment))
            .step();
}

std::optional<protocol::BlobRef> StateDb::foreignBlob(const QByteArray& hash) const
{
    return blobAt(m_db, "SELECT pack, offset, length FROM foreign_blobs WHERE blob = ?", hash);
}

void StateDb::pruneForeignBlobs(const QMap<QString, quint64>& acknowledged)
{
    Statement(m_db, "DELETE FROM foreign_blobs WHERE client NOT IN (SELECT client FROM peers)").step();
    for (auto it = acknowledged.cbegin(); it != acknowledged.cend(); ++it)
        Statement(m_db, "DELETE FROM foreign_blobs WHERE client = ? AND segment <= ?")
            .bind(1, it.key())
            .bind(2, qint64(it.value()))
            .step();
}

void StateDb::putOwnBlobs(const QList<protocol::BlobRef>& blobs)
{
    for (const protocol::BlobRef& b : blobs)
        Statement(m_db, "INSERT OR IGNORE INTO own_blobs (hash, pack, offset, length) VALUES (?, ?, ?, ?)")
            .bind(1, b.hash)
            .bind(2, b.pack)
            .bind(3, b.offset)
            .bind(4, b.length)
            .step();
}

std::optional<protocol::BlobRef> StateDb::ownBlob(const QByteArray& hash) const
{
    return blobAt(m_db, "SELECT pack, offset, length FROM own_blobs WHERE hash = ?", hash);
}

bool StateDb::hasOwnBlobs(const QString& pack) const
{
    return Statement(m_db, "SELECT 1 FROM own_blobs WHERE pack = ? LIMIT 1").bind(1, pack).step();
}

// One statement each (statements are cached by their text's address).
constexpr const char* kAnyContentBlobs = "SELECT EXISTS (SELECT 1 FROM content_blobs)";
constexpr const char* kAnyBasis = "SELECT EXISTS (SELECT 1 FROM basis)";

void StateDb::putContentBlobs(const QByteArray& content, const QList<protocol::BlobRef>& blobs)
{
    if (mayHold(kAnyContentBlobs, m_anyContentBlobs))
        Statement(m_db, "DELETE FROM content_blobs WHERE content = ?").bind(1, content).step();
    if (oneBlob(content, blobs))
        return;
    m_anyContentBlobs = m_depth > 0 ? 1 : -1;
    qint64 position = 0;
    for (const protocol::BlobRef& b : blobs) {
        Statement(m_db, "INSERT OR REPLACE INTO content_blobs (content, position, blob, length, pack, pack_offset, "
                        "whole) VALUES (?, ?, ?, ?, ?, ?, ?)")
            .bind(1, content)
            .bind(2, position)
            .bind(3, b.hash)
            .bind(4, b.length)
            .bind(5, b.pack)
            .bind(6, b.offset)
            .bind(7, qint64(b.whole ? 1 : 0))
            .step();
        position += b.length;
    }
}

QList<protocol::BlobRef> StateDb::contentBlobs(const QByteArray& content) const
{
    QList<protocol::BlobRef> out;
    Statement s(m_db, "SELECT blob, length, pack, pack_offset, whole FROM content_blobs WHERE content = ? "
                      "ORDER BY position");
    s.bind(1, content);
    while (s.step())
        out.append(protocol::BlobRef{s.text(2), s.integer(3), s.integer(1), s.blob(0), s.integer(4) != 0});
    return out;
}

QList<StateDb::HeldBlob> StateDb::contentsWithBlob(const QByteArray& blob) const
{
    QList<HeldBlob> out;
    Statement s(m_db, "SELECT content, position FROM content_blobs WHERE blob = ? LIMIT 8");
    s.bind(1, blob);
    while (s.step())
        out.append(HeldBlob{s.blob(0), s.integer(1)});
    return out;
}

void StateDb::setBasis(const QString& path, const QByteArray& content, const QList<protocol::BlobRef>& blobs)
{
    if (!oneBlob(content, blobs)) {
        Statement(m_db, "INSERT OR REPLACE INTO basis (path, content) VALUES (?, ?)").bind(1, path).bind(2, content).step();
        m_anyBasis = m_depth > 0 ? 1 : -1;
    } else if (mayHold(kAnyBasis, m_anyBasis)) {
        Statement(m_db, "DELETE FROM basis WHERE path = ?").bind(1, path).step(); // the older basis is not the others'
    }
}

QByteArray StateDb::basis(const QString& path) const
{
    Statement s(m_db, "SELECT content FROM basis WHERE path = ?");
    s.bind(1, path);
    return s.step() ? s.blob(0) : QByteArray();
}

void StateDb::pruneContentBlobs()
{
    // Blob lists are kept for contents a file of the folder holds (a source of blobs, R40) or a
    // path's basis (R39).
    Statement(m_db, "DELETE FROM basis WHERE path NOT IN (SELECT path FROM local)").step();
    Statement(m_db, "DELETE FROM content_blobs WHERE content NOT IN (SELECT hash FROM local WHERE hash IS NOT NULL) "
                    "AND content NOT IN (SELECT content FROM basis)")
        .step();
}

} // namespace escale::state
