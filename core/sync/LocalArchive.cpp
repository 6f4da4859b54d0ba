#include "sync/LocalArchive.h"
#include "Tr.h"
#include "protocol/LocalLayout.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace escale::sync {

namespace {

// The n-th candidate name for `relative` in the archive folder `stamp`: the name itself, then
// `name (n).ext`.
QString candidate(const QString& localRoot, const QString& stamp, const QString& relative, int n)
{
    QString name = relative;
    if (n > 1) {
        const qsizetype slash = relative.lastIndexOf(QLatin1Char('/'));
        qsizetype dot = relative.lastIndexOf(QLatin1Char('.'));
        if (dot <= slash + 1)
            dot = relative.size();
        name = relative.left(dot) + QStringLiteral(" (%1)").arg(n) + relative.mid(dot);
    }
    return localRoot + QLatin1Char('/') + protocol::local::archiveFolder() + QLatin1Char('/') + stamp + QLatin1Char('/') + name;
}

// Whether the folders of `relative` in the archive folder `folder` are real folders or not there
// yet: a symbolic link archived there earlier is never written through.
bool realFolders(const QString& localRoot, const QString& folder, const QString& relative)
{
    QString path = localRoot + QLatin1Char('/') + protocol::local::archiveFolder() + QLatin1Char('/') + folder;
    const QStringList parts = relative.split(QLatin1Char('/'));
    for (qsizetype i = 0; i + 1 < parts.size(); ++i) {
        path += QLatin1Char('/') + parts.at(i);
        struct stat st;
        if (::lstat(QFile::encodeName(path).constData(), &st) != 0)
            return true; // made by mkpath from here on
        if (!S_ISDIR(st.st_mode))
            return false;
    }
    return true;
}

QString describeErrno(int err)
{
    return err == ENOSPC ? trc("sync", "the disk is full") : QString::fromLocal8Bit(std::strerror(err));
}

enum class Keep
{
    Copy,
    Move
};

bool archive(const QString& localRoot, const QString& stamp, const QString& relative, Keep keep,
             QString& error)
{
    const QByteArray source = QFile::encodeName(localRoot + QLatin1Char('/') + relative);
    // The archive folder of this second; another one beside it (`stamp-2`...) when a file archived
    // there earlier stands where a folder of this path must be.
    QString folder = stamp;
    for (int n = 1, variant = 1; n <= 10'000; ++n) {
        const QString target = candidate(localRoot, folder, relative, n);
        if (!realFolders(localRoot, folder, relative) || !QDir().mkpath(QFileInfo(target).absolutePath())) {
            if (++variant > 100) {
                error = trc("sync", "cannot keep %1 in the archive: cannot create a folder there").arg(relative);
                return false;
            }
            folder = stamp + QLatin1Char('-') + QString::number(variant);
            n = 0;
            continue;
        }
        const QByteArray native = QFile::encodeName(target);
        // A hard link never replaces an existing name: the first free one is taken.
        if (::link(source.constData(), native.constData()) == 0) {
            if (keep == Keep::Move && ::unlink(source.constData()) != 0) {
                const int err = errno;
                ::unlink(native.constData());
                error = trc("sync", "cannot move %1 to the archive: %2").arg(relative, describeErrno(err));
                return false;
            }
            return true;
        }
        const int err = errno;
        if (err == EEXIST)
            continue;
        // `name (n).ext` past the file system's longest name: the name itself, in another folder.
        if (err == ENAMETOOLONG && n > 1) {
            if (++variant > 100) {
                error = trc("sync", "cannot keep %1 in the archive: %2").arg(relative, describeErrno(err));
                return false;
            }
            folder = stamp + QLatin1Char('-') + QString::number(variant);
            n = 0;
            continue;
        }
        if (err != EPERM && err != ENOTSUP && err != EMLINK && err != ENOSYS && err != EXDEV) {
            error = trc("sync", "cannot keep %1 in the archive: %2").arg(relative, describeErrno(err));
            return false;
        }
        // No hard links on this file system (FAT, some network shares).
        if (keep == Keep::Move) {
            if (::renameat2(AT_FDCWD, source.constData(), AT_FDCWD, native.constData(), RENAME_NOREPLACE) == 0)
                return true;
            int failed = errno;
            if (failed == EEXIST)
                continue;
            if (failed == EINVAL) {
                if (QFileInfo::exists(target))
                    continue; // taken meanwhile: the next free name
                if (std::rename(source.constData(), native.constData()) == 0)
                    return true;
                failed = errno;
            }
            error = trc("sync", "cannot move %1 to the archive: %2").arg(relative, describeErrno(failed));
            return false;
        }
        if (QFileInfo::exists(target))
            continue;
        QFile from(QFile::decodeName(source));
        if (from.copy(target))
            return true;
        error = trc("sync", "cannot keep %1 in the archive: %2").arg(relative, from.errorString());
        return false;
    }
    error = trc("sync", "cannot keep %1 in the archive: too many versions of it there").arg(relative);
    return false;
}

} // namespace

QString archiveStamp()
{
    return QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss"));
}

bool copyToArchive(const QString& localRoot, const QString& stamp, const QString& relative, QString& error)
{
    return archive(localRoot, stamp, relative, Keep::Copy, error);
}

bool moveToArchive(const QString& localRoot, const QString& relative, QString& error)
{
    return archive(localRoot, archiveStamp(), relative, Keep::Move, error);
}

} // namespace escale::sync
