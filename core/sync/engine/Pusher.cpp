#include "sync/engine/Pusher.h"

#include "Tr.h"
#include "config/Units.h"
#include "log/Logging.h"
#include "protocol/JournalObjects.h"
#include "protocol/Layout.h"
#include "scan/Hasher.h"
#include "sync/Streams.h"
#include "sync/engine/EngineContext.h"
#include "sync/engine/LocalFiles.h"
#include "sync/engine/OwnJournal.h"
#include "sync/engine/PackWriter.h"
#include "sync/engine/Pass.h"

#include <QFile>
#include <QFuture>
#include <QJsonObject>
#include <QScopeGuard>
#include <QtConcurrent>
#include <algorithm>
#include <deque>

namespace escale::sync::engine {

using protocol::JournalRecord;
using relay::RelayError;
using relay::WriteMode;
using state::Meta;
using state::StateDb;
using Kind = JournalRecord::Kind;
namespace layout = protocol::layout;

namespace {
// A segment publishes a batch: up to this many records, or this much content to send, whichever
// comes first. Large enough that a folder of small files goes out in few segments (each costs
// a few round trips to write and to read), small enough that the others start receiving a big
// first sync early and that a crash loses little upload work.
constexpr int kMaxRecordsPerSegment = 25'000;
constexpr qint64 kMaxBytesPerSegment = 256LL * 1024 * 1024;
constexpr int kVersionsPage = 2000; // pending versions read from the state at a time
constexpr qsizetype kHashElsewhere = 256 * 1024; // blobs this large are hashed on another core
constexpr qsizetype kBlobBuffer = 2 * 1024 * 1024; // a blob's buffer, grown for the rare larger ones

// A file read to be sent is not what the scan hashed (changed in place since, keeping its size and
// time): not sent this pass. Read again at the next scan, and the pass left incomplete so that the
// next one scans the folder (a watcher saw nothing): what it holds then goes out.
bool changedSinceScan(EngineContext& context, Pass& pass, const StateDb::LocalEntry& source)
{
    pass.result.complete = false;
    qCInfo(lcEngine).noquote() << QStringLiteral("[%1] %2 changed since it was scanned, keeping its size and "
                                                 "time: read again at the next pass")
                                      .arg(context.settings.name, source.path);
    context.readAgainAtNextScan(source);
    return false;
}
} // namespace

Pusher::Pusher(EngineContext& context, OwnJournal& journal)
    : m_ctx(context)
    , m_journal(journal)
{}

Pusher::~Pusher() = default;

bool Pusher::stopping(Pass& pass) const
{
    if (!m_ctx.interrupted())
        return false;
    pass.result.interrupted = true;
    pass.result.complete = false;
    return true;
}

void Pusher::push(Pass& pass)
{
    m_ctx.db.pruneContentBlobs();
    // Blobs of other clients' packs that a version made here may name (R39 d): what the pull left
    // in `foreign_blobs` (Puller::forgetAcknowledgedBlobs).
    m_foreignBlobs = pass.headSeen && !pass.peers.isEmpty();
    const auto [files, bytes] = m_ctx.db.pendingContent();
    m_ctx.progress.filesToSend = m_ctx.progress.filesSent + files;
    m_ctx.progress.bytesToSend = m_ctx.progress.bytesSent + bytes;
    m_ctx.reportProgress(true);
    // Packs uploaded by a pass that never published them: those written whole (their blobs were
    // recorded: a pass interrupted as Escale stopped, or failing after they went) are spares, their
    // blobs found there as in any pack of this client (R39 b), so that what went out is not sent
    // again; the others may be cut short and are deleted first (kept in the state until the relay
    // confirms, so that a failed deletion is tried again). R2.
    for (const StateDb::OwnObject& o : m_ctx.db.ownObjects())
        if (o.segment == 0 && !m_ctx.db.hasOwnBlobs(o.id))
            m_ctx.dropOwnObject(o.id);

    struct Item
    {
        JournalRecord record;
        QStringList repushFor; // peers that asked for this content; empty for a new version
        bool renamed = false;  // content already with the others: no chunks (R27)
        bool piece = false;    // a piece of a file larger than the quota (R28), not a version
    };
    // Pending versions are read a page at a time, in path order, so a first pass over a big
    // folder never holds all of them in memory; re-pushes come last.
    QString cursor;
    QString cursorVv;
    bool versionsLeft = true;
    qsizetype repushesTaken = 0;
    std::deque<Item> paged;
    auto nextBatch = [&] {
        QList<Item> batch;
        qint64 batchBytes = 0;
        auto take = [&](Item item) {
            if (!item.renamed && item.record.kind == Kind::File)
                batchBytes += item.record.size;
            batch.append(std::move(item));
        };
        while (batch.size() < kMaxRecordsPerSegment && batchBytes < kMaxBytesPerSegment) {
            if (paged.empty() && versionsLeft) {
                const QList<StateDb::Version> page = m_ctx.db.pendingVersions(cursor, cursorVv, kVersionsPage);
                versionsLeft = page.size() == kVersionsPage;
                for (const StateDb::Version& v : page)
                    paged.push_back(Item{v.record, {}, v.renamed});
                if (!page.isEmpty()) {
                    cursor = page.last().record.path;
                    cursorVv = page.last().record.vv.toString();
                }
            }
            if (!paged.empty()) {
                take(std::move(paged.front()));
                paged.pop_front();
            } else if (repushesTaken < pass.repushes.size()) {
                const auto& [record, peers] = pass.repushes.at(repushesTaken++);
                take(Item{record, peers.split(QLatin1Char(','))});
            } else {
                break;
            }
        }
        return batch;
    };
    quint64 journal = m_ctx.db.meta(Meta::Journal).toULongLong();
    const auto freeBuffers = qScopeGuard([this] { m_buffers.clear(); });
    // Files left for want of room under 'disk quota', said once at the end of the pass.
    struct
    {
        int files = 0;
        qint64 bytes = 0;
        qint64 used = 0;
    } waiting;
    const auto sayWaiting = qScopeGuard([&] {
        if (waiting.files == 1)
            pass.problem(trc("sync", "waiting for relay space: 1 file (%1) not sent yet, %2 of the %3 of 'disk quota' "
                                     "in use; they go as the other clients take what is there and it is freed")
                             .arg(config::formatSize(waiting.bytes), config::formatSize(waiting.used),
                                  config::formatSize(*m_ctx.settings.diskQuota)));
        else if (waiting.files > 1)
            pass.problem(trc("sync", "waiting for relay space: %1 files (%2) not sent yet, %3 of the %4 of "
                                     "'disk quota' in use; they go as the other clients take what is there and it "
                                     "is freed")
                             .arg(waiting.files)
                             .arg(config::formatSize(waiting.bytes), config::formatSize(waiting.used),
                                  config::formatSize(*m_ctx.settings.diskQuota)));
    });

    while (pass.result.ok() && !pass.result.interrupted) {
        QList<Item> batch = nextBatch();
        if (batch.isEmpty())
            break;
        // Smallest content first: on a relay near full, what fits goes out before what waits.
        std::stable_sort(batch.begin(), batch.end(), [](const Item& x, const Item& y) {
            const qint64 a = x.renamed || x.record.kind != Kind::File ? -1 : x.record.size;
            const qint64 b = y.renamed || y.record.kind != Kind::File ? -1 : y.record.size;
            return a < b;
        });

        // Every file of the batch is cut into blobs (R36), each placed in the batch's packs unless
        // it is on the relay already (R39); the packs travel while the next files are read. A
        // version goes out only when every pack it names made it.
        struct Cut
        {
            Item item;
            QStringList packs; // written by this batch, named by the record (a few: a list)
        };
        QList<Cut> cuts;
        // Enough pack names for the worst case. A pack is sealed when the next blob does not fit in
        // `chunk size` (or it is full), so any two packs in a row hold more than `chunk size`
        // together: a batch of B bytes fills at most 2 B / chunk size + 1 packs.
        qint64 batchBytes = 0;
        for (const Item& item : std::as_const(batch))
            if (!item.renamed && item.record.kind == Kind::File)
                batchBytes += item.record.size;
        const qint64 chunksAhead = 2 + 2 * batchBytes / std::max<qint64>(1, m_ctx.settings.chunkSize);
        reserveChunkIds(int(std::min<qint64>(chunksAhead, 1'000'000)));
        m_ctx.db.begin(); // the pack records of the batch, together
        PackWriter packs(m_ctx, [this] { return nextPackId(); }, m_buffers);
        QHash<QByteArray, protocol::BlobRef> placed; // blobs of this batch (R39 a)
        for (Item& item : batch) {
            if (stopping(pass))
                break; // what is cut goes out (the packs under way end), the rest waits
            if (adoptPublished(item.record, !item.repushFor.isEmpty()))
                continue; // nothing to publish: the folder holds that other version
            // Content is sent again as a version this client holds. One it dropped since the pull
            // planned it (taken just above as another client's identical version, withdrawn,
            // replaced) is not: published, the others would hold a version this client no longer
            // knows, whose counter its next edit would take again (model seed 110270, an edit
            // lost). The want stays; the next pass plans it from what holds then. (A version not
            // published yet that goes out this way is published: see below.)
            if (!item.repushFor.isEmpty() && !holds(item.record)) {
                pass.result.complete = false;
                continue;
            }
            // The same content as a version of the path published by another client (machines that
            // held the same files before they joined, the same edit made twice): the others have it,
            // nothing travels but the record (R27).
            if (!item.renamed && item.repushFor.isEmpty() && item.record.kind == Kind::File && item.record.size > 0)
                for (const StateDb::Version& v : m_ctx.db.versions(item.record.path))
                    item.renamed = item.renamed || (!v.pending && v.record.kind == Kind::File &&
                                                    v.record.hash == item.record.hash && v.record.size == item.record.size);
            if (item.renamed) {
                item.record.blobs.clear();
                item.record.from = 0;
                cuts.append(Cut{std::move(item), {}});
                continue;
            }
            const bool content = item.record.kind == Kind::File && item.record.size > 0;
            if (!content) {
                cuts.append(Cut{std::move(item), {}});
                continue;
            }
            if (pass.relayFull || !pass.result.ok())
                continue; // waits for room, with the larger files
            const bool repush = !item.repushFor.isEmpty();
            Cut cut{item, {}};
            if (m_ctx.settings.diskQuota) {
                // Back-pressure: wait for room rather than go over 'disk quota' (relay-format.md 8).
                qint64 used = m_ctx.db.ownUsage();
                if (packs.unsealed() > 0)
                    used += m_ctx.store.codec().encodedSize(packs.unsealed());
                for (const StateDb::Peer& p : std::as_const(pass.peers))
                    used += p.usage;
                if (m_ctx.store.codec().encodedSize(item.record.size) > *m_ctx.settings.diskQuota) {
                    // It never fits whole: it goes in pieces, each as large as the room (R28, R42).
                    if (!uploadPiece(pass, cut.item.record, *m_ctx.settings.diskQuota - used, packs, placed,
                                     cut.packs))
                        continue;
                    cut.item.piece = cut.item.record.piece;
                    cuts.append(std::move(cut));
                    continue;
                }
                if (used + m_ctx.store.codec().encodedSize(item.record.size) > *m_ctx.settings.diskQuota) {
                    pass.result.waitingForSpace = true;
                    pass.result.complete = false;
                    // One line for the pass (below), not one per file: a big first sync under a
                    // small quota would write hundreds at every pass.
                    qCDebug(lcEngine).noquote() << QStringLiteral("[%1] waiting for relay space to send %2")
                                                       .arg(m_ctx.settings.name, item.record.path);
                    ++waiting.files;
                    waiting.bytes += item.record.size;
                    waiting.used = used;
                    continue;
                }
            }
            if (!cutFile(pass, cut.item.record, 0, item.record.size, repush, packs, placed, cut.packs)) {
                withdrawIfGone(pass, item.record, repush);
                continue;
            }
            cuts.append(std::move(cut));
        }
        packs.finish();
        releaseChunkIds();
        QList<Item> ready;
        bool failureReported = false;
        for (Cut& cut : cuts) {
            const bool sent = std::all_of(cut.packs.cbegin(), cut.packs.cend(),
                                          [&](const QString& pack) { return packs.written(pack); });
            if (!sent) {
                if (!packs.failure().ok() && std::exchange(failureReported, true) == false)
                    failUpload(pass, cut.item.record.path, packs.failure());
                continue;
            }
            ready.append(std::move(cut.item));
        }
        // The segment's text is made on another core while the blobs are recorded here.
        const quint64 seq = journal + 1;
        QFuture<QByteArray> encoded;
        if (pass.result.ok() && !ready.isEmpty())
            encoded = QtConcurrent::run([&ready, client = m_ctx.clientId, seq] {
                protocol::JournalSegment segment{client, seq, {}, {}};
                segment.recordLines.reserve(ready.size());
                for (const Item& item : ready)
                    segment.recordLines.append(item.record.toJsonText());
                return segment.encode();
            });
        const auto waitForText = qScopeGuard([&encoded] { encoded.waitForFinished(); }); // (it reads `ready`)
        // The blobs of every pack written whole, recorded now: a pack the publication below does
        // not name (it fails, Escale stops, a file changed as it was read) is a spare (R2).
        // (own_blobs keeps one place per blob: these are not recorded again with the publication.)
        QSet<QByteArray> recorded;
        {
            QList<protocol::BlobRef> whole;
            for (const protocol::BlobRef& b : std::as_const(placed))
                if (packs.written(b.pack)) {
                    whole.append(b);
                    recorded.insert(b.hash);
                }
            m_ctx.db.putOwnBlobs(whole);
        }
        m_ctx.db.commit();
        for (const Item& item : std::as_const(ready)) { // (sent: their packs are written and recorded)
            const JournalRecord& r = item.record;
            if (!item.renamed && r.kind == Kind::File && r.size > 0 && !item.piece) {
                ++pass.result.uploaded;
                ++m_ctx.progress.filesSent;
                m_ctx.reportEvent(FileEvent::Kind::Sent, r.path, m_ctx.settings.clientName, r.size);
            }
        }
        if (!pass.result.ok() || ready.isEmpty())
            break;
        const QByteArray text = encoded.result();
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
                      trc("sync", "cannot publish the journal: %1").arg(e.message));
            break;
        }
        journal = seq;
        m_ctx.db.begin();
        m_ctx.db.setMeta(Meta::Journal, QString::number(journal));
        m_ctx.db.setMeta(Meta::JournalDigest, OwnJournal::digestOf(text));
        // This client's packs the segment names are kept until it is acknowledged (R41): those of
        // the batch, and older ones a record names again (R39 b, c), unless freed already.
        QHash<QString, qint64> kept;
        for (const StateDb::OwnObject& o : m_ctx.db.ownObjects())
            kept.insert(o.id, o.size);
        QSet<QString> named;
        for (const Item& item : std::as_const(ready)) {
            QList<protocol::BlobRef> ours;
            for (const protocol::BlobRef& c : item.record.blobs) {
                if (!protocol::isObjectOf(c.pack, m_ctx.clientId) || !kept.contains(c.pack))
                    continue;
                if (!recorded.contains(c.hash))
                    ours.append(c);
                if (!named.contains(c.pack)) {
                    named.insert(c.pack);
                    m_ctx.db.putOwnObject(StateDb::OwnObject{c.pack, seq, kept.value(c.pack)});
                }
            }
            m_ctx.db.putOwnBlobs(ours);
            if (!item.piece && item.record.from == 0 && item.record.kind == Kind::File && item.record.size > 0) {
                // Where its blobs lie: the basis of the path's next version (R39 c), a source for
                // others (R40). A record without blobs (R27) takes those of the version it matched.
                QList<protocol::BlobRef> blobs = item.record.blobs;
                if (blobs.isEmpty())
                    for (const StateDb::Version& v : m_ctx.db.versions(item.record.path))
                        if (blobs.isEmpty() && v.record.hash == item.record.hash && v.record.from == 0 &&
                            !v.record.piece)
                            blobs = v.record.blobs;
                if (!blobs.isEmpty())
                    m_ctx.db.putContentBlobs(item.record.hash, blobs);
                if (item.repushFor.isEmpty())
                    m_ctx.db.setBasis(item.record.path, item.record.hash, blobs);
            }
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
                    auto local =
                        v.record.hash != item.record.hash ? m_ctx.db.local(item.record.path) : std::nullopt;
                    if (local && local->hash == v.record.hash) { // (changed in place: confirmContent)
                        local->hash = item.record.hash;
                        m_ctx.db.putLocal(*local);
                    }
                    v.record.hash = item.record.hash; // the content sent (confirmContent)
                    v.record.blobs = item.record.blobs;
                    v.record.from = item.record.from;
                    v.record.repush = false;
                    // Published, whichever record carried it (one not published yet, its content
                    // sent again for another, is a version to the others: never withdrawn here).
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
    // After a push that went to its end, the spares it did not name are of no use (and they take
    // room under 'disk quota' that files waiting for it need). Not in a scope guard: a state
    // database that fails here throws, as anywhere in the pass.
    if (pass.result.ok() && !pass.result.interrupted)
        for (const StateDb::OwnObject& o : m_ctx.db.ownObjects())
            if (o.segment == 0)
                m_ctx.dropOwnObject(o.id);
}

bool Pusher::uploadPiece(Pass& pass, JournalRecord& record, qint64 room, PackWriter& packs,
                         QHash<QByteArray, protocol::BlobRef>& placed, QStringList& used)
{
    qint64 from = 0;
    const QStringList progress = m_ctx.db.meta(Meta::PieceSent, record.path).split(QLatin1Char(' '));
    if (progress.size() == 2 && progress.at(0) == QString::fromLatin1(record.hash.toHex()))
        from = std::clamp<qint64>(progress.at(1).toLongLong(), 0, record.size - 1);
    const qint64 left = record.size - from;
    // The codec's overhead on each pack is set aside, so the pieces stay under the quota. A piece's
    // last blob ends where the piece does (R42).
    const qint64 overhead = m_ctx.store.codec().encodedSize(m_ctx.settings.chunkSize) - m_ctx.settings.chunkSize;
    const qint64 budget =
        std::min(left, room - overhead * (std::max<qint64>(room, 0) / m_ctx.settings.chunkSize + 1));
    constexpr qint64 kSmallestPiece = 1 << 20;
    if (budget < std::min(left, kSmallestPiece)) {
        pass.result.waitingForSpace = true;
        pass.result.complete = false;
        pass.problem(
            trc("sync", "%1 is larger than the relay quota (%2): sent in pieces, %3 of %4 so far; "
                        "waiting for the others to take the last one")
                .arg(record.path, config::formatSize(*m_ctx.settings.diskQuota), config::formatSize(from),
                     config::formatSize(record.size)));
        return false;
    }
    // A piece's blobs are written afresh or found in the batch only: its readers take no blob from
    // their folders, so a basis or an older pack (maybe freed) would never reach them.
    if (!cutFile(pass, record, from, budget, true, packs, placed, used))
        return false;
    record.from = from;
    record.piece = from + budget < record.size;
    if (record.piece)
        record.repush = false; // a piece is not a version; the version that ends it says it all
    qCInfo(lcEngine).noquote() << QStringLiteral(
                                      "[%1] %2 is larger than the relay quota: sending %3 to %4 of %5")
                                      .arg(m_ctx.settings.name, record.path, config::formatSize(from, false),
                                           config::formatSize(from + budget, false),
                                           config::formatSize(record.size, false));
    return true;
}

bool Pusher::holds(const JournalRecord& record) const
{
    const QList<StateDb::Version> versions = m_ctx.db.versions(record.path);
    return std::any_of(versions.cbegin(), versions.cend(), [&](const StateDb::Version& v) {
        return v.record.vv == record.vv && v.record.sameContent(record);
    });
}

bool Pusher::adoptPublished(const JournalRecord& record, bool repush)
{
    // A file this client found in its folder with no history here (its version names only this
    // client) whose content another client published at the same path (machines that held the
    // same folder before they joined): the folder holds that version, which it takes as its own
    // instead of publishing one of its own (no record, no content: R27's limit). Only when the
    // version made here replaces nothing: no other version of the path names this client.
    // (Its first: a version numbered after one of this client's, taken back from the relay after a
    // state put back, replaces that one, whose counter the others know; dropped, the next version
    // made here would take that counter again, and a version from elsewhere that descends from the
    // one taken back would pass for its successor: model seed 50720, an edit lost.)
    if (repush || record.kind != Kind::File || record.piece || record.vv.counters().size() != 1 ||
        record.vv.counter(m_ctx.clientId) != 1)
        return false;
    if (m_ctx.db.versionCount(record.path) < 2)
        return false; // the version made here alone (most files of a first pass): nothing parsed
    QList<StateDb::Version> versions = m_ctx.db.versions(record.path);
    std::optional<JournalRecord> same;
    for (const StateDb::Version& v : std::as_const(versions)) {
        if (v.record.vv == record.vv)
            continue;
        if (v.pending || v.record.vv.counter(m_ctx.clientId) > 0)
            return false;
        // The same bytes and permission bits (R34): a mode changed there or here is a change.
        if (!same && v.record.kind == Kind::File && v.record.hash == record.hash && v.record.size == record.size &&
            v.record.mode == record.mode)
            same = v.record;
    }
    auto local = m_ctx.db.local(record.path);
    // The folder reflects the version made here, or both (the other placed over the same bytes).
    if (!same || !local || local->hash != record.hash ||
        (local->vv != record.vv && local->vv != record.vv.merged(same->vv)))
        return false;
    versions.removeIf([&](const StateDb::Version& v) { return v.pending && v.record.vv == record.vv; });
    m_ctx.db.setVersions(record.path, versions);
    local->vv = same->vv;
    local->origin = same->origin;
    m_ctx.db.putLocal(*local);
    if (same->from == 0 && !same->blobs.isEmpty())
        m_ctx.db.putContentBlobs(same->hash, same->blobs);
    m_ctx.db.setBasis(record.path, same->hash, same->from == 0 ? same->blobs : QList<protocol::BlobRef>());
    qCDebug(lcEngine).noquote() << QStringLiteral("[%1] %2: the same content as %3's version; taken as this "
                                                  "folder's, nothing to send")
                                       .arg(m_ctx.settings.name, record.path, same->originName);
    return true;
}

std::optional<StateDb::LocalEntry> Pusher::contentSource(const JournalRecord& record, LocalReader& reader)
{
    // The file at the path, as scanned; else any file of the folder with that content, as
    // scanned (a version of this client that lost a conflict lives on in its copy, R26). Gone
    // or changed since the scan: the next scan makes a newer version. Opened here, and its state
    // taken from the open file.
    auto unchanged = [&](const StateDb::LocalEntry& e) {
        if (e.kind != Kind::File || e.hash != record.hash || e.size != record.size)
            return false;
        const auto now = reader.open(m_ctx.localPath(e.path), e.path);
        if (now && sameStat(*now, e))
            return true;
        reader.close();
        return false;
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
    // The hash a record carries is the hash of the bytes sent (`uploaded`: hashed as they were
    // read, or the scan's, their check met). A file changed in place since it was scanned, keeping
    // its size and time (coarse-time file systems, a file that waited for relay space), would
    // otherwise be published with its old hash and new bytes, failing every reader's check.
    Q_ASSERT(!uploaded.isEmpty());
    if (uploaded == record.hash)
        return true;
    if (repush || source.path != record.path) {
        // Not that version's content any more: changed in place, keeping its size and time, so no
        // scan saw it. Marked so that the next scan reads it again: what it holds then goes out as
        // a version made from the one asked for, which that version's readers take instead (R23).
        // So too when read from another file holding it (a conflict copy): what it holds now is a
        // change of that file, never this version's content (model seed 50173).
        return changedSinceScan(m_ctx, pass, source);
    }
    qCInfo(lcEngine).noquote() << QStringLiteral("[%1] %2 changed since it was scanned, keeping its size and "
                                                 "time: it goes with the content sent")
                                      .arg(m_ctx.settings.name, source.path);
    // The entry takes that hash with the version, once published: if that fails, the next pass
    // reads the file again (model seed 1760089: else the version was withdrawn as gone).
    record.hash = uploaded;
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
    // The file now at the path was placed over that version, which lost a conflict and lives on in
    // a copy (its vector is in the file's, which knows it). Withdrawn, the counter it took is
    // nobody's: left in the file's vector, no version ever dominated that file again, and a
    // deletion or an edit from elsewhere never reached it (model seed 50173).
    const QString minted = record.origin;
    const quint64 counter = record.vv.counter(minted);
    if (auto local = m_ctx.db.local(record.path);
        local && local->vv && counter > 0 && *local->vv != record.vv && local->vv->counter(minted) == counter) {
        quint64 kept = counter - 1;
        for (const StateDb::Version& v : std::as_const(versions))
            kept = std::max(kept, v.record.vv.counter(minted));
        if (kept < counter) {
            local->vv = local->vv->withCounter(minted, kept);
            m_ctx.db.putLocal(*local);
        }
    }
    // What the path resolves to may change with one version fewer (a version known here may
    // supersede the file now, or win the name; the conflict copy the withdrawn one asked for is no
    // longer waited for: model seed 70012): the folder is made to match at the next pass.
    if (!versions.isEmpty())
        m_ctx.lookAgain(record.path);
    qCInfo(lcEngine).noquote() << QStringLiteral("[%1] %2: the version made here is no longer in the folder; "
                                                 "not sent")
                                      .arg(m_ctx.settings.name, record.path);
}

void Pusher::reserveChunkIds(int count)
{
    if (count <= 0)
        return;
    m_ctx.db.begin();
    // The packs of a batch share their first two digits, so they go to one folder data/<xx> (one
    // folder to make on WebDAV, FTP and SFTP instead of one per pack); the rest stays random.
    const QString prefix = protocol::newObjectId(m_ctx.clientId).left(2);
    for (int i = 0; i < count; ++i) {
        m_reservedIds.push_back(prefix + protocol::newObjectId(m_ctx.clientId).mid(2));
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
            pass.problem(trc("sync", "the relay is full (%1): %2 and the larger files after it wait for room")
                             .arg(e.message, path));
        pass.relayFull = true;
        pass.result.waitingForSpace = true;
        pass.result.complete = false;
        return;
    }
    pass.fail(e.kind == RelayError::Kind::Auth ? PassResult::Status::Auth : PassResult::Status::Failed,
              trc("sync", "cannot upload %1: %2").arg(path, e.message));
    pass.result.cause = e.kind;
}

QString Pusher::nextPackId()
{
    if (m_reservedIds.empty())
        return protocol::newObjectId(m_ctx.clientId);
    const QString id = m_reservedIds.front();
    m_reservedIds.pop_front();
    return id;
}

bool Pusher::cutFile(Pass& pass, JournalRecord& record, qint64 from, qint64 limit, bool repush, PackWriter& packs,
                     QHash<QByteArray, protocol::BlobRef>& placed, QStringList& used)
{
    const qint64 end = std::min(record.size, from + limit);
    // A small file this pass's scan read: sent as it was read (the bytes the record's hash names),
    // not read again. Changed since, it is the next scan's, as a file changed after this read is.
    // Only for the file at the record's path, read by this scan with that content: any other
    // record of those bytes (a file whose bits alone changed, a version waiting from an earlier
    // pass) is checked against its file as before, which may have changed in place unseen.
    Pass::Kept scanned; // (its memory held as long as its bytes are used)
    if (const auto k = pass.scannedContents.find(record.path);
        from == 0 && end == record.size && k != pass.scannedContents.end() && k->hash == record.hash) {
        scanned = std::move(*k);
        pass.scannedContents.erase(k);
    }
    const QByteArrayView kept = scanned.bytes;
    const bool fromScan = record.size > 0 && kept.size() == record.size;
    LocalReader file;
    std::optional<StateDb::LocalEntry> known;
    if (!fromScan) {
        known = contentSource(record, file);
        if (!known || (from > 0 && !file.seek(from)))
            return false;
    }
    record.blobs.clear();
    m_ctx.progress.current = record.path;
    m_ctx.progress.currentSending = true;
    m_ctx.progress.currentDone = from;
    m_ctx.progress.currentSize = record.size;
    // Where a blob may already be (R39): in this batch's packs, in this client's packs on the relay,
    // in the basis of this path (which the others hold in their copy), in another client's pack
    // kept for a reader yet to come (as the pull left them). Content sent again because
    // someone lacks it takes only the first: the others may be what is lacking.
    QHash<QByteArray, protocol::BlobRef> basis;
    if (!repush)
        if (const QByteArray b = m_ctx.db.basis(record.path); !b.isEmpty() && b != record.hash)
            for (const protocol::BlobRef& blob : m_ctx.db.contentBlobs(b))
                basis.insert(blob.hash, blob);
    const bool wholeFile = from == 0 && end == record.size;
    // What is sent must be what the record's hash names (confirmContent()). A file read whole is
    // hashed as it is read, unless this pass's scan hashed that content: then the bytes read are
    // checked against the scan's BlobCheck of them instead (an eighth of a hash's cost). Without
    // either, a file changed in place since the scan, keeping its size and time, went out with
    // the scan's hash and other bytes, failing every reader's check.
    const bool scannedNow = !fromScan && pass.scannedNow.contains(known->path); // (that very file)
    const QByteArray scannedCheck =
        wholeFile && scannedNow ? pass.scannedChecks.value(record.hash) : QByteArray();
    const bool hashWhole = wholeFile && !fromScan && scannedCheck.isEmpty();
    std::optional<scan::BlobCheck> readCheck; // of what is read, when there is a scan's check to meet
    if (!scannedCheck.isEmpty())
        readCheck.emplace();
    QByteArray readChecked;
    auto readAsScanned = [&] {
        if (readChecked.isEmpty())
            readChecked = readCheck->finish();
        return readChecked == scannedCheck;
    };
    Sha256 whole;
    Sha256 blobHash;
    // Where a blob already is, if anywhere.
    auto found = [&](const QByteArray& hash) {
        std::optional<protocol::BlobRef> at;
        if (auto it = placed.constFind(hash); it != placed.cend())
            at = *it;
        else if (!repush)
            at = m_ctx.db.ownBlob(hash);
        if (!at && basis.contains(hash))
            at = basis.value(hash);
        if (!at && !repush && m_foreignBlobs)
            at = m_ctx.db.foreignBlob(hash);
        return at;
    };
    auto name = [&](const protocol::BlobRef& at, qint64 length) {
        if (packs.isOurs(at.pack) && !used.contains(at.pack))
            used.append(at.pack);
        record.blobs.append(at);
        m_ctx.progress.currentDone += length;
        m_ctx.reportProgress(length >= 512 * 1024); // a big blob shows at once
    };
    auto place = [&](QByteArrayView bytes, const QByteArray& hash) {
        std::optional<protocol::BlobRef> at = found(hash);
        if (!at) {
            at = packs.add(bytes, hash);
            placed.insert(hash, *at);
        }
        name(*at, bytes.size());
    };
    // A file this pass's scan cut into blobs (with the gear in use now): only the blobs found
    // nowhere are read, each checked against the scan's BlobCheck of it before it is packed (the
    // bytes its hash names, not hashed again); the file's state is checked after, as for a whole
    // read, since the blobs found elsewhere are the scan's content.
    if (const auto cut = pass.scannedCuts.constFind(record.hash); scannedNow && wholeFile &&
                                                                  cut != pass.scannedCuts.cend() &&
                                                                  pass.scannedCutsSeed == m_ctx.gearSeed()) {
        qint64 covered = 0;
        for (const scan::BlobCut& c : *cut)
            covered += c.length;
        if (covered == record.size) {
            for (const scan::BlobCut& c : *cut) {
                std::optional<protocol::BlobRef> at = found(c.hash);
                if (!at) {
                    QByteArray bytes = m_buffers.take(c.length);
                    bytes.resize(c.length);
                    if (!file.readFully(c.offset, bytes.data(), c.length))
                        return false; // shorter than scanned: changed, the next scan says how
                    // What is packed under a hash is those bytes, also when the file changed
                    // since the scan (another file of the batch may name the blob).
                    // (Hashed when no check could be taken, at the scan or now.)
                    const QByteArray check = c.check.isEmpty() ? QByteArray() : scan::BlobCheck::of(bytes);
                    if (!check.isEmpty()
                            ? check != c.check
                            : (blobHash.update(bytes.constData(), bytes.size()), blobHash.finish() != c.hash))
                        return changedSinceScan(m_ctx, pass, *known);
                    at = packs.add(bytes, c.hash);
                    placed.insert(c.hash, *at);
                    m_buffers.give(std::move(bytes));
                }
                name(*at, c.length);
                if (!pass.result.ok() || stopping(pass))
                    return false; // (stopping: the rest of the file waits for the next run)
            }
            const auto after = file.stat(known->path);
            return after && sameStat(*after, *known) &&
                   confirmContent(pass, record, *known, repush, record.hash);
        }
    }
    // A small file as the scan read it, shorter than any blob the chunker cuts: one blob, those very
    // bytes, which the scan's hash names (not copied to be cut, not hashed again).
    if (fromScan && record.size < protocol::Chunker::Sizes().min) {
        place(kept, record.hash);
        return true;
    }
    // Large blobs are hashed on another core while the next ones are read and cut; they are
    // placed in their order, once hashed. Small ones are hashed here (a task costs more).
    struct Hashing
    {
        QByteArray bytes;
        QFuture<QByteArray> hash;
    };
    std::deque<Hashing> hashing;
    auto placeFirst = [&] {
        place(hashing.front().bytes, hashing.front().hash.result());
        QByteArray done = std::move(hashing.front().bytes);
        hashing.pop_front();
        m_buffers.give(std::move(done));
    };
    bool changed = false; // since the scan, as a blob of the whole file's size says
    auto emit = [&](const QByteArray& bytes) {
        // A file that is one blob has the scan's hash, taken this pass: packed under it without
        // hashing it again once its check says these are the bytes hashed (all read by now), never
        // under a hash that does not name them (review of 51861fa).
        if (wholeFile && !hashWhole && bytes.size() == record.size) {
            changed = readCheck && !readAsScanned(); // (else the bytes the scan kept)
            if (!changed)
                place(bytes, record.hash);
            return;
        }
        if (bytes.size() >= kHashElsewhere) {
            hashing.push_back({bytes, QtConcurrent::run([bytes] {
                                   Sha256 h;
                                   h.update(bytes.constData(), bytes.size());
                                   return h.finish();
                               })});
            while (hashing.size() > 2)
                placeFirst();
            return;
        }
        while (!hashing.empty())
            placeFirst();
        blobHash.update(bytes.constData(), bytes.size());
        place(bytes, blobHash.finish());
    };
    // Every blob handed to another core is waited for, whatever way this function ends.
    const auto drain = qScopeGuard([&] {
        for (Hashing& h : hashing)
            h.hash.waitForFinished();
    });
    protocol::Chunker chunker(m_ctx.gear());
    QByteArray blob = end - from > kHashElsewhere ? m_buffers.take(kBlobBuffer) : QByteArray();
    const auto keepBlobBuffer = qScopeGuard([&] { m_buffers.give(std::move(blob)); });
    if (m_readBuffer.isEmpty())
        m_readBuffer = QByteArray(1 << 20, Qt::Uninitialized); // once: not a megabyte per small file
    QByteArray& buffer = m_readBuffer;
    auto consume = [&](const char* p, qint64 left) {
        while (left > 0) {
            bool ended = false;
            const qsizetype k = chunker.feed(p, left, ended);
            blob.append(p, k);
            p += k;
            left -= k;
            if (ended) {
                emit(blob);
                if (blob.isDetached())
                    blob.resize(0); // its memory serves the next blob
                else
                    blob = m_buffers.take(kBlobBuffer); // it is being hashed elsewhere
            }
        }
    };
    if (fromScan)
        consume(kept.constData(), kept.size());
    for (qint64 at = from; !fromScan && at < end;) {
        const qint64 n = file.read(buffer.data(), std::min<qint64>(buffer.size(), end - at));
        if (n <= 0)
            return false; // shorter than scanned: changed, the next scan says how
        if (hashWhole)
            whole.update(buffer.constData(), n);
        else if (readCheck)
            readCheck->update(buffer.constData(), n);
        consume(buffer.constData(), n);
        at += n;
        if (!pass.result.ok() || stopping(pass))
            return false; // (stopping: the rest of the file waits for the next run)
    }
    if (!blob.isEmpty())
        emit(blob);
    while (!hashing.empty())
        placeFirst();
    if (readCheck && !changed)
        changed = !readAsScanned(); // (its blobs were hashed as read: only the record would be wrong)
    if (changed)
        return changedSinceScan(m_ctx, pass, *known);
    if (fromScan)
        return true; // the bytes the record's hash names (confirmContent has nothing to check)
    // The file must not have changed while it was read (a stable snapshot, section 10).
    const auto after = file.stat(known->path);
    if (!after || !sameStat(*after, *known))
        return false;
    if (!wholeFile && end == record.size) {
        // The last piece of a file sent in pieces over several passes (R28): the pieces must make
        // the content the record names, which no piece's read says (the file may have changed in
        // place between two passes, keeping its size and time). Read whole once more for it.
        if (const auto hash = scan::hashFile(m_ctx.localPath(known->path)); !hash || *hash != record.hash)
            return hash ? changedSinceScan(m_ctx, pass, *known) : false;
    }
    return !wholeFile ||
           confirmContent(pass, record, *known, repush, hashWhole ? whole.finish() : record.hash);
}

} // namespace escale::sync::engine
