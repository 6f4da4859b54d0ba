#include "sync/engine/Pusher.h"

#include "config/Units.h"
#include "log/Logging.h"
#include "protocol/JournalObjects.h"
#include "protocol/Layout.h"
#include "scan/Hasher.h"
#include "sync/Streams.h"
#include "sync/engine/EngineContext.h"
#include "sync/engine/LocalFiles.h"
#include "sync/engine/OwnJournal.h"
#include "sync/engine/Pass.h"

#include <QJsonObject>
#include <algorithm>

namespace escale::sync::engine {

using protocol::JournalRecord;
using relay::RelayError;
using relay::WriteMode;
using state::Meta;
using state::StateDb;
using Kind = JournalRecord::Kind;
namespace layout = protocol::layout;

namespace {
constexpr int kMaxRecordsPerSegment = 2000;
}

// One chunk of a file on its way to the relay.
struct Pusher::ChunkUpload
{
    StateDb::OwnObject own;
    qint64 size = 0;
    std::unique_ptr<QFile> file;
    std::unique_ptr<HashingReader> reader;
    protocol::ObjectStore::PendingPut put;
};

Pusher::Pusher(EngineContext& context, OwnJournal& journal)
    : m_ctx(context)
    , m_journal(journal)
{}

Pusher::~Pusher() = default;

void Pusher::push(Pass& pass)
{
    const auto [files, bytes] = m_ctx.db.pendingContent();
    m_ctx.progress.filesToSend = m_ctx.progress.filesSent + files;
    m_ctx.progress.bytesToSend = m_ctx.progress.bytesSent + bytes;
    m_ctx.reportProgress(true);
    // Chunks uploaded by a pass that never published them are leftovers: delete them first (kept
    // in the state until the relay confirms, so that a failed deletion is tried again).
    for (const StateDb::OwnObject& o : m_ctx.db.ownObjects())
        if (o.segment == 0)
            m_ctx.dropOwnObject(o.id);

    struct Item
    {
        JournalRecord record;
        QStringList repushFor; // peers that asked for this content; empty for a new version
        bool renamed = false;  // content already with the others: no chunks (R27)
        bool piece = false;    // a piece of a file larger than the quota (R28), not a version
    };
    // Pending versions are read a segment's worth at a time, in path order, so a first pass
    // over a big folder never holds all of them in memory; re-pushes come last.
    QString cursor;
    QString cursorVv;
    bool versionsLeft = true;
    qsizetype repushesTaken = 0;
    auto nextBatch = [&] {
        QList<Item> batch;
        if (versionsLeft) {
            const QList<StateDb::Version> page =
                m_ctx.db.pendingVersions(cursor, cursorVv, kMaxRecordsPerSegment);
            versionsLeft = page.size() == kMaxRecordsPerSegment;
            for (const StateDb::Version& v : page)
                batch.append(Item{v.record, {}, v.renamed});
            if (!page.isEmpty()) {
                cursor = page.last().record.path;
                cursorVv = page.last().record.vv.toString();
            }
        }
        while (batch.size() < kMaxRecordsPerSegment && repushesTaken < pass.repushes.size()) {
            const auto& [record, peers] = pass.repushes.at(repushesTaken++);
            batch.append(Item{record, peers.split(QLatin1Char(','))});
        }
        return batch;
    };
    quint64 journal = m_ctx.db.meta(Meta::Journal).toULongLong();

    while (pass.result.ok()) {
        QList<Item> batch = nextBatch();
        if (batch.isEmpty())
            break;
        // Smallest content first: on a relay near full, what fits goes out before what waits.
        std::stable_sort(batch.begin(), batch.end(), [](const Item& x, const Item& y) {
            const qint64 a = x.renamed || x.record.kind != Kind::File ? -1 : x.record.size;
            const qint64 b = y.renamed || y.record.kind != Kind::File ? -1 : y.record.size;
            return a < b;
        });

        QList<Item> ready;
        // One-chunk files travel `transfers` at a time, collected in order; any other item
        // waits until they are in, so the segment keeps the batch's order.
        struct SmallUpload
        {
            Item item;
            StateDb::LocalEntry known;
            ChunkUpload chunk;
        };
        std::deque<SmallUpload> pipeline;
        auto collect = [&] {
            SmallUpload u = std::move(pipeline.front());
            pipeline.pop_front();
            const RelayError e = m_ctx.store.finish(u.chunk.put);
            const auto after = statLocal(m_ctx.localPath(u.known.path), u.known.path);
            const QByteArray sent = e.ok() ? u.chunk.reader->hash() : QByteArray(); // once: it ends the hash
            if (e.ok() && u.chunk.reader->bytesRead() == u.chunk.size && after && sameStat(*after, u.known) &&
                confirmContent(pass, u.item.record, u.known, !u.item.repushFor.isEmpty(), sent)) {
                u.item.record.blobs = {protocol::BlobRef{u.chunk.own.id, 0, u.chunk.size, sent}};
                ++pass.result.uploaded;
                ++m_ctx.progress.filesSent;
                m_ctx.progress.bytesSent += u.chunk.size;
                m_ctx.reportEvent(FileEvent::Kind::Sent, u.item.record.path, m_ctx.settings.clientName, u.chunk.size);
                ready.append(u.item);
                return;
            }
            // Failed, or changed while read (the next scan makes a newer version).
            m_ctx.dropOwnObject(u.chunk.own.id);
            if (!e.ok())
                failUpload(pass, u.item.record.path, e);
        };
        // Starts a one-chunk file's upload; false when it changed since the scan.
        auto startSmall = [&](const Item& item) {
            SmallUpload u;
            u.item = item;
            const auto known = contentSource(item.record);
            if (!known)
                return false;
            u.known = *known;
            RelayError e;
            if (!startChunk(m_ctx.localPath(known->path), 0, item.record.size, u.chunk, e)) {
                if (!e.ok())
                    failUpload(pass, item.record.path, e);
                return false;
            }
            pipeline.push_back(std::move(u));
            return true;
        };
        int chunksAhead = 0;
        for (const Item& item : std::as_const(batch))
            if (!item.renamed && item.record.kind == Kind::File && item.record.size > 0)
                chunksAhead += int(std::min<qint64>(100'000, (item.record.size + m_ctx.settings.chunkSize - 1) /
                                                                 m_ctx.settings.chunkSize));
        reserveChunkIds(std::min(chunksAhead, 20'000));
        m_ctx.db.begin(); // the chunk records of the batch, together
        for (Item& item : batch) {
            const bool small = !item.renamed && m_ctx.transfers() > 1 && item.record.kind == Kind::File &&
                               item.record.size > 0 && item.record.size <= m_ctx.settings.chunkSize &&
                               pass.result.ok();
            if (!small)
                while (!pipeline.empty())
                    collect();
            if (item.renamed) {
                item.record.blobs.clear();
                item.record.from = 0;
                ready.append(item);
                continue;
            }
            if (pass.relayFull && item.record.kind == Kind::File && item.record.size > 0)
                continue; // waits for room, with the larger files
            if (m_ctx.settings.diskQuota && item.record.kind == Kind::File && item.record.size > 0) {
                // Back-pressure: wait for room rather than go over 'disk quota' (relay-format.md 8).
                qint64 used = m_ctx.db.ownUsage();
                for (const StateDb::Peer& p : std::as_const(pass.peers))
                    used += p.usage;
                if (m_ctx.store.codec().encodedSize(item.record.size) > *m_ctx.settings.diskQuota) {
                    // It never fits whole: it goes in pieces, each as large as the room (R28).
                    if (!uploadPiece(pass, item.record, *m_ctx.settings.diskQuota - used))
                        continue;
                    item.piece = item.record.piece;
                    if (!item.piece) {
                        ++pass.result.uploaded;
                        ++m_ctx.progress.filesSent;
                        m_ctx.reportEvent(FileEvent::Kind::Sent, item.record.path, m_ctx.settings.clientName,
                                    item.record.size);
                    }
                    ready.append(item);
                    continue;
                }
                if (used + m_ctx.store.codec().encodedSize(item.record.size) > *m_ctx.settings.diskQuota) {
                    pass.result.waitingForSpace = true;
                    pass.result.complete = false;
                    pass.problem(QStringLiteral("waiting for relay space to send %1: %2 of %3 in use")
                                     .arg(item.record.path, config::formatSize(used),
                                          config::formatSize(*m_ctx.settings.diskQuota)));
                    continue;
                }
            }
            if (small) {
                if (!startSmall(item))
                    withdrawIfGone(pass, item.record, !item.repushFor.isEmpty());
                else if (int(pipeline.size()) >= m_ctx.transfers())
                    collect();
                continue;
            }
            if (item.record.kind == Kind::File && item.record.size > 0) {
                StateDb::LocalEntry source;
                if (!uploadFile(pass, item.record, 0, item.record.size, &source)) {
                    withdrawIfGone(pass, item.record, !item.repushFor.isEmpty());
                    continue;
                }
                if (!confirmContent(pass, item.record, source, !item.repushFor.isEmpty(),
                                    item.record.blobs.size() == 1 ? item.record.blobs.first().hash : QByteArray())) {
                    for (const protocol::BlobRef& c : item.record.blobs)
                        m_ctx.dropOwnObject(c.pack);
                    continue;
                }
                ++pass.result.uploaded;
                ++m_ctx.progress.filesSent;
                m_ctx.reportEvent(FileEvent::Kind::Sent, item.record.path, m_ctx.settings.clientName, item.record.size);
            }
            ready.append(item);
        }
        while (!pipeline.empty())
            collect();
        releaseChunkIds();
        m_ctx.db.commit();
        if (!pass.result.ok() || ready.isEmpty())
            break;

        const quint64 seq = journal + 1;
        protocol::JournalSegment segment{m_ctx.clientId, seq, {}};
        for (const Item& item : std::as_const(ready))
            segment.records.append(item.record.toJson());
        const QByteArray text = segment.encode();
        RelayError e = m_ctx.store.putSmall(layout::journalPath(m_ctx.clientId, seq), text, WriteMode::CreateExclusive);
        if (e.kind == RelayError::Kind::AlreadyExists) {
            // This client's own segment is there already: a publication whose answer was lost (the
            // very same text), or a state behind the relay (restored, or a crash between the
            // publication and its record here): what the relay holds is adopted, and this batch
            // goes out again, numbered after it, at the next pass.
            QByteArray there;
            if (m_ctx.store.getSmall(layout::journalPath(m_ctx.clientId, seq), there).ok() && there == text) {
                e = {};
            } else {
                m_journal.recoverOwnJournal(pass);
                pass.result.complete = false;
                break;
            }
        }
        if (!e.ok()) {
            pass.fail(PassResult::Status::Failed,
                      QStringLiteral("cannot publish the journal: %1").arg(e.message));
            break;
        }
        journal = seq;
        m_ctx.db.begin();
        m_ctx.db.setMeta(Meta::Journal, QString::number(journal));
        m_ctx.db.setMeta(Meta::JournalDigest, OwnJournal::digestOf(text));
        for (const Item& item : std::as_const(ready)) {
            for (const protocol::BlobRef& c : item.record.blobs)
                m_ctx.db.putOwnObject(StateDb::OwnObject{c.pack, seq, m_ctx.store.codec().encodedSize(c.length)});
            if (item.piece) {
                qint64 sent = item.record.from;
                for (const protocol::BlobRef& c : item.record.blobs)
                    sent += c.length;
                m_ctx.db.setMeta(Meta::PieceSent,
                             QString::fromLatin1(item.record.hash.toHex()) + QLatin1Char(' ') + QString::number(sent),
                             item.record.path);
                continue; // the version itself follows with its last bytes
            }
            if (item.record.from > 0)
                m_ctx.db.removeMeta(Meta::PieceSent, item.record.path);
            for (const QString& peer : item.repushFor)
                m_ctx.db.setRepushed(item.record.hash, peer, seq);
            QList<StateDb::Version> versions = m_ctx.db.versions(item.record.path);
            for (StateDb::Version& v : versions) {
                if (v.record.vv == item.record.vv) {
                    v.record.hash = item.record.hash; // the content sent (confirmContent)
                    v.record.blobs = item.record.blobs;
                    v.record.from = item.record.from;
                    v.record.repush = false;
                    if (item.repushFor.isEmpty())
                        v.pending = false;
                }
            }
            m_ctx.db.setVersions(item.record.path, versions);
        }
        m_ctx.db.commit();
        pass.result.published += int(ready.size());
        m_ctx.ownStateConfirmed = true; // its journal numbering is the relay's
        qCInfo(lcEngine).noquote() << QStringLiteral("[%1] published %2 changes (journal %3)")
                                          .arg(m_ctx.settings.name)
                                          .arg(ready.size())
                                          .arg(seq);
    }
}

bool Pusher::uploadPiece(Pass& pass, JournalRecord& record, qint64 room)
{
    qint64 from = 0;
    const QStringList progress = m_ctx.db.meta(Meta::PieceSent, record.path).split(QLatin1Char(' '));
    if (progress.size() == 2 && progress.at(0) == QString::fromLatin1(record.hash.toHex()))
        from = std::clamp<qint64>(progress.at(1).toLongLong(), 0, record.size - 1);
    const qint64 left = record.size - from;
    // The codec's overhead on each chunk is set aside, so the pieces stay under the quota.
    const qint64 overhead = m_ctx.store.codec().encodedSize(m_ctx.settings.chunkSize) - m_ctx.settings.chunkSize;
    const qint64 budget =
        std::min(left, room - overhead * (std::max<qint64>(room, 0) / m_ctx.settings.chunkSize + 1));
    constexpr qint64 kSmallestPiece = 1 << 20;
    if (budget < std::min(left, kSmallestPiece)) {
        pass.result.waitingForSpace = true;
        pass.result.complete = false;
        pass.problem(
            QStringLiteral("%1 is larger than the relay quota (%2): sent in pieces, %3 of %4 so far; "
                           "waiting for the others to take the last one")
                .arg(record.path, config::formatSize(*m_ctx.settings.diskQuota), config::formatSize(from),
                     config::formatSize(record.size)));
        return false;
    }
    if (!uploadFile(pass, record, from, budget))
        return false;
    record.from = from;
    record.piece = from + budget < record.size;
    if (record.piece)
        record.repush = false; // a piece is not a version; the version that ends it says it all
    qCInfo(lcEngine).noquote() << QStringLiteral(
                                      "[%1] %2 is larger than the relay quota: sending %3 to %4 of %5")
                                      .arg(m_ctx.settings.name, record.path, config::formatSize(from),
                                           config::formatSize(from + budget),
                                           config::formatSize(record.size));
    return true;
}

std::optional<StateDb::LocalEntry> Pusher::contentSource(const JournalRecord& record)
{
    // The file at the path, as scanned; else any file of the folder with that content, as
    // scanned (a version of this client that lost a conflict lives on in its copy, R26). Gone
    // or changed since the scan: the next scan makes a newer version.
    auto unchanged = [&](const StateDb::LocalEntry& e) {
        const auto now = statLocal(m_ctx.localPath(e.path), e.path);
        return e.kind == Kind::File && e.hash == record.hash && e.size == record.size && now &&
               sameStat(*now, e);
    };
    if (const auto known = m_ctx.db.local(record.path); known && unchanged(*known))
        return known;
    for (const StateDb::LocalEntry& e : m_ctx.db.localWithHash(record.hash))
        if (unchanged(e))
            return e;
    return std::nullopt;
}

bool Pusher::confirmContent(Pass& pass, JournalRecord& record, const StateDb::LocalEntry& source, bool repush,
                                QByteArray uploaded)
{
    // The hash a record carries is the hash of the bytes sent. A file changed in place since it was
    // scanned, keeping its size and time (coarse-time file systems, a file that waited for relay
    // space), would otherwise be published with its old hash and new bytes, failing every reader's
    // check. A big file is read once more for it, unless this pass scanned it.
    if (uploaded.isEmpty()) {
        if (pass.scannedNow.contains(source.path))
            return true;
        const auto hash = scan::hashFile(m_ctx.localPath(source.path));
        if (!hash)
            return false;
        uploaded = *hash;
    }
    if (uploaded == record.hash)
        return true;
    if (repush) {
        // Not that version's content any more: changed in place, keeping its size and time, so no
        // scan saw it. Marked so that the next scan reads it again: what it holds then goes out as
        // a version made from the one asked for, which that version's readers take instead (R23).
        StateDb::LocalEntry stale = source;
        stale.mtimeNs = -1;
        m_ctx.db.putLocal(stale);
        qCInfo(lcEngine).noquote() << QStringLiteral("[%1] %2 changed since it was scanned, keeping its size and "
                                                     "time: read again at the next pass")
                                          .arg(m_ctx.settings.name, source.path);
        return false;
    }
    qCInfo(lcEngine).noquote() << QStringLiteral("[%1] %2 changed since it was scanned, keeping its size and "
                                                 "time: it goes with the content sent")
                                      .arg(m_ctx.settings.name, source.path);
    record.hash = uploaded;
    StateDb::LocalEntry updated = source;
    updated.hash = uploaded;
    m_ctx.db.putLocal(updated);
    return true;
}

void Pusher::withdrawIfGone(Pass& pass, const JournalRecord& record, bool repush)
{
    // A version made here whose content no file of the folder holds any more (replaced or deleted
    // here since, a conflict copy edited): nobody can send it, and nothing needs it, since its
    // replacement was made from it. It goes, so the count of changes to send can reach 0.
    if (repush || !pass.result.ok())
        return;
    for (const StateDb::LocalEntry& e : m_ctx.db.localWithHash(record.hash))
        if (e.kind == Kind::File)
            return; // there, changed since the scan: the next scan says what it is now
    QList<StateDb::Version> versions = m_ctx.db.versions(record.path);
    const qsizetype before = versions.size();
    versions.removeIf([&](const StateDb::Version& v) { return v.pending && v.record.vv == record.vv; });
    if (versions.size() == before)
        return;
    m_ctx.db.setVersions(record.path, versions);
    qCInfo(lcEngine).noquote() << QStringLiteral("[%1] %2: the version made here is no longer in the folder; "
                                                 "not sent")
                                      .arg(m_ctx.settings.name, record.path);
}

bool Pusher::startChunk(const QString& absolute, qint64 offset, qint64 size, ChunkUpload& chunk,
                            RelayError& e)
{
    QString id = protocol::newObjectId(m_ctx.clientId);
    if (!m_reservedIds.empty()) {
        id = m_reservedIds.front();
        m_reservedIds.pop_front();
    }
    chunk.own = StateDb::OwnObject{id, 0, m_ctx.store.codec().encodedSize(size)};
    chunk.size = size;
    chunk.file = std::make_unique<QFile>(absolute);
    if (!chunk.file->open(QIODevice::ReadOnly) || (offset > 0 && !chunk.file->seek(offset)))
        return false;
    e = m_ctx.ensureFolder(layout::dataFolderOf(chunk.own.id));
    if (!e.ok())
        return false;
    // Recorded before it is written: unpublished until its segment is, removed if never (R2).
    m_ctx.db.putOwnObject(chunk.own);
    chunk.reader = std::make_unique<HashingReader>(chunk.file.get(), size);
    chunk.put = m_ctx.store.startPut(layout::dataPath(chunk.own.id), chunk.reader.get(), size, WriteMode::Fresh);
    return true;
}

void Pusher::reserveChunkIds(int count)
{
    if (count <= 0)
        return;
    m_ctx.db.begin();
    for (int i = 0; i < count; ++i) {
        m_reservedIds.push_back(protocol::newObjectId(m_ctx.clientId));
        m_ctx.db.putOwnObject(StateDb::OwnObject{m_reservedIds.back(), 0, 0}); // no size: not written yet
    }
    m_ctx.db.commit();
}

void Pusher::releaseChunkIds()
{
    for (const QString& id : m_reservedIds)
        m_ctx.db.removeOwnObject(id);
    m_reservedIds.clear();
}

void Pusher::failUpload(Pass& pass, const QString& path, const RelayError& e)
{
    // The relay is full (its own quota, a full disk): what is uploaded already goes out, the rest
    // waits for room, said; it is no failure of the pass.
    if (e.kind == RelayError::Kind::Quota) {
        if (!pass.relayFull)
            pass.problem(QStringLiteral("the relay is full (%1): %2 and the larger files after it wait for room")
                             .arg(e.message, path));
        pass.relayFull = true;
        pass.result.waitingForSpace = true;
        pass.result.complete = false;
        return;
    }
    pass.fail(e.kind == RelayError::Kind::Auth ? PassResult::Status::Auth : PassResult::Status::Failed,
              QStringLiteral("cannot upload %1: %2").arg(path, e.message));
    pass.result.cause = e.kind;
}

bool Pusher::uploadFile(Pass& pass, JournalRecord& record, qint64 from, qint64 limit,
                            StateDb::LocalEntry* source)
{
    const auto known = contentSource(record);
    if (!known)
        return false;
    if (source)
        *source = *known;
    const QString absolute = m_ctx.localPath(known->path);
    record.blobs.clear();
    const qint64 end = std::min(record.size, from + limit);
    m_ctx.progress.current = record.path;
    m_ctx.progress.currentSending = true;
    m_ctx.progress.currentDone = from;
    m_ctx.progress.currentSize = record.size;
    QStringList uploaded;
    auto rollback = [&] {
        for (const QString& id : std::as_const(uploaded))
            m_ctx.dropOwnObject(id);
    };
    // Up to 'transfers' chunks travel at once, each read through its own handle on the file;
    // they are collected in order, oldest first.
    std::deque<ChunkUpload> inFlight;
    RelayError failure;
    bool shortRead = false;
    auto collect = [&] {
        ChunkUpload c = std::move(inFlight.front());
        inFlight.pop_front();
        const RelayError e = m_ctx.store.finish(c.put);
        if (!e.ok()) {
            if (failure.ok())
                failure = e;
            return;
        }
        if (c.reader->bytesRead() != c.size) {
            shortRead = true;
            return;
        }
        record.blobs.append(protocol::BlobRef{c.own.id, 0, c.size, c.reader->hash()});
        m_ctx.progress.bytesSent += c.size;
        m_ctx.progress.currentDone += c.size;
        m_ctx.reportProgress(true); // a chunk is megabytes: each one shows
    };
    for (qint64 offset = from; offset < end && failure.ok() && !shortRead;) {
        const qint64 size = std::min<qint64>(m_ctx.settings.chunkSize, end - offset);
        ChunkUpload c;
        if (!startChunk(absolute, offset, size, c, failure)) {
            shortRead = failure.ok();
            break;
        }
        uploaded.append(c.own.id);
        inFlight.push_back(std::move(c));
        offset += size;
        if (int(inFlight.size()) >= m_ctx.transfers())
            collect();
    }
    while (!inFlight.empty())
        collect();
    if (!failure.ok()) {
        rollback();
        failUpload(pass, record.path, failure);
        return false;
    }
    // The file must not have changed while it was read (a stable snapshot, section 10).
    const auto after = statLocal(absolute, known->path);
    if (shortRead || !after || !sameStat(*after, *known)) {
        rollback();
        return false;
    }
    return true;
}

} // namespace escale::sync::engine
