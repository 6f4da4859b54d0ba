#include "scan/Hasher.h"

#include "Tr.h"

#include <QFile>
#include <QThread>
#include <QThreadPool>
#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <memory>
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <unistd.h>
#include <vector>

namespace escale::scan {

namespace {

using Digest = std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)>;

Digest newDigest()
{
    Digest ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    EVP_DigestInit_ex(ctx.get(), sha256Method(), nullptr);
    return ctx;
}

QByteArray finish(Digest& ctx)
{
    QByteArray digest(32, Qt::Uninitialized);
    unsigned int len = 0;
    EVP_DigestFinal_ex(ctx.get(), reinterpret_cast<unsigned char*>(digest.data()), &len);
    EVP_DigestInit_ex(ctx.get(), sha256Method(), nullptr);
    return digest;
}

} // namespace

QThreadPool* digestPool()
{
    static QThreadPool* const pool = [] {
        auto* p = new QThreadPool;
        // Two per file being cut (its whole digest and its blobs'); as many as the cores, so that
        // several big files scanned at once keep every core busy.
        p->setMaxThreadCount(std::max(2, QThread::idealThreadCount()));
        return p;
    }();
    return pool;
}

qint64 InOrder::add(std::function<void()> step)
{
    std::unique_lock lock(m_lock);
    m_steps.push_back(std::move(step));
    const qint64 number = ++m_handed;
    if (!m_running) {
        m_running = true;
        lock.unlock();
        digestPool()->start([this] { drain(); });
    }
    return number;
}

void InOrder::waitFor(qint64 number)
{
    std::unique_lock lock(m_lock);
    m_ran.wait(lock, [&] { return m_done >= number; });
}

void InOrder::waitForAll()
{
    std::unique_lock lock(m_lock);
    m_ran.wait(lock, [&] { return m_done >= m_handed && !m_running; });
}

void InOrder::drain()
{
    std::unique_lock lock(m_lock);
    while (!m_steps.empty()) {
        std::function<void()> step = std::move(m_steps.front());
        m_steps.pop_front();
        lock.unlock();
        step();
        lock.lock();
        ++m_done;
        m_ran.notify_all();
    }
    m_running = false;
    m_ran.notify_all(); // (under the lock: the waiter may end this object once it has it)
}

namespace {

// The key of this process's checks: drawn once, never leaves it. Null when no random bytes could
// be drawn: every check then fails (empty), and what the push reads again is hashed.
const unsigned char* checkKey()
{
    static const std::optional<std::array<unsigned char, 16>> key = [] {
        std::array<unsigned char, 16> k{};
        return RAND_bytes(k.data(), int(k.size())) == 1 ? std::optional(k) : std::nullopt;
    }();
    return key ? key->data() : nullptr;
}

// AES-128-GCM, fetched from the providers once (EVP_aes_128_gcm() is fetched again at every
// initialisation, under a lock), and contexts keyed with the check's key, kept per thread for the
// next check: a check per small file costs its reading, not a key schedule (0.4 against 0.85 us
// for 4 KiB here; SHA-256 takes 2.4).
const EVP_CIPHER* gcmMethod()
{
    static const EVP_CIPHER* const cipher = [] {
        const EVP_CIPHER* fetched = EVP_CIPHER_fetch(nullptr, "AES-128-GCM", nullptr);
        return fetched ? fetched : EVP_aes_128_gcm();
    }();
    return cipher;
}

struct SpareContexts
{
    std::vector<EVP_CIPHER_CTX*> contexts;
    ~SpareContexts()
    {
        for (EVP_CIPHER_CTX* c : contexts)
            EVP_CIPHER_CTX_free(c);
    }
};
thread_local SpareContexts t_spare;

} // namespace

BlobCheck::BlobCheck()
{
    if (!t_spare.contexts.empty()) {
        m_ctx = t_spare.contexts.back();
        t_spare.contexts.pop_back();
    } else {
        m_ctx = EVP_CIPHER_CTX_new();
        m_failed = !m_ctx || !checkKey() ||
                   EVP_EncryptInit_ex(m_ctx, gcmMethod(), nullptr, checkKey(), nullptr) != 1;
    }
    start();
}

BlobCheck::~BlobCheck()
{
    if (m_ctx && !m_failed && t_spare.contexts.size() < 8)
        t_spare.contexts.push_back(m_ctx);
    else
        EVP_CIPHER_CTX_free(m_ctx);
}

void BlobCheck::start()
{
    // (One nonce for every check: no tag ever leaves the process, and two checks are only
    // compared; equal tags under one key and nonce mean equal GHASH of the bytes and lengths.)
    static const unsigned char nonce[12] = {};
    m_failed =
        m_failed || EVP_EncryptInit_ex(m_ctx, nullptr, nullptr, nullptr, nonce) != 1; // (the key stays)
}

void BlobCheck::update(const char* data, qsizetype length)
{
    int ignored = 0;
    while (length > 0 && !m_failed) { // (an int at a time)
        const int n = int(std::min<qsizetype>(length, 1 << 30));
        m_failed =
            EVP_EncryptUpdate(m_ctx, nullptr, &ignored, reinterpret_cast<const unsigned char*>(data), n) != 1;
        data += n;
        length -= n;
    }
}

QByteArray BlobCheck::finish()
{
    int ignored = 0;
    QByteArray tag(16, '\0');
    const bool ok = !m_failed && EVP_EncryptFinal_ex(m_ctx, nullptr, &ignored) == 1 &&
                    EVP_CIPHER_CTX_ctrl(m_ctx, EVP_CTRL_GCM_GET_TAG, 16, tag.data()) == 1;
    start();
    return ok ? tag : QByteArray();
}

QByteArray BlobCheck::of(QByteArrayView bytes)
{
    BlobCheck check;
    check.update(bytes.constData(), bytes.size());
    return check.finish();
}

const EVP_MD* sha256Method()
{
    static const EVP_MD* const md = [] {
        const EVP_MD* fetched = EVP_MD_fetch(nullptr, "SHA256", nullptr);
        return fetched ? fetched : EVP_sha256();
    }();
    return md;
}

int openToRead(const QString& path)
{
    const QByteArray native = QFile::encodeName(path);
    const int fd = ::open(native.constData(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
    if (fd >= 0 || (errno != EAGAIN && errno != EWOULDBLOCK))
        return fd;
    // A lease held by another program (a file server's oplock): a FIFO would have opened.
    return ::open(native.constData(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
}

std::optional<QByteArray> hashFile(const QString& path, QString* error, qint64* size,
                                   const protocol::Chunker::Gear* gear, QList<BlobCut>* cuts, KeptBytes* kept,
                                   QByteArray* check)
{
    const int fd = openToRead(path);
    struct stat opened;
    if (fd < 0 || ::fstat(fd, &opened) != 0 || !S_ISREG(opened.st_mode)) {
        if (error) {
            const QString why = fd < 0 ? QString::fromLocal8Bit(std::strerror(errno))
                                       : trc("scan", "no longer a file (replaced since it was looked at)");
            *error = trc("scan", "%1: %2").arg(path, why);
        }
        if (fd >= 0)
            ::close(fd);
        return std::nullopt;
    }
    auto hash = hashOpenFile(fd, path, error, size, gear, cuts, kept, check);
    ::close(fd);
    return hash;
}

std::optional<QByteArray> hashOpenFile(int fd, const QString& path, QString* error, qint64* size,
                                       const protocol::Chunker::Gear* gear, QList<BlobCut>* cuts,
                                       KeptBytes* kept, QByteArray* check)
{
    const bool cutting = gear && cuts;
    Digest whole = newDigest();
    std::optional<BlobCheck> wholeCheck;
    if (check && !cutting)
        wholeCheck.emplace();
    // The whole file's digest, and its check if asked for.
    auto digestWhole = [&whole, &wholeCheck](const char* data, qsizetype n) {
        EVP_DigestUpdate(whole.get(), data, size_t(n));
        if (wholeCheck)
            wholeCheck->update(data, n);
    };
    std::optional<protocol::Chunker> chunker;
    Digest blob(nullptr, EVP_MD_CTX_free);
    std::optional<BlobCheck> blobCheck;
    if (cutting) {
        cuts->clear();
        chunker.emplace(*gear);
        blob = newDigest();
        if (check)
            blobCheck.emplace();
    }
    BlobCut current;
    // Four buffers: while this thread reads and cuts one, the two digests (the whole file's, and
    // the blobs') run over those read before it on their own threads, each in order (InOrder),
    // and this thread waits only to fill a buffer they still read. (With two
    // buffers and a wait for both digests at every one, a gigabyte took 1.10 s on two cores for
    // 1.73 s of work.)
    // The first is this thread's for good (most files are read in one go: no megabyte mapped per
    // file); the others are the call's, made when a file goes past its first megabyte.
    constexpr int kBuffers = 4;
    constexpr qsizetype kBufferSize = 1 << 20;
    static thread_local QByteArray first(kBufferSize, Qt::Uninitialized);
    std::array<QByteArray, kBuffers - 1> others;
    auto bufferAt = [&](int i) -> QByteArray& {
        if (i == 0)
            return first;
        QByteArray& b = others[size_t(i - 1)];
        if (b.isEmpty())
            b = QByteArray(kBufferSize, Qt::Uninitialized);
        return b;
    };
    int which = 0;
    qint64 total = 0;
    // (Declared after what their steps use: they end first, waiting for every step.)
    InOrder wholeSteps, blobSteps;                // the whole file's digest, the blobs'
    std::array<qint64, kBuffers> wholeUses{};     // per buffer: the last step of each that reads it
    std::array<qint64, kBuffers> blobUses{};
    struct Part
    {
        qsizetype length;
        bool ends; // the blob ends with it
    };
    QList<Part> parts;
    // Kept whole: once the size looked at is read, a look at the file (which the kept bytes need
    // anyway) says whether it ends there, instead of a read that finds its end.
    struct stat last;
    bool endSeen = false;
    for (;;) {
        QByteArray& buffer = bufferAt(which);
        wholeSteps.waitFor(wholeUses[size_t(which)]);
        blobSteps.waitFor(blobUses[size_t(which)]);
        const ssize_t n = ::read(fd, buffer.data(), size_t(buffer.size()));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            if (error) {
                const QString why = QString::fromLocal8Bit(std::strerror(errno));
                *error = trc("scan", "%1: %2").arg(path, why);
            }
            return std::nullopt;
        }
        if (n == 0)
            break;
        total += n;
        if (kept && total <= kept->size)
            std::memcpy(kept->into + (total - n), buffer.constData(), size_t(n));
        // (A short read, then the look: not the look alone, which a network file system may
        // answer from an old copy of the file's attributes.)
        const bool atEnd = kept && total == kept->size && n < buffer.size() && ::fstat(fd, &last) == 0 &&
                           qint64(last.st_size) == total;
        endSeen = endSeen || atEnd;
        const char* data = buffer.constData();
        if (!cutting) {
            // The first megabyte here (most files end there: no thread to wake), the rest on the
            // digests' thread while this one reads the next.
            if (total == n) {
                digestWhole(data, n);
            } else {
                wholeUses[size_t(which)] = wholeSteps.add([&digestWhole, data, n] { digestWhole(data, n); });
                which = (which + 1) % kBuffers;
            }
            if (atEnd)
                break;
            continue;
        }
        // (The whole file's digest first: it runs while this thread cuts.)
        wholeUses[size_t(which)] = wholeSteps.add([&digestWhole, data, n] { digestWhole(data, n); });
        parts.clear();
        for (qint64 at = 0; at < n;) {
            bool ended = false;
            const qsizetype k = chunker->feed(buffer.constData() + at, n - at, ended);
            parts.append(Part{k, ended});
            at += k;
        }
        blobUses[size_t(which)] = blobSteps.add([&blob, &blobCheck, &current, cuts, data, parts] {
            const char* p = data;
            for (const Part& part : parts) {
                EVP_DigestUpdate(blob.get(), p, size_t(part.length));
                if (blobCheck)
                    blobCheck->update(p, part.length);
                current.length += part.length;
                p += part.length;
                if (part.ends) {
                    current.hash = finish(blob);
                    if (blobCheck)
                        current.check = blobCheck->finish();
                    cuts->append(current);
                    current = BlobCut{current.offset + current.length, 0, {}, {}};
                }
            }
        });
        which = (which + 1) % kBuffers;
        if (atEnd)
            break;
    }
    wholeSteps.waitForAll();
    blobSteps.waitForAll();
    if (kept) {
        // (Not when it changed while it was walked and read.)
        kept->complete = total == kept->size && (endSeen || ::fstat(fd, &last) == 0) &&
                         qint64(last.st_size) == total && mtimeNsOf(last) == kept->mtimeNs &&
                         quint64(last.st_ino) == kept->inode;
    }
    if (cutting && current.length > 0) {
        current.hash = finish(blob);
        if (blobCheck)
            current.check = blobCheck->finish();
        cuts->append(current);
    }
    if (size)
        *size = total;
    if (wholeCheck)
        *check = wholeCheck->finish();
    return finish(whole);
}

} // namespace escale::scan
