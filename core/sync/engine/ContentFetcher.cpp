#include "sync/engine/ContentFetcher.h"

#include "Tr.h"
#include "log/Logging.h"
#include "protocol/Chunker.h"
#include "protocol/Layout.h"
#include "protocol/LocalLayout.h"
#include "scan/Hasher.h"
#include "sync/Streams.h"
#include "sync/engine/EngineContext.h"
#include "sync/engine/LocalFiles.h"

#include <QBuffer>
#include <QFileInfo>
#include <QScopeGuard>
#include <QtConcurrent>
#include <QSet>
#include <atomic>
#include <deque>
#include <fcntl.h>

namespace escale::sync::engine {

using protocol::JournalRecord;
using relay::RelayError;
using state::StateDb;
using Kind = JournalRecord::Kind;
namespace layout = protocol::layout;

namespace {

// A blob's download: a whole object (format 1's chunk), or a part of a pack (R40).
protocol::ObjectStore::PendingGet startBlob(protocol::ObjectStore& store, const protocol::BlobRef& blob,
                                            QIODevice* sink)
{
    const QString path = layout::dataPath(blob.pack);
    return blob.whole ? store.startGet(path, sink) : store.startGetRange(path, blob.offset, blob.length, sink);
}

} // namespace

// Blobs of one pack are read together (R40): the parts wanted, by offset, become ranges, two parts
// less than this apart one range, none longer than kLongestRange (4 MiB: with 8 MiB ranges a
// gigabyte's receiver peaked at 72-78 MiB and took 5.4-7.2 s through WebDAV at 10 ms; with 4 MiB,
// 48 MiB and 4.4 s, for 370 requests instead of 154).
constexpr qint64 kRangeGap = 1 << 20;
constexpr qint64 kLongestRange = 4LL << 20;

// The one-blob files of a batch, fetched ahead in the order they are written: while one is
// checked and written, the next `transfers` reads are on their way (at most 64 MiB held), the
// blobs of one pack read together in ranges. A file the batch skips has its blob dropped; one not
// listed is fetched as usual.
class ContentFetcher::Prefetch
{
public:
    Prefetch(protocol::ObjectStore& store, int transfers)
        : m_store(store)
        , m_transfers(std::max(1, transfers))
    {}
    ~Prefetch()
    {
        for (Entry& e : m_queue)
            if (e.read && !e.read->finished)
                finish(*e.read); // its buffer goes with it
    }
    void add(const protocol::BlobRef& chunk) { m_queue.push_back(Entry{chunk, {}}); }
    // The decoded bytes of `blob` if it was listed: true, with the download's error in `e`, and
    // `checked` when they are known to match its hash already.
    bool take(const protocol::BlobRef& blob, QByteArray& bytes, RelayError& e, bool& checked)
    {
        checked = false;
        auto it = std::find_if(m_queue.begin(), m_queue.end(), [&](const Entry& x) { return x.chunk == blob; });
        if (it == m_queue.end())
            return false;
        while (m_queue.begin() != it) { // skipped by the batch (deque: `it` stays valid)
            drop(m_queue.front());
            popFront();
        }
        Entry& entry = m_queue.front();
        if (!entry.read)
            start(entry); // even over the memory bound: it is needed now
        topUp();          // the next ones travel while this one is finished
        Read& read = *entry.read;
        if (!read.finished) {
            finish(read);
            checkLater(read, entry);
        }
        e = read.error;
        if (!e.ok() && read.blobs > 1) {
            // A range of several blobs failed (one of them lies past the pack's end, a fault on
            // the way): this one is read on its own, so that its fate is its own.
            entry.read = begin(false, entry.chunk.pack, entry.chunk.offset, entry.chunk.length);
            entry.read->blobs = 1;
            finish(*entry.read);
            e = entry.read->error;
        }
        Read& got = *entry.read;
        bytes = e.ok() ? got.buffer->data().mid(entry.chunk.offset - got.offset, entry.chunk.length) : QByteArray();
        if (got.whole)
            bytes = got.buffer->data();
        const std::pair<qint64, qint64> at{entry.chunk.offset, entry.chunk.length};
        if (const int group = got.groupOf.value(at, -1); e.ok() && group >= 0)
            checked = got.checks[group].result().value(at) == entry.chunk.hash;
        drop(entry);
        popFront();
        topUp();
        return true;
    }

private:
    // One read: a whole object (format 1's chunk), or a range of a pack holding one blob or more.
    struct Read
    {
        bool whole = false;
        qint64 offset = 0;
        int blobs = 1; // how many listed blobs it holds
        std::unique_ptr<QBuffer> buffer;
        protocol::ObjectStore::PendingGet get;
        bool finished = false;
        RelayError error;
        // The hashes of its other blobs, by offset in the pack, taken on the digest threads once it
        // is read (the engine's thread hashed 10,000 blobs of 4 KiB in turn: a tenth of its pull).
        // (By offset and length: the bytes hashed are exactly those a blob at that place is.)
        QList<QFuture<QHash<std::pair<qint64, qint64>, QByteArray>>> checks;
        QHash<std::pair<qint64, qint64>, int> groupOf; // offset and length: its group in `checks`
    };
    struct Entry
    {
        protocol::BlobRef chunk;
        std::shared_ptr<Read> read; // shared by the blobs of one range
    };
    void finish(Read& read)
    {
        read.error = m_store.finish(read.get);
        read.finished = true;
        --m_inFlight;
    }
    // A range just read: the blobs listed in it after `taken` are hashed on the digest threads, in
    // groups in the order they are taken, so that the first ones are known soon.
    void checkLater(Read& read, const Entry& taken)
    {
        if (!read.error.ok() || read.whole || read.blobs < 2)
            return;
        constexpr qsizetype kGroup = 64;
        QList<std::pair<qint64, qint64>> group; // offset, length
        auto send = [&read, &group] {
            read.checks.append(QtConcurrent::run(
                scan::digestPool(), [data = read.buffer->data(), from = read.offset, blobs = std::exchange(group, {})] {
                    QHash<std::pair<qint64, qint64>, QByteArray> hashes;
                    hashes.reserve(blobs.size());
                    for (const auto& [offset, length] : blobs) {
                        if (offset < from || offset - from + length > data.size())
                            continue;
                        Sha256 h;
                        h.update(data.constData() + (offset - from), length);
                        hashes.insert({offset, length}, h.finish());
                    }
                    return hashes;
                }));
        };
        // (The bytes shared, not copied: nothing writes to a finished read.)
        for (const Entry& x : m_queue) {
            if (x.read.get() != &read || &x == &taken)
                continue;
            if (read.groupOf.contains({x.chunk.offset, x.chunk.length}))
                continue; // (hashed once)
            read.groupOf.insert({x.chunk.offset, x.chunk.length}, int(read.checks.size()));
            group.append({x.chunk.offset, x.chunk.length});
            if (group.size() == kGroup)
                send();
        }
        if (!group.isEmpty())
            send();
    }
    void drop(Entry& e)
    {
        if (!e.read)
            return;
        m_held -= e.chunk.length;
        if (e.read.use_count() == 1 && !e.read->finished)
            finish(*e.read); // the last blob of its range
        e.read.reset();
    }
    std::shared_ptr<Read> begin(bool whole, const QString& pack, qint64 offset, qint64 length)
    {
        auto read = std::make_shared<Read>();
        read->whole = whole;
        read->offset = offset;
        read->buffer = std::make_unique<QBuffer>();
        read->buffer->buffer().reserve(length);
        read->buffer->open(QIODevice::WriteOnly);
        const QString path = layout::dataPath(pack);
        read->get = whole ? m_store.startGet(path, read->buffer.get())
                          : m_store.startGetRange(path, offset, length, read->buffer.get());
        ++m_inFlight;
        return read;
    }
    void start(Entry& e)
    {
        if (e.chunk.whole) {
            e.read = begin(true, e.chunk.pack, 0, e.chunk.length);
            m_held += e.chunk.length;
            return;
        }
        // Every blob of that pack the batch lists and nobody reads yet, by offset, in ranges.
        QList<Entry*> same;
        for (Entry& x : m_queue)
            if (!x.read && !x.chunk.whole && x.chunk.pack == e.chunk.pack)
                same.append(&x);
        std::sort(same.begin(), same.end(),
                  [](const Entry* x, const Entry* y) { return x->chunk.offset < y->chunk.offset; });
        for (qsizetype i = 0; i < same.size();) {
            const qint64 from = same.at(i)->chunk.offset;
            qint64 to = from + same.at(i)->chunk.length;
            qsizetype j = i + 1;
            while (j < same.size() && same.at(j)->chunk.offset >= from && same.at(j)->chunk.offset - to < kRangeGap &&
                   same.at(j)->chunk.offset + same.at(j)->chunk.length - from <= kLongestRange) {
                to = std::max(to, same.at(j)->chunk.offset + same.at(j)->chunk.length);
                ++j;
            }
            const auto read = begin(false, e.chunk.pack, from, to - from);
            read->blobs = int(j - i);
            for (qsizetype k = i; k < j; ++k) {
                same.at(k)->read = read;
                m_held += same.at(k)->chunk.length;
            }
            i = j;
        }
    }
    void topUp()
    {
        // Entries before m_started all have their read (the queue is taken from the front, and a
        // read covers later entries of its pack): not walked again at every take.
        m_started = std::min(m_started, m_queue.size());
        while (m_started < m_queue.size() && m_queue[m_started].read)
            ++m_started;
        for (size_t i = m_started; i < m_queue.size(); ++i) {
            if (m_inFlight >= m_transfers || m_held >= 64LL * 1024 * 1024)
                return;
            if (!m_queue[i].read)
                start(m_queue[i]);
        }
    }
    void popFront()
    {
        m_queue.pop_front();
        if (m_started > 0)
            --m_started;
    }

    protocol::ObjectStore& m_store;
    int m_transfers;
    std::deque<Entry> m_queue;
    size_t m_started = 0; // entries before it all have their read
    int m_inFlight = 0; // reads started, not yet finished
    qint64 m_held = 0;  // bytes of the blobs listed whose read started and that were not taken yet
};

ContentFetcher::ContentFetcher(EngineContext& context)
    : m_ctx(context)
{}

ContentFetcher::~ContentFetcher() = default;

void ContentFetcher::startBatch()
{
    if (m_ctx.transfers() > 1)
        m_prefetch = std::make_unique<Prefetch>(m_ctx.store, m_ctx.transfers());
}

void ContentFetcher::fetchAhead(const protocol::BlobRef& chunk)
{
    if (m_prefetch)
        m_prefetch->add(chunk);
}

void ContentFetcher::endBatch()
{
    m_prefetch.reset();
}

bool ContentFetcher::takeAhead(const JournalRecord& record, QByteArray& bytes)
{
    if (!m_prefetch || record.from != 0 || record.piece || record.size <= 0 || record.blobs.size() != 1)
        return false;
    const protocol::BlobRef& blob = record.blobs.first();
    RelayError e;
    bool checked = false;
    if (blob.length != record.size || blob.hash != record.hash || !m_prefetch->take(blob, bytes, e, checked))
        return false;
    if (e.ok() && bytes.size() == record.size) {
        if (checked)
            return true;
        Sha256 own;
        own.update(bytes.constData(), bytes.size());
        if (own.finish() == record.hash)
            return true;
    }
    bytes.clear();
    return false;
}

RelayError ContentFetcher::fetchChunks(const QString& path, const QList<protocol::BlobRef>& chunks, QFile& file,
                                   Sha256* whole)
{
    // Up to 'transfers' chunks travel at once, each decoded (decrypted) on the relay's threads
    // into its own buffer; they are checked and written to the file in order, oldest first,
    // by this thread (parallel writers to one file only contend for its inode lock). One at a
    // time, a chunk streams straight into the file. Buffers are capped at 64 MiB in all.
    // When the caller checks the whole file's hash, the chunks' own hashes are not taken too:
    // one bad chunk fails the whole, which is then discarded (pieces check each chunk).
    const qint64 cap = 64LL * 1024 * 1024;
    const int transfers = int(
        std::clamp<qint64>(cap / std::max({kLongestRange, m_ctx.settings.chunkSize, protocol::Chunker::Sizes().max}), 1,
                           m_ctx.transfers()));
    struct InFlight
    {
        protocol::BlobRef chunk;
        QList<protocol::BlobRef> run; // blobs after `chunk` read with it, as one range of its pack
        bool local = false;           // read from a file of the folder
        QByteArray held;              // ... those bytes, when several travel (no copy into a buffer)
        QByteArray heldHash;          // ... and their hash, when they are checked one by one
        std::unique_ptr<QBuffer> buffer; // its own byte array: stays put when moved
        std::unique_ptr<HashingWriter> writer;
        protocol::ObjectStore::PendingGet get;
    };
    std::deque<InFlight> inFlight;
    const qint64 start = file.pos();
    // The whole file's hash, fed in order on a thread kept for digests (not one made per blob), and
    // the blobs' own checks on the other, one at a time each; at most kWaiting steps of each wait
    // their turn (each holds its blob's bytes), so that this thread goes on fetching and writing.
    // (With one step of each at a time, `big 1024` received in 1.17 s for 0.87 of work per core.)
    scan::InOrder wholeSteps, checkSteps;
    auto handOver = [](scan::InOrder& steps, std::function<void()> step) {
        constexpr qint64 kWaiting = 3;
        steps.waitFor(steps.handed() - kWaiting + 1);
        steps.add(std::move(step));
    };
    // Every hash started is finished when this returns (the caller reads `whole`).
    const auto hashed = qScopeGuard([&wholeSteps, &checkSteps] {
        wholeSteps.waitForAll();
        checkSteps.waitForAll();
    });
    // A blob in a pack is checked against its own hash whatever the whole file's check (a blob
    // whose hash does not match is never used, and it may be taken again, from this file, for
    // others, R40); format 1's whole chunks need not be.
    auto checkEach = [whole](const protocol::BlobRef& blob) { return !whole || !blob.whole; };
    // Blobs cut from a ranged read are checked beside the whole file's hash (`deferred`: the hash
    // to find), a big one on the other digest thread; a mismatch fails the file when the hashing is
    // waited for. (On the whole file's thread, after its hash, a gigabyte received in ranges of
    // several blobs was hashed twice on one core.)
    auto badBlob = std::make_shared<std::atomic<bool>>(false);
    // The verdict on one chunk; buffered `bytes` go to the file here.
    auto accept = [&](const RelayError& e, const protocol::BlobRef& chunk, qint64 got,
                      const QByteArray& hash, const QByteArray* bytes,
                      const QByteArray& deferred = QByteArray()) -> RelayError {
        if (e.kind == RelayError::Kind::NotFound)
            return {e.kind,
                    trc("sync", "%1: its content is no longer on the relay; asked the others to send "
                                "it again")
                        .arg(path)};
        if (!e.ok())
            return {e.kind, trc("sync", "cannot download %1: %2").arg(path, e.message)};
        if (got != chunk.length || (checkEach(chunk) && !hash.isNull() && hash != chunk.hash))
            return {RelayError::Kind::Corrupt,
                    trc("sync", "%1: a chunk from the relay failed its check; it will be fetched again")
                        .arg(path)};
        if (bytes) {
            if (whole) {
                // The whole file's hash, in order; a big chunk's is taken beside its write, on
                // another thread (or, when no thread can be had, when it is waited for).
                const bool elsewhere = bytes->size() >= 256 * 1024;
                if (elsewhere) {
                    handOver(wholeSteps, [whole, data = *bytes] { whole->update(data.constData(), data.size()); });
                } else {
                    wholeSteps.waitForAll();
                    whole->update(bytes->constData(), bytes->size());
                }
                if (!deferred.isEmpty()) {
                    auto check = [badBlob, deferred](const QByteArray& data) {
                        Sha256 own;
                        own.update(data.constData(), data.size());
                        if (own.finish() != deferred)
                            badBlob->store(true);
                    };
                    if (elsewhere)
                        handOver(checkSteps, [check, data = *bytes] { check(data); });
                    else
                        check(*bytes);
                }
            }
            // In pieces: with one write() per 8 MiB chunk, receiving 1 GiB through WebDAV took
            // 3.3 to 5.8 s on the benchmark machine (the page cache throttles big writes in big
            // steps); with 256 KiB pieces, a steady 2.7 s.
            bool written = true;
            for (qsizetype at = 0; written && at < bytes->size(); at += 256 * 1024) {
                const qsizetype n = std::min<qsizetype>(256 * 1024, bytes->size() - at);
                written = file.write(bytes->constData() + at, n) == n;
            }
            if (!written) {
                m_localWriteFailed = true; // the folder's disk, not the relay
                const QString why = writeFailure(file);
                return {RelayError::Kind::Other, trc("sync", "cannot write %1: %2").arg(path, why)};
            }
        }
        m_ctx.progress.bytesReceived += chunk.length;
        m_ctx.progress.currentDone += chunk.length;
        m_ctx.reportProgress(true); // a chunk is megabytes: each one shows
        return {};
    };
    RelayError failure;
    m_reusedBytes = 0;
    bool checked = false;
    if (QByteArray bytes;
        m_prefetch && chunks.size() == 1 && !m_localBlobs.contains(chunks.first().hash) &&
        m_prefetch->take(chunks.first(), bytes, failure, checked)) {
        QByteArray hash;
        if (checked) {
            hash = chunks.first().hash;
        } else if (checkEach(chunks.first())) {
            Sha256 own;
            own.update(bytes.constData(), bytes.size());
            hash = own.finish();
        }
        failure = accept(failure, chunks.first(), bytes.size(), hash, &bytes);
        if (!failure.ok())
            file.seek(start);
        return failure;
    }
    auto collect = [&] {
        InFlight f = std::move(inFlight.front());
        inFlight.pop_front();
        const RelayError e = m_ctx.store.finish(f.get);
        if (!failure.ok())
            return;
        if (f.local && !f.writer) {
            // Kept as read from the folder (no buffer): its bytes go to the file as they are.
            failure = accept(e, f.chunk, f.held.size(), f.heldHash, &f.held);
            return;
        }
        if (f.run.isEmpty()) {
            // A blob from the folder under the whole file's check is checked with it (a null hash).
            const bool own = checkEach(f.chunk) && !(f.local && whole);
            failure = accept(e, f.chunk, f.writer->bytesWritten(), own ? f.writer->hash() : QByteArray(),
                             f.buffer ? &f.buffer->data() : nullptr);
            return;
        }
        // A range of several blobs: each cut out, checked and written in turn.
        if (!e.ok()) {
            failure = accept(e, f.chunk, 0, {}, nullptr);
            return;
        }
        const QByteArray& range = f.buffer->data();
        for (const protocol::BlobRef& blob : QList<protocol::BlobRef>{f.chunk} + f.run) {
            const QByteArray part = range.mid(blob.offset - f.chunk.offset, blob.length);
            if (whole) {
                failure = accept(e, blob, part.size(), QByteArray(), &part, blob.hash);
            } else {
                Sha256 own;
                own.update(part.constData(), part.size());
                failure = accept(e, blob, part.size(), own.finish(), &part);
            }
            if (!failure.ok())
                return;
        }
    };
    for (qsizetype i = 0; i < chunks.size(); ++i) {
        if (!failure.ok())
            break;
        if (i > 0 && m_ctx.interrupted()) {
            // Escale is stopping: the chunks under way end, the file is fetched at the next start.
            failure = {RelayError::Kind::Other, trc("sync", "%1: left for the next start").arg(path)};
            break;
        }
        const protocol::BlobRef& chunk = chunks.at(i);
        InFlight f;
        f.chunk = chunk;
        // One blob: into its own buffer when several travel, else straight into the file.
        auto single = [&](bool check) {
            if (transfers <= 1)
                wholeSteps.waitForAll(); // the whole file's hash is fed by one thread at a time, in order
            if (transfers > 1) {
                f.buffer = std::make_unique<QBuffer>();
                f.buffer->buffer().reserve(chunk.length);
                f.buffer->open(QIODevice::WriteOnly);
                f.writer = std::make_unique<HashingWriter>(f.buffer.get(), nullptr, check);
            } else {
                f.writer = std::make_unique<HashingWriter>(&file, whole, check);
            }
        };
        if (auto held = localBlob(chunk, !whole)) {
            // From the folder (R40): written in its turn like a download, with no request.
            f.local = true;
            m_reusedBytes += held->size();
            if (transfers > 1) {
                // Kept as read (localBlob checked it against its hash unless the whole file's
                // check covers it).
                if (checkEach(chunk) && !whole)
                    f.heldHash = chunk.hash;
                f.held = std::move(*held);
            } else {
                single(checkEach(chunk) && !whole);
                f.writer->write(*held);
            }
            inFlight.push_back(std::move(f));
            if (int(inFlight.size()) >= transfers)
                collect();
            continue;
        }
        // The blobs that follow it in the same pack, close enough, go in the same ranged read.
        qint64 end = chunk.offset + chunk.length;
        while (!chunk.whole && i + 1 < chunks.size()) {
            const protocol::BlobRef& next = chunks.at(i + 1);
            if (next.whole || next.pack != chunk.pack || next.offset < end || next.offset - end >= kRangeGap ||
                next.offset + next.length - chunk.offset > kLongestRange || m_localBlobs.contains(next.hash))
                break;
            f.run.append(next);
            end = next.offset + next.length;
            ++i;
        }
        if (!f.run.isEmpty()) {
            f.buffer = std::make_unique<QBuffer>();
            f.buffer->buffer().reserve(end - chunk.offset);
            f.buffer->open(QIODevice::WriteOnly);
            f.writer = std::make_unique<HashingWriter>(f.buffer.get(), nullptr, false);
            f.get = m_ctx.store.startGetRange(layout::dataPath(chunk.pack), chunk.offset, end - chunk.offset,
                                              f.writer.get());
        } else {
            single(checkEach(chunk));
            f.get = startBlob(m_ctx.store, chunk, f.writer.get());
        }
        inFlight.push_back(std::move(f));
        if (int(inFlight.size()) >= transfers)
            collect();
    }
    while (!inFlight.empty())
        collect();
    wholeSteps.waitForAll();
    checkSteps.waitForAll();
    if (failure.ok() && badBlob->load())
        failure = {RelayError::Kind::Corrupt,
                   trc("sync", "%1: a chunk from the relay failed its check; it will be fetched again").arg(path)};
    if (!failure.ok())
        file.seek(start);
    return failure;
}

void ContentFetcher::findLocalBlobs(const QString& targetPath, const QList<protocol::BlobRef>& blobs)
{
    m_localBlobs.clear();
    QSet<QByteArray> wanted;
    for (const protocol::BlobRef& b : blobs)
        if (!b.whole) // format 1's chunks are whole files' parts, never listed by blob
            wanted.insert(b.hash);
    if (wanted.isEmpty())
        return;
    auto offer = [&](const StateDb::LocalEntry& file, const QByteArray& content) {
        qint64 position = 0;
        for (const protocol::BlobRef& b : m_ctx.db.contentBlobs(content)) {
            if (wanted.contains(b.hash) && !m_localBlobs.contains(b.hash))
                m_localBlobs.insert(b.hash, LocalBlob{position, file});
            position += b.length;
        }
    };
    // The old version of the same file first: an edit in place keeps most of its blobs.
    if (const auto here = m_ctx.db.local(targetPath); here && here->kind == Kind::File && !here->hash.isEmpty())
        offer(*here, here->hash);
    for (const QByteArray& hash : std::as_const(wanted)) {
        if (m_localBlobs.contains(hash))
            continue;
        for (const StateDb::HeldBlob& held : m_ctx.db.contentsWithBlob(hash)) {
            const QList<StateDb::LocalEntry> files = m_ctx.db.localWithHash(held.content);
            const auto file = std::find_if(files.cbegin(), files.cend(),
                                           [](const StateDb::LocalEntry& e) { return e.kind == Kind::File; });
            if (file != files.cend()) {
                m_localBlobs.insert(hash, LocalBlob{held.position, *file});
                break;
            }
        }
    }
}

std::optional<QByteArray> ContentFetcher::localBlob(const protocol::BlobRef& blob, bool check)
{
    const auto it = m_localBlobs.constFind(blob.hash);
    if (it == m_localBlobs.cend() || blob.whole)
        return std::nullopt;
    const QString absolute = m_ctx.localPath(it->file.path);
    const auto now = statLocal(absolute, it->file.path);
    if (!now || !sameStat(*now, it->file))
        return std::nullopt;
    QFile in(absolute);
    if (!in.open(QIODevice::ReadOnly) || !in.seek(it->position))
        return std::nullopt;
    const QByteArray bytes = in.read(blob.length);
    if (bytes.size() != blob.length)
        return std::nullopt;
    if (check) {
        Sha256 own;
        own.update(bytes.constData(), bytes.size());
        if (own.finish() != blob.hash)
            return std::nullopt; // changed in place, keeping its size and time: fetched instead
    }
    return bytes;
}

// What a failed download means for the path: content gone from the relay or damaged there is
// asked for again (R23); a file that could not be written is a local problem; the rest is the
// relay failing, tried again with the journals.
Content ContentFetcher::contentFailure(const RelayError& e, const QFile& file)
{
    const bool local = std::exchange(m_localWriteFailed, false) || file.error() != QFileDevice::NoError;
    if (e.kind == RelayError::Kind::NotFound || e.kind == RelayError::Kind::Corrupt)
        return Content::Gone;
    return local ? Content::Failed : Content::Unreachable;
}

namespace {
// A download file made empty again for another try; a new one (nothing written) costs no call.
void rewind(QFile& out)
{
    if (out.pos() == 0)
        return;
    out.resize(0);
    out.seek(0);
}
} // namespace

Content ContentFetcher::obtainContent(const JournalRecord& record, const QString& targetPath, int mode,
                                      QString& problem, QString& staged,
                                      std::optional<StateDb::LocalEntry>& written, const QString& besideOf)
{
    m_goneFromRelay = false;
    const QString target = besideOf.isEmpty() ? m_ctx.localPath(targetPath) : besideOf;
    const QString folder = target.left(target.lastIndexOf(QLatin1Char('/')));
    const QString temp = downloadFileFor(target);
    QFile out(temp);
    // Made here, never through a link, never over anything (QFile's NewOnly looks at it first).
    const int fd = ::open(QFile::encodeName(temp).constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW,
                          0666);
    if (fd < 0 || !out.open(fd, QIODevice::WriteOnly, QFileDevice::AutoCloseHandle)) {
        const QString why = writeFailure(out);
        if (fd >= 0) {
            ::close(fd);
            QFile::remove(temp);
        }
        problem = trc("sync", "cannot write in %1: %2").arg(folder, why);
        return Content::Failed;
    }
    auto abandon = [&](const QString& why, Content outcome = Content::Failed) {
        out.close();
        QFile::remove(temp);
        problem = why;
        return outcome;
    };

    qint64 total = 0;
    bool fromLocal = false;
    // A local file with the same content (a rename, a copy, a conflict copy) saves a download.
    for (const StateDb::LocalEntry& candidate : m_ctx.db.localWithHash(record.hash)) {
        if (candidate.kind != Kind::File)
            continue;
        const auto now = statLocal(m_ctx.localPath(candidate.path), candidate.path);
        if (!now || !sameStat(*now, candidate))
            continue;
        QFile in(m_ctx.localPath(candidate.path));
        if (!in.open(QIODevice::ReadOnly))
            continue;
        rewind(out);
        Sha256 copyHash;
        qint64 copied = 0;
        QByteArray buffer(1 << 20, Qt::Uninitialized);
        bool ok = true;
        for (;;) {
            const qint64 n = in.read(buffer.data(), buffer.size());
            if (n < 0) {
                ok = false;
                break;
            }
            if (n == 0)
                break;
            if (out.write(buffer.constData(), n) != n) {
                ok = false;
                break;
            }
            copyHash.update(buffer.constData(), n);
            copied += n;
        }
        if (ok && copyHash.finish() == record.hash && copied == record.size) {
            fromLocal = true;
            total = copied;
            break;
        }
        if (ok) // (meanwhile it is no source of that content)
            m_ctx.readAgainAtNextScan(candidate);
    }
    if (fromLocal) {
        m_ctx.dropPartial(targetPath);
    } else if (record.from > 0) {
        // The first bytes came in pieces (R28): the partial file continues with these chunks.
        const auto partial = m_ctx.db.partial(targetPath);
        out.close();
        QFile::remove(temp);
        if (!partial || partial->hash != record.hash || partial->received != record.from) {
            problem = trc("sync", "%1: its first pieces are not here; asked the others to send it again")
                          .arg(targetPath);
            return Content::Gone;
        }
        QFile part(partial->temp);
        if (!part.open(QIODevice::ReadWrite | QIODevice::ExistingOnly)) {
            m_ctx.dropPartial(targetPath);
            problem = trc("sync", "%1: its first pieces are lost; asked the others to send it again")
                          .arg(targetPath);
            return Content::Gone;
        }
        part.resize(record.from);
        part.seek(record.from);
        if (const RelayError e = fetchChunks(targetPath, record.blobs, part); !e.ok()) {
            const Content outcome = contentFailure(e, part);
            part.resize(record.from);
            problem = e.message;
            return outcome;
        }
        // The whole file is checked once more, pieces included.
        part.seek(0);
        Sha256 check;
        QByteArray buffer(1 << 20, Qt::Uninitialized);
        qint64 n = 0;
        while ((n = part.read(buffer.data(), buffer.size())) > 0)
            check.update(buffer.constData(), n);
        if (n < 0 || !part.flush() || part.size() != record.size || check.finish() != record.hash) {
            part.close();
            m_ctx.dropPartial(targetPath);
            problem = trc("sync", "%1: the file assembled from pieces failed its check; asked the others "
                                  "to send it again")
                          .arg(targetPath);
            return Content::Gone;
        }
        written = finishWritten(part.handle(), record.mtimeMs, mode, targetPath);
        part.close();
        m_ctx.db.removePartial(targetPath); // the staged download from now on
        staged = partial->temp;
        return Content::Written;
    } else {
        rewind(out);
        // A record without chunks (a rename, a conflict copy): the chunks another record of the
        // journals read brought for that content (R27).
        const QList<protocol::BlobRef> chunks =
            record.blobs.isEmpty() ? m_ctx.contentSeen.value(record.hash) : record.blobs;
        m_goneFromRelay = chunks.isEmpty();
        if (record.size > 0 && chunks.isEmpty())
            return abandon(
                trc("sync", "%1: the content is not on the relay; asked the others to send it again")
                    .arg(targetPath),
                Content::Gone);
        QByteArray digest;
        const auto forget = qScopeGuard([this] { m_localBlobs.clear(); });
        auto fetchAll = [&](const QList<protocol::BlobRef>& list) {
            rewind(out);
            if (m_useLocalBlobs)
                findLocalBlobs(targetPath, list);
            else
                m_localBlobs.clear();
            // A content that is one blob: the blob's own check is the whole file's (the same bytes).
            const bool oneBlob =
                list.size() == 1 && list.first().length == record.size && list.first().hash == record.hash;
            Sha256 whole;
            const RelayError r = fetchChunks(targetPath, list, out, oneBlob ? nullptr : &whole);
            if (r.ok())
                digest = oneBlob ? record.hash : whole.finish();
            return r;
        };
        RelayError e = fetchAll(chunks);
        if (e.ok() && m_reusedBytes > 0 && (digest != record.hash || out.pos() != record.size)) {
            // Blobs taken from the folder are checked with the whole file: one of them was not
            // what its file held when scanned (changed in place, keeping its size and time). The
            // file is made again from the relay alone.
            qCInfo(lcEngine).noquote() << QStringLiteral("[%1] %2: a file of the folder did not hold the blobs "
                                                         "its scan said; fetched from the relay instead")
                                              .arg(m_ctx.settings.name, targetPath);
            m_useLocalBlobs = false;
            e = fetchAll(chunks);
            m_useLocalBlobs = true;
        }
        // Its chunks gone, the same content may have come with another record this pass (sent
        // again for another version of it, R23): content is content, whoever's version named it.
        if (const QList<protocol::BlobRef> other = m_ctx.contentSeen.value(record.hash);
            !e.ok() && e.kind == RelayError::Kind::NotFound && !other.isEmpty() && other != chunks)
            e = fetchAll(other);
        m_goneFromRelay = e.kind == RelayError::Kind::NotFound;
        if (!e.ok())
            return abandon(e.message, contentFailure(e, out));
        total = out.pos();
        if (m_reusedBytes > 0)
            qCDebug(lcEngine).noquote() << QStringLiteral("[%1] %2: %3 of %4 bytes taken from the folder, the rest "
                                                          "fetched")
                                               .arg(m_ctx.settings.name, targetPath)
                                               .arg(m_reusedBytes)
                                               .arg(total);
        // Damaged on the relay (or by the way): asked for again, from whoever holds it (R23).
        if (digest != record.hash || total != record.size)
            return abandon(
                trc("sync", "%1: the downloaded content failed its check; asked the others to send it again")
                    .arg(targetPath),
                Content::Gone);
    }
    if (!out.flush()) {
        const QString why = writeFailure(out);
        return abandon(trc("sync", "cannot write %1: %2").arg(temp, why));
    }
    written = finishWritten(out.handle(), record.mtimeMs, mode, targetPath);
    out.close();
    staged = temp;
    return Content::Written;
}

} // namespace escale::sync::engine
