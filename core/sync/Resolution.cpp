#include "sync/Resolution.h"

#include <QCryptographicHash>
#include <QHash>
#include <QDateTime>

namespace escale::sync {

namespace {

using protocol::JournalRecord;
using Kind = JournalRecord::Kind;

// The deterministic order among concurrent versions: later mtime, then larger origin id,
// then larger hash, then the larger vector (as text: two versions never share one), so that the
// winner is the same whatever the order they arrived in, down to its permission bits. Clock
// values only break ties between versions already known to be concurrent; they never decide
// which version supersedes another.
bool ranksBefore(const JournalRecord& a, const JournalRecord& b)
{
    if (a.mtimeMs != b.mtimeMs)
        return a.mtimeMs < b.mtimeMs;
    if (a.origin != b.origin)
        return a.origin < b.origin;
    if (a.hash != b.hash)
        return a.hash < b.hash;
    return a.vv.toString() < b.vv.toString();
}

// `text` cut at a character's boundary to at most `bytes` bytes of UTF-8.
QString cutToBytes(const QString& text, qsizetype bytes)
{
    qsizetype used = 0;
    qsizetype i = 0;
    while (i < text.size()) {
        const qsizetype width = text.at(i).isHighSurrogate() && i + 1 < text.size() ? 2 : 1;
        const qsizetype size = text.mid(i, width).toUtf8().size();
        if (used + size > bytes)
            break;
        used += size;
        i += width;
    }
    return text.left(i);
}

} // namespace

QString conflictCopyName(const QString& path, const QString& device, qint64 mtimeMs, const QString& tag)
{
    // A name is at most 255 bytes (R13, and every file system): a copy of a long name, or a copy of
    // a copy of a copy, cuts the device's name to 64 bytes, then the original's stem, then its
    // extension, so that the copy fits; every client cuts it alike (model seed 700027: a fifth
    // nested copy made a name no client could write or accept, and the losing version was lost).
    constexpr qsizetype kMostNameBytes = 255;
    const qsizetype slash = path.lastIndexOf(QLatin1Char('/'));
    const QString dir = slash < 0 ? QString() : path.left(slash + 1);
    const QString name = path.mid(slash + 1);
    qsizetype dot = name.lastIndexOf(QLatin1Char('.'));
    if (dot <= 0)
        dot = name.size();
    QString who = device.isEmpty() ? QStringLiteral("unknown") : device;
    who.replace(QLatin1Char('/'), QLatin1Char('_'));
    const QString when =
        QDateTime::fromMSecsSinceEpoch(mtimeMs, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HHmmss"));
    const QString stamp = tag.isEmpty() ? when : when + QLatin1Char(' ') + tag;
    QString suffix = QStringLiteral(" (conflict from %1 %2)").arg(who, stamp);
    QString stem = name.left(dot);
    QString extension = name.mid(dot);
    if ((stem + suffix + extension).toUtf8().size() <= kMostNameBytes)
        return dir + stem + suffix + extension; // (as every release names it)
    suffix = QStringLiteral(" (conflict from %1 %2)").arg(cutToBytes(who, 64), stamp);
    const qsizetype fixed = suffix.toUtf8().size();
    if (fixed + extension.toUtf8().size() > kMostNameBytes - 1)
        extension = cutToBytes(extension, kMostNameBytes - 1 - fixed);
    const qsizetype room = kMostNameBytes - fixed - extension.toUtf8().size();
    if (stem.toUtf8().size() > room)
        stem = cutToBytes(stem, room);
    // A name that ends as this very copy's would (a copy of a copy cut alike): the cut gives the
    // name back. The copy is cut one character more, so that it has a name of its own (model run
    // 1420001: placing the name placed its copy, the name again, without end).
    if (dir + stem + suffix + extension == path && !stem.isEmpty())
        stem.chop(stem.size() >= 2 && stem.at(stem.size() - 1).isLowSurrogate() ? 2 : 1);
    return dir + stem + suffix + extension;
}

QString conflictCopyPath(const QString& path, const JournalRecord& loser)
{
    // Named after the losing version alone (its device, its time, the first digits of its
    // content's hash): two clients that each saw another set of losers still name each copy alike,
    // and two contents from one device within one second (an edit storm) never share a name.
    return conflictCopyName(path, loser.originName, loser.mtimeMs, QString::fromLatin1(loser.hash.toHex().left(8)));
}

protocol::VersionVector conflictCopyVector(const QString& path, const JournalRecord& loser)
{
    // A counter of its own, named after the losing version (and standing as the record's origin):
    // every client derives the same one, and it is neither older nor newer than any version of
    // the copy's name made otherwise (a file there, an edit of an earlier copy: both are kept, R26).
    const QByteArray seed = "escale/conflict-copy:" + path.toUtf8() + ':' + loser.vv.toString().toUtf8();
    const QString own = QString::fromLatin1(
        QCryptographicHash::hash(seed, QCryptographicHash::Sha256).toHex().left(16));
    return protocol::VersionVector(QMap<QString, quint64>{{own, 1}});
}

JournalRecord conflictCopyOf(const QString& path, const JournalRecord& loser)
{
    JournalRecord copy = loser;
    copy.path = conflictCopyPath(path, loser);
    copy.vv = conflictCopyVector(path, loser);
    copy.origin = copy.vv.counters().firstKey(); // the copy's own name: no client's counters
    copy.repush = false;
    return copy;
}

bool integrateVersion(QList<JournalRecord>& current, const JournalRecord& incoming)
{
    for (const JournalRecord& v : current) {
        const auto order = v.vv.compare(incoming.vv);
        if (order == protocol::VersionVector::Order::Equal || order == protocol::VersionVector::Order::Newer)
            return false;
    }
    current.removeIf([&](const JournalRecord& v) { return incoming.vv.supersedes(v.vv); });
    current.append(incoming);
    return true;
}

Resolution resolve(const QString& path, const QList<JournalRecord>& versions)
{
    Resolution r;
    QList<JournalRecord> files;
    bool anyDirectory = false;
    for (const JournalRecord& v : versions) {
        if (v.kind == Kind::File)
            files.append(v);
        else if (v.kind == Kind::Directory)
            anyDirectory = true;
    }
    if (files.isEmpty()) {
        r.kind = anyDirectory ? Kind::Directory : Kind::Deleted;
        bool first = true;
        for (const JournalRecord& v : versions)
            if ((v.kind == Kind::Directory) == anyDirectory && (first || ranksBefore(r.winner, v))) {
                r.winner = v;
                first = false;
            }
        return r;
    }
    r.kind = Kind::File;
    r.winner = files.first();
    for (const JournalRecord& v : files)
        if (ranksBefore(r.winner, v))
            r.winner = v;
    // One conflict copy per other content, named after its best-ranked version.
    QList<JournalRecord> representatives;
    for (const JournalRecord& v : files) {
        if (v.hash == r.winner.hash)
            continue;
        bool replaced = false;
        for (JournalRecord& rep : representatives) {
            if (rep.hash == v.hash) {
                if (ranksBefore(rep, v))
                    rep = v;
                replaced = true;
            }
        }
        if (!replaced)
            representatives.append(v);
    }
    for (const JournalRecord& loser : std::as_const(representatives))
        r.copies.append(conflictCopyOf(path, loser));
    std::sort(r.copies.begin(), r.copies.end(), [](const auto& a, const auto& b) { return a.path < b.path; });
    return r;
}

} // namespace escale::sync
