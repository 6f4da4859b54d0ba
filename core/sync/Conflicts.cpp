#include "sync/Conflicts.h"

#include "Tr.h"
#include "sync/LocalArchive.h"
#include "protocol/LocalLayout.h"

#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTimeZone>
#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>

namespace escale::sync {

std::optional<ConflictCopy> parseConflictCopy(const QString& relative)
{
    // The extension is what follows the last dot of the original name (none when the name
    // starts with its only dot), as conflictCopyName() builds it.
    static const QRegularExpression pattern(
        QStringLiteral(R"(^(.*) \(conflict from (.+) (\d{4}-\d{2}-\d{2} \d{6})(?: ([0-9a-f]{8}))?\)(\.[^./]*)?$)"));
    const qsizetype slash = relative.lastIndexOf(QLatin1Char('/'));
    const QString folder = relative.left(slash + 1);
    const QRegularExpressionMatch m = pattern.match(relative.mid(slash + 1));
    if (!m.hasMatch() || m.captured(1).isEmpty())
        return std::nullopt;
    QDateTime time = QDateTime::fromString(m.captured(3), QStringLiteral("yyyy-MM-dd HHmmss"));
    if (!time.isValid())
        return std::nullopt;
    time.setTimeZone(QTimeZone::utc());
    ConflictCopy c;
    c.copy = relative;
    c.original = folder + m.captured(1) + m.captured(5);
    c.device = m.captured(2);
    c.time = time;
    c.tag = m.captured(4);
    return c;
}

QList<ConflictCopy> findConflicts(const QString& localRoot)
{
    QList<ConflictCopy> out;
    QDirIterator it(localRoot, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    const qsizetype prefix = localRoot.size() + 1;
    while (it.hasNext()) {
        const QString relative = it.next().mid(prefix);
        if (relative.startsWith(protocol::local::reservedPrefix()) ||
            !relative.contains(QLatin1String(" (conflict from ")))
            continue;
        if (auto c = parseConflictCopy(relative)) {
            c->originalExists = QFileInfo::exists(localRoot + QLatin1Char('/') + c->original);
            out.append(*c);
        }
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.copy < b.copy; });
    return out;
}

namespace {

bool renameFile(const QString& from, const QString& to, QString& error)
{
    if (std::rename(QFile::encodeName(from).constData(), QFile::encodeName(to).constData()) == 0)
        return true;
    const QString why = QString::fromLocal8Bit(std::strerror(errno));
    error = trc("sync", "cannot rename %1 to %2: %3").arg(from, to, why);
    return false;
}

// `name (DEVICE).ext` beside the original, numbered when taken.
QString keptName(const QString& localRoot, const ConflictCopy& c)
{
    const qsizetype slash = c.original.lastIndexOf(QLatin1Char('/'));
    const QString folder = c.original.left(slash + 1);
    const QString name = c.original.mid(slash + 1);
    qsizetype dot = name.lastIndexOf(QLatin1Char('.'));
    if (dot <= 0)
        dot = name.size();
    for (int n = 1;; ++n) {
        const QString tag = n == 1 ? c.device : QStringLiteral("%1 %2").arg(c.device).arg(n);
        const QString candidate = folder + name.left(dot) + QStringLiteral(" (%1)").arg(tag) + name.mid(dot);
        if (!QFileInfo::exists(localRoot + QLatin1Char('/') + candidate))
            return candidate;
    }
}

} // namespace

bool resolveConflict(const QString& localRoot, const ConflictCopy& conflict, KeepVersion keep,
                     QString& result, QString& error)
{
    const QString copy = localRoot + QLatin1Char('/') + conflict.copy;
    const QString original = localRoot + QLatin1Char('/') + conflict.original;
    if (!QFileInfo(copy).isFile()) {
        error = trc("sync", "%1 is not there any more (resolved already?)").arg(conflict.copy);
        return false;
    }
    switch (keep) {
    case KeepVersion::Current:
        if (!moveToArchive(localRoot, conflict.copy, error))
            return false;
        result = trc("sync", "kept %1 as it is; %2's version went to the local archive")
                     .arg(conflict.original, conflict.device);
        return true;
    case KeepVersion::Copy:
        if (QFileInfo::exists(original) && !moveToArchive(localRoot, conflict.original, error))
            return false;
        if (!renameFile(copy, original, error))
            return false;
        result = trc("sync", "%1 now holds %2's version; the one it replaced went to the local archive")
                     .arg(conflict.original, conflict.device);
        return true;
    case KeepVersion::Both: {
        const QString kept = keptName(localRoot, conflict);
        if (!renameFile(copy, localRoot + QLatin1Char('/') + kept, error))
            return false;
        result = trc("sync", "kept both: %1, and %2's version as %3")
                     .arg(conflict.original, conflict.device, kept);
        return true;
    }
    }
    return false;
}

} // namespace escale::sync
