#include "sync/engine/WriteBehind.h"

#include "Tr.h"
#include "sync/engine/LocalFiles.h"

#include <QFile>
#include <QtConcurrent>
#include <cerrno>
#include <cstdio>
#include <fcntl.h>
#include <system_error>
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
    m_renames.setMaxThreadCount(1); // in order, beside the engine's thread
}

WriteBehind::~WriteBehind()
{
    waitAll();
    m_renames.waitForDone();
    {
        const std::lock_guard lock(m_lock);
        m_stop = true;
    }
    m_wake.notify_all();
    if (m_writer.joinable())
        m_writer.join();
}

WriteBehind::Ticket WriteBehind::write(const QString& temp, const QString& relative, const QByteArray& bytes,
                                       qint64 mtimeMs, int mode)
{
    std::unique_lock lock(m_lock);
    // Too much waits to be written: the engine waits for the writer. (It does not write beside it:
    // the files are written one after the other, in the order handed over, so that on a disk
    // that fills up the first ones take the room, as they would unhurried: fullLocalDiskIsNamed.)
    while (m_held > 0 && m_held + bytes.size() > kHeld && m_writer.joinable())
        waitDone(lock);
    const Ticket ticket = Ticket(m_outcomes.size());
    m_outcomes.emplace_back();
    m_queue.push_back(Job{ticket, temp, relative, bytes, mtimeMs, mode});
    m_held += bytes.size();
    if (!m_writer.joinable()) {
        try {
            m_writer = std::thread([this] { work(); });
        } catch (const std::system_error&) { // no thread to be had: waitAll() writes them here
        }
    } else if (m_writerIdle) {
        m_writerIdle = false; // (woken once, not at every file handed over while it wakes)
        m_wake.notify_one();
    }
    return ticket;
}

void WriteBehind::work()
{
    std::unique_lock lock(m_lock);
    while (!m_stop) {
        if (!runSome(lock, 32)) {
            // Idle again at every wait: a wake whose work the engine took meanwhile leaves the
            // flag set, so that the next file handed over wakes this thread again.
            while (!m_stop && m_queue.empty()) {
                m_writerIdle = true;
                m_wake.wait(lock);
            }
            m_writerIdle = false;
        }
    }
}

bool WriteBehind::runSome(std::unique_lock<std::mutex>& lock, qsizetype most)
{
    if (m_queue.empty())
        return false;
    std::vector<Job> jobs;
    jobs.reserve(size_t(std::min(most, qsizetype(m_queue.size()))));
    while (!m_queue.empty() && qsizetype(jobs.size()) < most) {
        jobs.push_back(std::move(m_queue.front()));
        m_queue.pop_front();
    }
    m_running += int(jobs.size());
    lock.unlock();
    std::vector<Written> done;
    done.reserve(jobs.size());
    for (const Job& job : jobs)
        done.push_back(writeFile(job.temp, job.relative, job.bytes, job.mtimeMs, job.mode));
    lock.lock();
    for (size_t i = 0; i < jobs.size(); ++i) {
        m_outcomes[size_t(jobs[i].ticket)] = std::move(done[i]);
        m_held -= jobs[i].bytes.size();
    }
    m_running -= int(jobs.size());
    if (m_waiters > 0)
        m_done.notify_all();
    return true;
}

void WriteBehind::waitDone(std::unique_lock<std::mutex>& lock)
{
    ++m_waiters;
    m_done.wait(lock);
    --m_waiters;
}

QFuture<QList<int>> WriteBehind::renameNew(const QList<std::pair<QByteArray, QByteArray>>& names)
{
    return QtConcurrent::run(&m_renames, [names] {
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
    std::unique_lock lock(m_lock);
    if (!m_writer.joinable()) // (no writer: nothing was handed over, or it could not be started)
        while (runSome(lock, 32)) {
        }
    while (!m_queue.empty() || m_running > 0)
        waitDone(lock);
}

const WriteBehind::Written& WriteBehind::outcome(Ticket ticket) const
{
    return m_outcomes.at(size_t(ticket));
}

void WriteBehind::forget()
{
    waitAll();
    const std::lock_guard lock(m_lock);
    m_outcomes.clear();
}

} // namespace escale::sync::engine
