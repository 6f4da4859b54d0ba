#include "sync/engine/LocalFiles.h"

#include "Tr.h"
#include "protocol/LocalLayout.h"
#include "scan/Hasher.h"

#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

namespace escale::sync::engine {

using state::StateDb;
using Kind = protocol::JournalRecord::Kind;

namespace {

std::optional<StateDb::LocalEntry> entryOf(const struct stat& st, const QString& relative)
{
    StateDb::LocalEntry e;
    e.path = relative;
    if (S_ISDIR(st.st_mode)) {
        e.kind = Kind::Directory;
        return e;
    }
    if (!S_ISREG(st.st_mode))
        return std::nullopt;
    e.kind = Kind::File;
    e.size = qint64(st.st_size);
    e.mtimeNs = scan::mtimeNsOf(st);
    e.inode = quint64(st.st_ino);
    e.mode = int(st.st_mode & 0777);
    return e;
}

} // namespace

// The on-disk state of a local path, in the terms of the state database.
std::optional<StateDb::LocalEntry> statLocal(const QString& absolute, const QString& relative, bool* special)
{
    struct stat st;
    const bool there = ::lstat(QFile::encodeName(absolute).constData(), &st) == 0;
    if (special)
        *special = there && !S_ISDIR(st.st_mode) && !S_ISREG(st.st_mode);
    if (!there)
        return std::nullopt;
    return entryOf(st, relative);
}

LocalReader::~LocalReader()
{
    close();
}

std::optional<StateDb::LocalEntry> LocalReader::open(const QString& absolute, const QString& relative)
{
    close();
    m_fd = ::open(QFile::encodeName(absolute).constData(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
    if (m_fd < 0)
        return std::nullopt;
    auto e = stat(relative);
    if (!e || e->kind != Kind::File) {
        close();
        return std::nullopt;
    }
    // A regular file: reads wait as usual whatever O_NONBLOCK says, except on the few file systems
    // that answer EAGAIN to non-blocking reads (read() then clears it): two system calls per file saved.
    return e;
}

void LocalReader::close()
{
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = -1;
}

std::optional<StateDb::LocalEntry> LocalReader::stat(const QString& relative) const
{
    struct stat st;
    if (m_fd < 0 || ::fstat(m_fd, &st) != 0)
        return std::nullopt;
    return entryOf(st, relative);
}

bool LocalReader::seek(qint64 offset)
{
    return m_fd >= 0 && ::lseek(m_fd, off_t(offset), SEEK_SET) == off_t(offset);
}

bool LocalReader::readFully(qint64 offset, char* into, qint64 length)
{
    if (!seek(offset))
        return false;
    for (qint64 got = 0; got < length;) {
        const qint64 n = read(into + got, length - got);
        if (n <= 0)
            return false;
        got += n;
    }
    return true;
}

qint64 LocalReader::read(char* into, qint64 length)
{
    if (m_fd < 0)
        return -1;
    for (bool blocking = false;;) {
        const ssize_t n = ::read(m_fd, into, size_t(length));
        if (n >= 0)
            return qint64(n);
        if (errno == EAGAIN && !blocking) {
            // Opened without waiting (a FIFO never blocks the scan); this file system wants the
            // reads of a regular file to wait. O_NONBLOCK is the only status flag set at open.
            blocking = true;
            if (::fcntl(m_fd, F_SETFL, 0) != 0)
                return -1;
            continue;
        }
        if (errno != EINTR)
            return -1;
    }
}

bool sameStat(const StateDb::LocalEntry& a, const StateDb::LocalEntry& b)
{
    if (a.kind != b.kind)
        return false;
    return a.kind != Kind::File || (a.size == b.size && a.mtimeNs == b.mtimeNs && a.inode == b.inode &&
                                    (a.mode == b.mode || a.mode == 0 || b.mode == 0));
}

// The file creation mask of this process (read once: it is not changed while Escale runs).
int creationMask()
{
    static const int mask = [] {
        const mode_t m = ::umask(0);
        ::umask(m);
        return int(m);
    }();
    return mask;
}

QString randomTag()
{
    // Unguessable names are not needed (files are made with O_EXCL: a name taken fails, it never
    // opens another's file): the seeded generator, not the system's (RDRAND, slow on virtual machines).
    return QString::number(QRandomGenerator::global()->generate64(), 36);
}

QString downloadFileFor(const QString& target)
{
    return target.left(target.lastIndexOf(QLatin1Char('/'))) + QLatin1Char('/') + protocol::local::downloadPrefix() +
           randomTag();
}

// Why a file of the folder could not be written, in words that name the cause: Qt says "Unknown
// error" for a full disk.
QString writeFailure(const QFileDevice& file)
{
    const int err = errno;
    return writeFailure(err, file.fileName(), file.errorString());
}

QString writeFailure(int err, const QString& fileName, const QString& said)
{
    struct statvfs st;
    const QByteArray folder = QFile::encodeName(QFileInfo(fileName).absolutePath());
    if (err == ENOSPC || err == EDQUOT ||
        (::statvfs(folder.constData(), &st) == 0 && qint64(st.f_bavail) * qint64(st.f_frsize) < 64 * 1024))
        return trc("sync", "the disk is full (free some room on it; nothing was replaced)");
    if (err == EROFS)
        return trc("sync", "the disk is read-only");
    // Qt's "Unknown error" says nothing: the system's message does. Qt's text may be translated
    // (the desktop application loads Qt's French catalogue).
    static const char* const kUnknown = "Unknown error";
    const bool nothingSaid = said.isEmpty() || said == QLatin1String(kUnknown) ||
                             said == QCoreApplication::translate("QIODevice", kUnknown);
    return nothingSaid ? QString::fromLocal8Bit(std::strerror(err)) : said;
}

std::optional<StateDb::LocalEntry> finishWritten(int fd, qint64 mtimeMs, int mode, const QString& relative)
{
    struct timespec times[2];
    times[0].tv_sec = 0;
    times[0].tv_nsec = UTIME_OMIT;
    times[1].tv_sec = mtimeMs / 1000;
    times[1].tv_nsec = (mtimeMs % 1000) * 1'000'000;
    ::futimens(fd, times);
    struct stat st;
    if (::fstat(fd, &st) != 0)
        return std::nullopt;
    // The mode is set unless the file has it already, whatever made it so (not assumed from the
    // creation mask: a folder's default ACL may have made the download file otherwise). A file
    // system that keeps no modes refuses: the file stays as made. On one whose chmod touches the
    // modification time, the time is set again.
    if (mode > 0 && int(st.st_mode & 07777) != mode && ::fchmod(fd, mode_t(mode)) == 0 &&
        (::futimens(fd, times) != 0 || ::fstat(fd, &st) != 0))
        return std::nullopt;
    return entryOf(st, relative);
}

} // namespace escale::sync::engine
