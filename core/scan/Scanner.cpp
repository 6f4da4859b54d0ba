#include "scan/Scanner.h"

#include "Tr.h"
#include "log/Logging.h"
#include "protocol/PathCheck.h"
#include "scan/Hasher.h"
#include "protocol/LocalLayout.h"

#include <QFile>
#include <QScopeGuard>
#include <QSet>
#include <QtConcurrent>
#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <deque>
#include <functional>
#include <dirent.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace escale::scan {

namespace {

using state::StateDb;
using Kind = protocol::JournalRecord::Kind;

// The size of a new file the walk did not look at: its state is taken when it is opened.
constexpr qint64 kUnlooked = -1;
// At most this many of them in one batch for the hashing threads (their sizes are not known).
constexpr qsizetype kUnlookedBatch = 64;

struct Walker
{
    const QString& root;
    const QHash<QString, StateDb::LocalEntry>& known;
    const Scanner::Options& options;
    Scanner::Result& result;
    QSet<QString> seen;
    QList<StateDb::LocalEntry> toHash; // files to hash, not handed over yet
    qint64 toHashBytes = 0;
    qsizetype unlooked = 0; // of `toHash`: new files not looked at
    std::function<void()> handOver; // hands `toHash` to the hashing threads
    qint64 nowNs = 0;

    void walk(const QString& relative)
    {
        const QString dirPath = relative.isEmpty() ? root : root + QLatin1Char('/') + relative;
        DIR* dir = ::opendir(QFile::encodeName(dirPath).constData());
        if (!dir) {
            const QString why = QString::fromLocal8Bit(std::strerror(errno));
            result.problems << trc("scan", "cannot read the folder %1: %2").arg(dirPath, why);
            // Do not take its contents for deleted: mark everything known below as seen.
            const QString prefix = relative.isEmpty() ? QString() : relative + QLatin1Char('/');
            for (auto it = known.cbegin(); it != known.cend(); ++it)
                if (it.key().startsWith(prefix))
                    seen.insert(it.key());
            return;
        }
        const int dirFd = ::dirfd(dir);
        QStringList subdirs;
        while (dirent* entry = ::readdir(dir)) {
            const char* raw = entry->d_name;
            if (std::strcmp(raw, ".") == 0 || std::strcmp(raw, "..") == 0)
                continue;
            QString name = QFile::decodeName(raw);
            // A name that is not valid UTF-8 cannot travel (relay paths are UTF-8, section 9): it is
            // reported once, by its bytes, and left alone.
            if (QFile::encodeName(name) != QByteArray(raw)) {
                QByteArray shown;
                for (const char* c = raw; *c; ++c) {
                    const auto byte = static_cast<unsigned char>(*c);
                    if (byte >= 0x20 && byte < 0x7f && byte != '\\')
                        shown += char(byte);
                    else
                        shown += "\\x" + QByteArray::number(byte, 16).rightJustified(2, '0');
                }
                const QString where = relative.isEmpty() ? QString() : relative + QLatin1Char('/');
                result.unsupportedNames << trc("scan", "%1%2 is not synchronised: the name is not valid UTF-8")
                                               .arg(where, QString::fromLatin1(shown));
                continue;
            }
            if (protocol::isReservedName(name)) {
                if (name.startsWith(protocol::local::downloadPrefix()) ||
                    name.startsWith(protocol::local::piecePrefix()))
                    result.leftovers << dirPath + QLatin1Char('/') + name;
                continue;
            }
            if (!options.hiddenFiles && name.startsWith(QLatin1Char('.')))
                continue;
            // A regular file, as the folder says, is looked at only once its path is known: a new
            // one when it is opened to be hashed (one call less per new file).
            const bool regular = entry->d_type == DT_REG;
            struct stat st;
            if (!regular && ::fstatat(dirFd, raw, &st, AT_SYMLINK_NOFOLLOW) != 0)
                continue; // vanished meanwhile
            const bool isDir = !regular && S_ISDIR(st.st_mode);
            if (!regular && !isDir && !S_ISREG(st.st_mode)) {
                // Links, FIFOs, sockets and devices are never synchronised (said once per run).
                const QString kind = S_ISLNK(st.st_mode)    ? QStringLiteral("a symbolic link")
                                     : S_ISFIFO(st.st_mode) ? QStringLiteral("a FIFO")
                                     : S_ISSOCK(st.st_mode) ? QStringLiteral("a socket")
                                                            : QStringLiteral("a device");
                result.skipped << QStringLiteral("%1 is %2: not synchronised")
                                      .arg(relative.isEmpty() ? name : relative + QLatin1Char('/') + name, kind);
                continue;
            }
            const QString nfc = name.normalized(QString::NormalizationForm_C);
            QByteArray renamed; // the name in the folder, when it was given its NFC form
            if (nfc != name) {
                // Paths travel in NFC; give the file its NFC name unless that name is taken.
                struct stat other;
                if (::fstatat(dirFd, QFile::encodeName(nfc).constData(), &other, AT_SYMLINK_NOFOLLOW) == 0 ||
                    ::renameat(dirFd, raw, dirFd, QFile::encodeName(nfc).constData()) != 0) {
                    result.problems << trc("scan", "%1: a name in another Unicode form exists beside it; "
                                                   "rename one of them")
                                           .arg(dirPath + QLatin1Char('/') + name);
                    continue;
                }
                name = nfc;
                renamed = QFile::encodeName(nfc);
            }
            const QString path = relative.isEmpty() ? name : relative + QLatin1Char('/') + name;
            // Names the relay format cannot carry are reported, not silently dropped.
            if (const QString refusal = protocol::checkRelayPath(path); !refusal.isEmpty()) {
                result.problems << trc("scan", "%1 is not synchronised: %2")
                                       .arg(dirPath + QLatin1Char('/') + name, refusal);
                continue;
            }
            if (isDir) {
                if (options.descend && !options.descend(path))
                    continue;
                subdirs << path;
                if (options.acceptDirectory && !options.acceptDirectory(path))
                    continue;
                seen.insert(path);
                if (!known.contains(path) || known.value(path).kind != Kind::Directory)
                    result.changed.append(StateDb::LocalEntry{path, Kind::Directory, 0, 0, 0, {}, {}, {}, 0});
                continue;
            }
            if (options.acceptFile && !options.acceptFile(path))
                continue;
            const auto it = known.constFind(path);
            const bool knownFile = it != known.cend() && it->kind == Kind::File;
            if (regular && !knownFile) {
                seen.insert(path);
                ++result.filesSeen;
                queue(StateDb::LocalEntry{path, Kind::File, kUnlooked, 0, 0, {}, {}, {}, 0});
                continue;
            }
            // (Gone meanwhile, or no longer a file: the known file is gone.)
            if (regular && (::fstatat(dirFd, renamed.isEmpty() ? raw : renamed.constData(), &st,
                                      AT_SYMLINK_NOFOLLOW) != 0 ||
                            !S_ISREG(st.st_mode)))
                continue;
            seen.insert(path);
            ++result.filesSeen;
            const qint64 mtimeNs = mtimeNsOf(st);
            StateDb::LocalEntry e{path, Kind::File, qint64(st.st_size), mtimeNs, quint64(st.st_ino), {}, {}, {},
                                  int(st.st_mode & 0777)};
            if (knownFile && it->size == e.size &&
                it->mtimeNs == e.mtimeNs && it->inode == e.inode) {
                // Same content: a change of its permission bits alone is a change, without hashing.
                if (it->mode != e.mode) {
                    e.hash = it->hash;
                    (it->mode == 0 ? result.restatted : result.changed).append(e);
                    if (it->mode != 0)
                        result.bitsOnly.insert(path);
                }
                continue; // unchanged: no hashing
            }
            if (recent(e.mtimeNs) && !stands(path, e)) {
                ++result.unstable; // probably still being written: next time
                continue;
            }
            queue(e);
        }
        ::closedir(dir);
        for (const QString& sub : std::as_const(subdirs))
            walk(sub);
    }

    // Hashed while the walk goes on, a few hundred files (or megabytes) at a time; new files, whose
    // sizes are not known yet, a few dozen at a time.
    void queue(const StateDb::LocalEntry& e)
    {
        toHash.append(e);
        toHashBytes += std::max<qint64>(e.size, 0);
        unlooked += e.size == kUnlooked ? 1 : 0;
        if (toHash.size() >= 256 || toHashBytes >= 8 * 1024 * 1024 || unlooked >= kUnlookedBatch) {
            handOver();
            toHashBytes = 0;
            unlooked = 0;
        }
    }

    // Modified lately (or dated in the future): maybe still being written.
    bool recent(qint64 mtimeNs) const
    {
        return options.stableAfterMs > 0 && nowNs - mtimeNs < options.stableAfterMs * 1'000'000;
    }

    // A file modified lately (or dated in the future): is it complete? Closed since, per the
    // watcher; or, when the watcher knows nothing of it, unchanged over two looks.
    bool stands(const QString& path, const StateDb::LocalEntry& e)
    {
        const WriteState state = options.writeState ? options.writeState(path, e.mtimeNs) : WriteState::Unknown;
        if (state != WriteState::Unknown)
            return state == WriteState::Closed;
        if (!options.observed)
            return false;
        const auto it = options.observed->find(path);
        if (it != options.observed->end() && it->size == e.size && it->mtimeNs == e.mtimeNs && it->inode == e.inode) {
            if (nowNs - it->seenNs >= options.recheckAfterMs * 1'000'000) {
                options.observed->erase(it);
                return true;
            }
        } else {
            options.observed->insert(path, Scanner::Options::Observation{e.size, e.mtimeNs, e.inode, nowNs});
        }
        ++result.settling;
        return false;
    }
};

constexpr qint64 kSlab = 4LL * 1024 * 1024;

} // namespace

char* KeptMemory::take(qint64 size)
{
    const std::lock_guard<std::mutex> hold(m_lock);
    if (size > m_left) {
        constexpr std::size_t kPage = 2 * 1024 * 1024;
        char* slab = static_cast<char*>(std::aligned_alloc(kPage, std::size_t(kSlab)));
        if (!slab)
            return nullptr;
#ifdef MADV_HUGEPAGE
        ::madvise(slab, std::size_t(kSlab), MADV_HUGEPAGE); // a hint: ignored if refused
#endif
        m_slabs.emplace_back(slab);
        m_next = slab;
        m_left = kSlab;
    }
    char* at = m_next;
    m_next += size;
    m_left -= size;
    return at;
}

Scanner::Result Scanner::scan(const QString& root, const QHash<QString, StateDb::LocalEntry>& known,
                              const Options& options)
{
    Result result;
    struct stat st;
    if (::stat(QFile::encodeName(root).constData(), &st) != 0 || !S_ISDIR(st.st_mode)) {
        result.rootMissing = true;
        return result;
    }
    // What changed is hashed on the thread pool, in batches handed over as the walk finds them.
    struct Hashed
    {
        StateDb::LocalEntry entry;
        QString error;
        QList<BlobCut> cuts;
        QByteArray check;       // the BlobCheck of what was hashed (Options::checks)
        QByteArrayView content; // kept, as hashed
        // Nothing to record now: a new file gone (or no longer a file) before it was opened, or
        // modified lately and not standing yet (the next scan sees it).
        bool leftAlone = false;
        bool recent = false;    // a new file modified lately: not hashed (the walk decides)
    };
    struct timespec now;
    ::clock_gettime(CLOCK_REALTIME, &now);
    Walker walker{root, known, options, result, {}, {}, 0, 0, {}, qint64(now.tv_sec) * 1'000'000'000 + now.tv_nsec};
    std::atomic<qint64> budget{options.keepBudget};
    std::atomic<qint64> cutBudget{options.cutBudget};
    result.keptMemory = std::make_shared<KeptMemory>();
    KeptMemory& memory = *result.keptMemory;
    auto hashOne = [&root, &options, &budget, &cutBudget, &memory, &walker](const StateDb::LocalEntry& e) {
        Hashed h{e, {}, {}, {}, {}};
        const QString path = root + QLatin1Char('/') + e.path;
        // A new file the walk did not look at: looked at once open (without blocking, in case a
        // FIFO took its place), and left for the walk to decide when it was modified lately.
        int fd = -1;
        const auto closing = qScopeGuard([&fd] {
            if (fd >= 0)
                ::close(fd);
        });
        if (e.size == kUnlooked) {
            fd = openToRead(path);
            struct stat opened;
            if (fd < 0 && errno != ENOENT && errno != ELOOP && errno != ENXIO) {
                h.error = trc("scan", "%1: %2").arg(path, QString::fromLocal8Bit(std::strerror(errno)));
                return h;
            }
            if (fd < 0 || ::fstat(fd, &opened) != 0 || !S_ISREG(opened.st_mode)) {
                h.leftAlone = true;
                return h;
            }
            h.entry.size = qint64(opened.st_size);
            h.entry.mtimeNs = mtimeNsOf(opened);
            h.entry.inode = quint64(opened.st_ino);
            h.entry.mode = int(opened.st_mode & 0777);
            if (walker.recent(h.entry.mtimeNs)) {
                h.recent = true;
                return h;
            }
        }
        const StateDb::LocalEntry& looked = h.entry;
        qint64 size = 0;
        // Cut here, beside the whole file's hash (on the other core): the push then reads only the
        // blobs the relay lacks (an edit: its new ones) and checks each against its BlobCheck, not
        // its hash, as it packs it (the file may change meanwhile).
        const bool cut =
            options.gear && looked.size >= options.cutFrom && cutBudget.fetch_sub(looked.size) >= looked.size;
        KeptBytes kept{looked.size, looked.mtimeNs, looked.inode, nullptr, false};
        if (looked.size > 0 && looked.size <= std::min(options.keepUpTo, kSlab) &&
            budget.fetch_sub(looked.size) >= looked.size)
            kept.into = memory.take(looked.size);
        // The BlobChecks of what the push will read again: not of a file kept (unless it changed
        // as it was read, then hashed again), nor of the blobs of an edit (the push reads only its
        // new blobs, a few, and hashes them).
        const auto before = walker.known.constFind(e.path);
        const bool edit = before != walker.known.cend() && before->kind == Kind::File;
        const bool check = options.checks && !kept.into && !(cut && edit);
        const auto hash =
            fd >= 0 ? hashOpenFile(fd, path, &h.error, &size, cut ? options.gear : nullptr,
                                   cut ? &h.cuts : nullptr, kept.into ? &kept : nullptr,
                                   check ? &h.check : nullptr)
                    : hashFile(path, &h.error, &size, cut ? options.gear : nullptr, cut ? &h.cuts : nullptr,
                               kept.into ? &kept : nullptr, check ? &h.check : nullptr);
        if (hash) {
            h.entry.hash = *hash;
            h.entry.size = size;
            if (kept.complete) // (else it changed meanwhile: the push reads it)
                h.content = QByteArrayView(kept.into, looked.size);
        }
        return h;
    };
    std::deque<QFuture<QList<Hashed>>> batches; // in the walk's order
    // Every batch handed over is waited for, whatever way this ends (they use what is above).
    const auto waitForBatches = qScopeGuard([&batches] {
        for (QFuture<QList<Hashed>>& b : batches)
            b.waitForFinished();
    });
    walker.handOver = [&walker, &batches, &hashOne] {
        batches.push_back(QtConcurrent::run([files = std::exchange(walker.toHash, {}), &hashOne] {
            QList<Hashed> out;
            out.reserve(files.size());
            for (const StateDb::LocalEntry& e : files)
                out.append(hashOne(e));
            return out;
        }));
    };
    walker.walk(QString());
    if (!walker.toHash.isEmpty())
        walker.handOver();
    QList<Hashed> hashed;
    for (QFuture<QList<Hashed>>& b : batches)
        hashed.append(b.result());
    // A new file modified lately, as the walk decides for a file it looked at (the second look of a
    // file no watcher knows, or its watcher's word); those that stand are hashed now, on the pool
    // (files just saved and closed, with a watcher: the common case).
    QList<qsizetype> standing;
    for (qsizetype i = 0; i < hashed.size(); ++i) {
        Hashed& h = hashed[i];
        if (!h.recent)
            continue;
        if (walker.stands(h.entry.path, h.entry)) {
            standing.append(i);
        } else {
            ++result.unstable;
            h.leftAlone = true;
        }
    }
    {
        std::vector<QFuture<void>> again;
        for (qsizetype from = 0; from < standing.size(); from += kUnlookedBatch)
            again.push_back(QtConcurrent::run([&hashed, &standing, &hashOne, from] {
                for (qsizetype k = from; k < std::min(standing.size(), from + kUnlookedBatch); ++k) {
                    Hashed& h = hashed[standing.at(k)];
                    h = hashOne(h.entry); // (looked at: hashed as the walk's files are)
                }
            }));
        for (QFuture<void>& f : again)
            f.waitForFinished();
    }
    for (Hashed& h : hashed) {
        if (h.leftAlone)
            continue;
        if (!h.error.isEmpty()) {
            result.problems << trc("scan", "cannot read %1 (not sent until it can be read)").arg(h.error);
            walker.seen.insert(h.entry.path);
            continue;
        }
        const auto it = known.constFind(h.entry.path);
        if (it != known.cend() && it->kind == Kind::File && it->hash == h.entry.hash &&
            (it->mode == h.entry.mode || it->mode == 0)) {
            result.restatted.append(h.entry);
        } else {
            result.changed.append(h.entry);
            // (Of what the push may send: not of contents known already.)
            if (!h.cuts.isEmpty())
                result.cuts.insert(h.entry.hash, h.cuts);
            if (!h.check.isEmpty())
                result.checks.insert(h.entry.hash, h.check);
            if (!h.content.isEmpty())
                result.contents.insert(h.entry.hash, h.content);
        }
    }
    // A known path that is gone is a deletion, unless it is no longer selected (hidden files,
    // filters changed): those are forgotten, never deleted elsewhere.
    auto selected = [&options](const StateDb::LocalEntry& e) {
        for (const QString& part : e.path.split(QLatin1Char('/')))
            if (!options.hiddenFiles && part.startsWith(QLatin1Char('.')))
                return false;
        if (e.kind == Kind::Directory)
            return !options.acceptDirectory || options.acceptDirectory(e.path);
        return !options.acceptFile || options.acceptFile(e.path);
    };
    for (auto it = known.cbegin(); it != known.cend(); ++it) {
        if (walker.seen.contains(it.key()))
            continue;
        if (selected(it.value()))
            result.removed.append(it.key());
        else
            result.unselected.append(it.key());
    }
    result.removed.sort();
    return result;
}

} // namespace escale::scan
