#include "relay/folder/FolderRelay.h"

#include "Tr.h"
#include "config/Paths.h"

#include <QDir>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QFuture>
#include <QRandomGenerator>
#include <QtConcurrent>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace escale::relay {

namespace {

// A job whose work runs on the thread pool; its destructor waits for that work, so the
// work never outlives the job or the devices it uses.
class PoolJob : public RelayJob
{
public:
    static constexpr qint64 kInlineLimit = 4 * 1024 * 1024;

    ~PoolJob() override { m_future.waitForFinished(); }

    // Small operations run at once on the calling thread (the engine's worker): handing them
    // to the pool costs two thread wake-ups, more than the I/O itself. Big transfers go to the
    // pool so the caller's event loop keeps running. Either way the job finishes later, from
    // the caller's event loop.
    // A work that takes a fifth argument, `progress(done)`, tells how far it got (from the pool:
    // the job's progress() follows in its own thread).
    using Progress = std::function<void(qint64 done)>;
    template <typename Work>
    static RelayJob* start(Work work, qint64 bytes = 0)
    {
        constexpr bool reports = std::is_invocable_v<Work&, RelayError&, QList<RelayEntry>&, qint64&, const Progress&>;
        auto run = [](Work& w, RelayError& error, QList<RelayEntry>& entries, qint64& done, const Progress& progress) {
            if constexpr (reports)
                w(error, entries, done, progress);
            else
                w(error, entries, done);
        };
        if (bytes < kInlineLimit) {
            auto* job = new RelayJob();
            RelayError error;
            QList<RelayEntry> entries;
            qint64 done = 0;
            run(work, error, entries, done, Progress{}); // nobody listens yet
            job->finishLater(error, entries, done);
            return job;
        }
        auto* job = new PoolJob();
        job->m_future = QtConcurrent::run([job, bytes, run, work = std::move(work)]() mutable {
            struct Result
            {
                RelayError error;
                QList<RelayEntry> entries;
                qint64 bytes = 0;
            } r;
            const Progress progress = [job, bytes](qint64 done) {
                QMetaObject::invokeMethod(
                    job, [job, done, bytes] { Q_EMIT job->progress(done, bytes); }, Qt::QueuedConnection);
            };
            run(work, r.error, r.entries, r.bytes, progress);
            QMetaObject::invokeMethod(
                job, [job, r] { job->finishLater(r.error, r.entries, r.bytes); }, Qt::QueuedConnection);
        });
        return job;
    }

private:
    QFuture<void> m_future;
};

// The relay folder itself is never created: where it is missing (a drive unplugged, a share not
// mounted, the folder moved away), nothing is written, not even into an empty mount point.
bool rootThere(const QString& root, RelayError& error)
{
    if (QFileInfo(root).isDir())
        return true;
    error = RelayError{RelayError::Kind::NotFound,
                       trc("relay", "the relay folder %1 is not there: is the drive plugged in, the share "
                                    "mounted?")
                           .arg(root)};
    return false;
}

RelayError errnoError(int err, const QString& what);

// Makes a folder inside the relay folder, and its parents there; false with `error` naming the
// cause (a read-only file system, a full disk, no permission).
bool makePath(const QString& dir, RelayError& error)
{
    if (QFileInfo(dir).isDir())
        return true;
    const QString parent = QFileInfo(dir).absolutePath();
    if (parent != dir && !makePath(parent, error))
        return false;
    if (::mkdir(QFile::encodeName(dir).constData(), 0777) != 0 && errno != EEXIST) {
        const int err = errno; // before trc(), which may change it
        error = errnoError(err, trc("relay", "cannot create the folder %1").arg(dir));
        return false;
    }
    return true;
}

RelayError errnoError(int err, const QString& what)
{
    RelayError::Kind kind = RelayError::Kind::Other;
    switch (err) {
    case ENOENT:
    case ENOTDIR:
        kind = RelayError::Kind::NotFound;
        break;
    case EEXIST:
        kind = RelayError::Kind::AlreadyExists;
        break;
    case EACCES:
    case EPERM:
    case EROFS:
        kind = RelayError::Kind::Permission;
        break;
    case ENOSPC:
    case EDQUOT:
        kind = RelayError::Kind::Quota;
        break;
    case EIO:
    case ENXIO:
    case ENODEV:
    case ESTALE:
    case ETIMEDOUT:
        kind = RelayError::Kind::Network;
        break;
    default:
        break;
    }
    return RelayError{kind, trc("relay", "%1: %2%3")
                                .arg(what, QString::fromLocal8Bit(std::strerror(err)),
                                     err == EROFS ? config::sandboxHint() : QString())};
}

QString randomSuffix()
{
    return QString::number(QRandomGenerator::system()->generate64(), 16);
}

bool publishExclusive(const QByteArray& from, const QByteArray& to, int& err)
{
#ifdef RENAME_NOREPLACE
    if (::renameat2(AT_FDCWD, from.constData(), AT_FDCWD, to.constData(), RENAME_NOREPLACE) == 0)
        return true;
    if (errno != EINVAL && errno != ENOSYS) {
        err = errno;
        return false;
    }
#endif
    // File systems without renameat2 flags: link(2) fails atomically when the target exists.
    if (::link(from.constData(), to.constData()) == 0) {
        ::unlink(from.constData());
        return true;
    }
    err = errno;
    return false;
}

} // namespace

FolderRelay::FolderRelay(const QString& root, QObject* parent)
    : RelayBackend(parent)
    , m_root(QDir::cleanPath(root))
{}

bool FolderRelay::watch(const QString& folder)
{
    if (!isValidRelayPath(folder, true) || !config::notifiesOtherMachines(absolute(folder)))
        return false;
    if (!m_watcher) {
        m_watcher = new QFileSystemWatcher(this);
        connect(m_watcher, &QFileSystemWatcher::directoryChanged, this, &RelayBackend::changedOnRelay);
    }
    return m_watcher->directories().contains(absolute(folder)) || m_watcher->addPath(absolute(folder));
}

QString FolderRelay::absolute(const QString& relative) const
{
    return relative.isEmpty() ? m_root : m_root + QLatin1Char('/') + relative;
}

RelayJob* FolderRelay::list(const QString& folder)
{
    if (!isValidRelayPath(folder, true))
        return invalidPath(folder);
    const QString dir = absolute(folder);
    return PoolJob::start([dir, folder](RelayError& error, QList<RelayEntry>& entries, qint64&) {
        QFileInfo info(dir);
        if (!info.exists()) {
            error = RelayError{RelayError::Kind::NotFound, trc("relay", "no folder '%1'").arg(dir)};
            return;
        }
        QDir d(dir);
        if (!d.isReadable()) {
            error = RelayError{RelayError::Kind::Permission,
                               trc("relay", "cannot read the folder '%1'").arg(dir)};
            return;
        }
        const auto infos = d.entryInfoList(
            QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDir::NoSort);
        entries.reserve(infos.size());
        for (const QFileInfo& fi : infos) {
            if (fi.isSymLink())
                continue; // a relay never holds links; do not follow them out of the relay
            entries.append(RelayEntry{
                fi.fileName(), fi.isDir(), fi.isDir() ? -1 : fi.size(), fi.lastModified().toUTC(), {}});
        }
    });
}

RelayJob* FolderRelay::get(const QString& path, QIODevice* sink)
{
    return getRange(path, 0, -1, sink);
}

RelayJob* FolderRelay::getRange(const QString& path, qint64 offset, qint64 length, QIODevice* sink)
{
    if (!isValidRelayPath(path))
        return invalidPath(path);
    const QString file = absolute(path);
    offset = std::max<qint64>(offset, 0);
    struct stat st;
    const qint64 size = ::stat(QFile::encodeName(file).constData(), &st) == 0 ? qint64(st.st_size) : 0;
    const qint64 end = length < 0 ? size : std::min(size, offset + length);
    return PoolJob::start(
        [file, sink, offset, end, throttle = m_down](RelayError& error, QList<RelayEntry>&, qint64& bytes) {
            const QByteArray native = QFile::encodeName(file);
            const int fd = ::open(native.constData(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
            if (fd < 0) {
                error = errnoError(errno, file);
                return;
            }
            QByteArray buffer(256 * 1024, Qt::Uninitialized);
            for (qint64 at = offset; at < end;) {
                const ssize_t n = ::pread(fd, buffer.data(), size_t(std::min<qint64>(buffer.size(), end - at)), at);
                if (n < 0) {
                    if (errno == EINTR)
                        continue;
                    error = errnoError(errno, file);
                    break;
                }
                if (n == 0)
                    break; // the object is shorter than it was: what is there
                if (throttle)
                    throttle->pass(n);
                if (sink->write(buffer.constData(), n) != n) {
                    error =
                        RelayError{RelayError::Kind::Other,
                                   trc("relay", "cannot write the download: %1").arg(sink->errorString())};
                    break;
                }
                at += n;
                bytes += n;
            }
            ::close(fd);
        },
        std::max<qint64>(end - offset, 0));
}

RelayJob* FolderRelay::put(const QString& path, QIODevice* source, qint64 size, WriteMode mode)
{
    if (!isValidRelayPath(path))
        return invalidPath(path);
    const QString target = absolute(path);
    const QString tmpDir = absolute(QStringLiteral("tmp"));
    const QString root = m_root;
    const QString temp = tmpDir + QLatin1Char('/') + m_tempPrefix + QLatin1Char('-') + randomSuffix();
    const std::shared_ptr<SharedThrottle> throttle = m_up;
    return PoolJob::start(
        [=](RelayError& error, QList<RelayEntry>&, qint64& bytes, const PoolJob::Progress& progress) {
            if (!QFileInfo(tmpDir).isDir() && (!rootThere(root, error) || !makePath(tmpDir, error)))
                return;
            const QByteArray nativeTemp = QFile::encodeName(temp);
            const int fd = ::open(nativeTemp.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
            if (fd < 0) {
                error = errnoError(errno, temp);
                return;
            }
            auto fail = [&](const RelayError& e) {
                ::close(fd);
                ::unlink(nativeTemp.constData());
                error = e;
            };
            QByteArray buffer(256 * 1024, Qt::Uninitialized);
            qint64 remaining = size;
            while (remaining > 0) {
                const qint64 want = std::min<qint64>(remaining, buffer.size());
                const qint64 got = source->read(buffer.data(), want);
                if (got <= 0) {
                    fail(RelayError{RelayError::Kind::Other,
                                    trc("relay", "the source ended after %1 of %2 bytes")
                                        .arg(size - remaining)
                                        .arg(size)});
                    return;
                }
                if (throttle)
                    throttle->pass(got);
                const char* p = buffer.constData();
                qint64 left = got;
                while (left > 0) {
                    const ssize_t w = ::write(fd, p, size_t(left));
                    if (w < 0) {
                        if (errno == EINTR)
                            continue;
                        fail(errnoError(errno, target));
                        return;
                    }
                    p += w;
                    left -= w;
                }
                remaining -= got;
                if (progress)
                    progress(size - remaining);
            }
            // No fsync: every object is verified by its reader (hash, framing, or authentication),
            // so an object damaged by a power cut of the relay's host is refused, never taken for
            // data, and its reader asks for it again (content through `wants`, R23; a journal
            // segment through its head's `missing`, R35); syncing each object would cost a disk
            // flush per file.
            ::close(fd);
            const QByteArray nativeTarget = QFile::encodeName(target);
            int err = 0;
            bool ok = false;
            if (mode == WriteMode::CreateExclusive) {
                ok = publishExclusive(nativeTemp, nativeTarget, err);
            } else {
                ok = ::rename(nativeTemp.constData(), nativeTarget.constData()) == 0;
                err = errno;
            }
            if (!ok) {
                ::unlink(nativeTemp.constData());
                error = errnoError(err, target);
                return;
            }
            bytes = size;
        },
        size);
}

void FolderRelay::setBandwidth(qint64 up, qint64 down)
{
    m_up = up > 0 ? std::make_shared<SharedThrottle>(up) : nullptr;
    m_down = down > 0 ? std::make_shared<SharedThrottle>(down) : nullptr;
}

RelayJob* FolderRelay::remove(const QString& path)
{
    if (!isValidRelayPath(path))
        return invalidPath(path);
    const QString file = absolute(path);
    return PoolJob::start([file](RelayError& error, QList<RelayEntry>&, qint64&) {
        if (::unlink(QFile::encodeName(file).constData()) != 0)
            error = errnoError(errno, file);
    });
}

RelayJob* FolderRelay::makeFolder(const QString& folder)
{
    if (!isValidRelayPath(folder, true))
        return invalidPath(folder);
    const QString dir = absolute(folder);
    const QString root = m_root;
    // The relay folder itself only when asked for by name (a repository created on purpose, at a
    // client's first run); any other write needs it there.
    const bool own = folder.isEmpty();
    return PoolJob::start([dir, root, own](RelayError& error, QList<RelayEntry>&, qint64&) {
        if (own || rootThere(root, error))
            makePath(dir, error);
    });
}

} // namespace escale::relay
