#include "sync/engine/WriteBehind.h"

#include "Tr.h"
#include "sync/engine/LocalFiles.h"

#include <QFile>
#include <QtConcurrent>
#include <cerrno>
#include <cstdio>
#include <fcntl.h>
#include <unistd.h>

namespace escale::sync::engine {

namespace {

constexpr qint64 kHeld = 16LL * 1024 * 1024;

WriteBehind::Written writeFile(const QString& temp, const QString& relative, const QByteArray& bytes,
                               qint64 mtimeMs, int mode)
{
    WriteBehind::Written w;
    const QByteArray native = QFile::encodeName(temp);
    const int fd = ::open(native.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0666);
    if (fd < 0) {
        const int err = errno;
        w.problem = trc("sync", "cannot write in %1: %2")
                        .arg(temp.left(temp.lastIndexOf(QLatin1Char('/'))), writeFailure(err, temp));
        return w;
    }
    int err = 0;
    for (qsizetype done = 0; done < bytes.size() && err == 0;) {
        const ssize_t n = ::write(fd, bytes.constData() + done, size_t(bytes.size() - done));
        if (n > 0)
            done += n;
        else if (n == 0 || errno != EINTR)
            err = n == 0 ? ENOSPC : errno;
    }
    if (err == 0)
        w.entry = finishWritten(fd, mtimeMs, mode, relative);
    // A file system that writes late (NFS, FUSE) reports a failed write when the file is closed.
    if (::close(fd) != 0 && err == 0 && errno != EINTR)
        err = errno;
    if (err != 0) {
        ::unlink(native.constData());
        w.entry.reset();
        w.problem = trc("sync", "cannot write %1: %2").arg(temp, writeFailure(err, temp));
    }
    return w;
}

} // namespace

WriteBehind::WriteBehind()
{
    m_thread.setMaxThreadCount(1); // in order, beside the engine's thread (the second core)
}

WriteBehind::~WriteBehind()
{
    waitAll();
}

QFuture<WriteBehind::Written> WriteBehind::write(const QString& temp, const QString& relative,
                                                 const QByteArray& bytes, qint64 mtimeMs, int mode)
{
    release(kHeld - bytes.size());
    QFuture<Written> f = QtConcurrent::run(&m_thread, [temp, relative, bytes, mtimeMs, mode] {
        return writeFile(temp, relative, bytes, mtimeMs, mode);
    });
    m_waiting.emplace_back(f, bytes.size());
    m_held += bytes.size();
    return f;
}

QFuture<QList<int>> WriteBehind::renameNew(const QList<std::pair<QByteArray, QByteArray>>& names)
{
    return QtConcurrent::run(&m_thread, [names] {
        QList<int> outcomes;
        outcomes.reserve(names.size());
        for (const auto& [from, to] : names)
            outcomes.append(::renameat2(AT_FDCWD, from.constData(), AT_FDCWD, to.constData(), RENAME_NOREPLACE) == 0
                                ? 0
                                : errno);
        return outcomes;
    });
}

void WriteBehind::waitAll()
{
    release(0);
    m_thread.waitForDone();
}

void WriteBehind::release(qint64 keep)
{
    // The writes done are forgotten; then the oldest are waited for until at most `keep` bytes wait.
    while (!m_waiting.empty() && (m_waiting.front().first.isFinished() || m_held > keep)) {
        m_waiting.front().first.waitForFinished();
        m_held -= m_waiting.front().second;
        m_waiting.pop_front();
    }
}

} // namespace escale::sync::engine
