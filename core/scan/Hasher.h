#pragma once

#include "protocol/Chunker.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <sys/stat.h>

struct evp_md_st;
struct evp_cipher_ctx_st;
class QThreadPool;

namespace escale::scan {

// OpenSSL's SHA-256, fetched from its providers once: EVP_sha256() is fetched again at every
// initialisation of a digest (a lookup under a lock, as long as hashing a small file).
const evp_md_st* sha256Method();

// Threads for digests taken beside a read or a write (a big file's whole hash and its blobs'), as
// many as the cores and at least two, apart from the global pool: the scan hashes files on that
// one, and a digest queued behind them would be run by the very thread waiting for it. Nothing
// running on this pool may wait for a digest (hashFile is never called from it).
QThreadPool* digestPool();

// Steps run one at a time in the order handed over, on the digest threads: a big file's digest
// follows its reads (or its writes, on the receiver). (Qt 6.4's QFuture::then() chains did this
// until one crashed: a continuation attached while its parent finished on another thread was
// started after its state was gone.)
class InOrder
{
public:
    InOrder() = default;
    InOrder(const InOrder&) = delete;
    InOrder& operator=(const InOrder&) = delete;
    ~InOrder() { waitForAll(); }
    // The step's number, for waitFor().
    qint64 add(std::function<void()> step);
    // Until step `number` and those before it ran.
    void waitFor(qint64 number);
    // Until every step ran and no thread uses this any more.
    void waitForAll();
    qint64 handed() const { return m_handed; } // (of the thread that adds)

private:
    void drain();

    std::mutex m_lock;
    std::condition_variable m_ran;
    std::deque<std::function<void()>> m_steps;
    qint64 m_handed = 0;
    qint64 m_done = 0;
    bool m_running = false;
};

// A keyed check of bytes, to tell that bytes read again are those read before without hashing
// them again: GHASH (AES-128-GCM's, the bytes as its additional data) under a key drawn at random
// once per process, never stored or sent (two checks of known bytes would give the key away). For
// bytes chosen without knowing the key, two different runs of n bytes share a check with a chance
// of at most (n/16 + 2) x 2^-128 (GHASH is almost universal): 2^-109 for a blob of 8 MiB, 2^-92 for
// a file of 1 TiB. About 14 GB/s per core here, where SHA-256 takes 1.9 GB/s. An empty check
// (finish(), of()) means it could not be taken (OpenSSL failed): it matches nothing.
class BlobCheck
{
public:
    BlobCheck();
    ~BlobCheck();
    BlobCheck(const BlobCheck&) = delete;
    BlobCheck& operator=(const BlobCheck&) = delete;
    void update(const char* data, qsizetype length);
    // The check of what was added since the last finish() (16 bytes); ready for the next.
    QByteArray finish();
    // The check of `bytes`, in one go.
    static QByteArray of(QByteArrayView bytes);

private:
    void start();
    evp_cipher_ctx_st* m_ctx = nullptr;
    bool m_failed = false;
};

// A blob of a file as the scan cut it (relay-format.md R36): where it lies, its SHA-256, and the
// BlobCheck of its bytes (the push reads it again to pack it: those bytes must be the hashed ones).
struct BlobCut
{
    qint64 offset = 0;
    qint64 length = 0;
    QByteArray hash;
    QByteArray check;
};

// The bytes of a small file as hashed, kept for the push (no second read to send them): only
// when the file, once read, still has the state the walk saw (size, modification time, inode), so
// that they are the bytes of the state the scan records.
struct KeptBytes
{
    qint64 size = 0; // the walk's state of the file
    qint64 mtimeNs = 0;
    quint64 inode = 0;
    char* into = nullptr;  // room for `size` bytes: what is read goes there
    bool complete = false; // set when they are the file's bytes in that state
};

// A file's modification time in nanoseconds, as the state database records it.
inline qint64 mtimeNsOf(const struct stat& st)
{
    return qint64(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
}

// Opens a file of the folder to read it: never through a link, never waiting on a FIFO put in its
// place (without blocking; a lease held elsewhere, which refuses that, is waited for). -1 and errno.
int openToRead(const QString& path);

// SHA-256 of a file, read in blocks through OpenSSL. std::nullopt (and `error`) when the
// file cannot be read. With a gear table and `cuts`, the same read also cuts the file into
// blobs and hashes each (the whole file's hash is then taken on another core meanwhile), so
// that sending it needs no second pass over what the relay holds already. With `check`, the
// BlobChecks of the bytes are taken too (the push, reading them again, tells that it reads the
// bytes hashed): of each blob when it cuts (BlobCut::check), else of the whole file.
std::optional<QByteArray> hashFile(const QString& path, QString* error = nullptr, qint64* size = nullptr,
                                   const protocol::Chunker::Gear* gear = nullptr,
                                   QList<BlobCut>* cuts = nullptr, KeptBytes* kept = nullptr,
                                   QByteArray* check = nullptr);
// The same for a file open at `fd` (read from where it stands, left open); `path` names it in
// `error`. hashFile reads only a regular file (openToRead, then a look at what it opened).
std::optional<QByteArray> hashOpenFile(int fd, const QString& path, QString* error = nullptr,
                                       qint64* size = nullptr, const protocol::Chunker::Gear* gear = nullptr,
                                       QList<BlobCut>* cuts = nullptr, KeptBytes* kept = nullptr,
                                       QByteArray* check = nullptr);

} // namespace escale::scan
