#include "sync/LocalArchive.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <cerrno>
#include <cstdio>
#include <cstring>

namespace escale::sync {

QString archiveStamp()
{
    return QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss"));
}

QString archiveTarget(const QString& localRoot, const QString& stamp, const QString& relative)
{
    const QString target =
        localRoot + QStringLiteral("/.escale-archive/") + stamp + QLatin1Char('/') + relative;
    QDir().mkpath(QFileInfo(target).absolutePath());
    return target;
}

bool moveToArchive(const QString& localRoot, const QString& relative, QString& error)
{
    const QString target = archiveTarget(localRoot, archiveStamp(), relative);
    if (std::rename(QFile::encodeName(localRoot + QLatin1Char('/') + relative).constData(),
                    QFile::encodeName(target).constData()) != 0) {
        error = QStringLiteral("cannot move %1 to the archive: %2")
                    .arg(relative, QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    return true;
}

} // namespace escale::sync
