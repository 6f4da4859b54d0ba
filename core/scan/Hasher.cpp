#include "scan/Hasher.h"

#include "Tr.h"

#include <QFile>
#include <QFuture>
#include <QScopeGuard>
#include <QThread>
#include <QThreadPool>
#include <QtConcurrent>
#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <memory>
#include <openssl/evp.h>
#include <unistd.h>

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

const EVP_MD* sha256Method()
{
    static const EVP_MD* const md = [] {
        const EVP_MD* fetched = EVP_MD_fetch(nullptr, "SHA256", nullptr);
        return fetched ? fetched : EVP_sha256();
    }();
    return md;
}

std::optional<QByteArray> hashFile(const QString& path, QString* error, qint64* size,
                                   const protocol::Chunker::Gear* gear, QList<BlobCut>* cuts, KeptBytes* kept)
{
    // (Without blocking: a FIFO put in the file's place since it was looked at is not waited on.)
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
    if (fd < 0) {
        if (error) {
            const QString why = QString::fromLocal8Bit(std::strerror(errno));
            *error = trc("scan", "%1: %2").arg(path, why);
        }
        return std::nullopt;
    }
    auto hash = hashOpenFile(fd, path, error, size, gear, cuts, kept);
    ::close(fd);
    return hash;
}

std::optional<QByteArray> hashOpenFile(int fd, const QString& path, QString* error, qint64* size,
                                       const protocol::Chunker::Gear* gear, QList<BlobCut>* cuts, KeptBytes* kept)
{
    Digest whole = newDigest();
    const bool cutting = gear && cuts;
    std::optional<protocol::Chunker> chunker;
    Digest blob(nullptr, EVP_MD_CTX_free);
    if (cutting) {
        cuts->clear();
        chunker.emplace(*gear);
        blob = newDigest();
    }
    BlobCut current;
    // Four buffers: while this thread reads and cuts one, the two digests (the whole file's, and
    // the blobs') run over those read before it on their own threads, each in order (a chain of
    // continuations), and this thread waits only to fill a buffer they still read. (With two
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
    QFuture<void> wholeChain = QtFuture::makeReadyFuture(); // the last whole-file digest step handed over
    QFuture<void> blobChain = QtFuture::makeReadyFuture();  // the last blobs' step
    std::array<QFuture<void>, kBuffers> wholeUses;          // per buffer: the steps that read it
    std::array<QFuture<void>, kBuffers> blobUses;
    const auto waitForDigests = qScopeGuard([&wholeChain, &blobChain] {
        wholeChain.waitForFinished();
        blobChain.waitForFinished();
    });
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
        wholeUses[size_t(which)].waitForFinished();
        blobUses[size_t(which)].waitForFinished();
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
        const bool atEnd = kept && total == kept->size && ::fstat(fd, &last) == 0 && qint64(last.st_size) == total;
        endSeen = endSeen || atEnd;
        const char* data = buffer.constData();
        if (!cutting) {
            // The first megabyte here (most files end there: no thread to wake), the rest on the
            // digests' thread while this one reads the next.
            if (total == n) {
                EVP_DigestUpdate(whole.get(), data, size_t(n));
            } else {
                wholeChain =
                    wholeChain.then(digestPool(), [&whole, data, n] { EVP_DigestUpdate(whole.get(), data, size_t(n)); });
                wholeUses[size_t(which)] = wholeChain;
                which = (which + 1) % kBuffers;
            }
            if (atEnd)
                break;
            continue;
        }
        parts.clear();
        for (qint64 at = 0; at < n;) {
            bool ended = false;
            const qsizetype k = chunker->feed(buffer.constData() + at, n - at, ended);
            parts.append(Part{k, ended});
            at += k;
        }
        wholeChain = wholeChain.then(digestPool(), [&whole, data, n] { EVP_DigestUpdate(whole.get(), data, size_t(n)); });
        blobChain = blobChain.then(digestPool(), [&blob, &current, cuts, data, parts] {
            const char* p = data;
            for (const Part& part : parts) {
                EVP_DigestUpdate(blob.get(), p, size_t(part.length));
                current.length += part.length;
                p += part.length;
                if (part.ends) {
                    current.hash = finish(blob);
                    cuts->append(current);
                    current = BlobCut{current.offset + current.length, 0, {}};
                }
            }
        });
        wholeUses[size_t(which)] = wholeChain;
        blobUses[size_t(which)] = blobChain;
        which = (which + 1) % kBuffers;
        if (atEnd)
            break;
    }
    wholeChain.waitForFinished();
    blobChain.waitForFinished();
    if (kept) {
        // (Not when it changed while it was walked and read.)
        kept->complete = total == kept->size && (endSeen || ::fstat(fd, &last) == 0) &&
                         qint64(last.st_size) == total && mtimeNsOf(last) == kept->mtimeNs &&
                         quint64(last.st_ino) == kept->inode;
    }
    if (cutting && current.length > 0) {
        current.hash = finish(blob);
        cuts->append(current);
    }
    if (size)
        *size = total;
    return finish(whole);
}

} // namespace escale::scan
