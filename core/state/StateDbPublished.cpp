// StateDb's table of the published versions that a version waiting here supersedes
// (`published_under`): a snapshot lists them with the others (R17) until a published version
// supersedes them.

#include "state/StateDb.h"
#include "state/Statement.h"

#include <algorithm>

namespace escale::state {

using detail::readVersion;
using detail::Statement;
using protocol::JournalRecord;

namespace {
constexpr const char* kAnyPublishedUnder = "SELECT EXISTS (SELECT 1 FROM published_under)";
} // namespace

bool StateDb::publishedUnderMayHold() const
{
    return mayHold(kAnyPublishedUnder, m_anyPublishedUnder);
}

QList<StateDb::Version> StateDb::publishedVersions() const
{
    QList<Version> out;
    // (With those a version waiting here supersedes: keepPublishedUnder.)
    Statement s(m_db, "SELECT record, pending, path, vv FROM versions WHERE pending = 0 UNION ALL "
                      "SELECT record, 0, path, vv FROM published_under ORDER BY 3, 4");
    while (s.step())
        out.append(readVersion(s));
    return out;
}

namespace {
// Whether a version waiting here (made here, not yet published) supersedes `record`.
bool waitingOver(const JournalRecord& record, const QList<StateDb::Version>& versions)
{
    return std::any_of(versions.cbegin(), versions.cend(), [&](const StateDb::Version& v) {
        return v.pending && v.record.vv.supersedes(record.vv);
    });
}

// Of published versions the path's versions no longer list, those a snapshot lists all the same:
// no published version there is equal or newer, and none of the others supersedes them.
QMap<QString, JournalRecord> stillListed(QMap<QString, JournalRecord> candidates,
                                         const QList<StateDb::Version>& versions)
{
    for (auto it = candidates.begin(); it != candidates.end();) {
        bool covered = false;
        for (const StateDb::Version& v : versions)
            covered = covered || (!v.pending && (v.record.vv == it->vv || v.record.vv.supersedes(it->vv)));
        for (const JournalRecord& other : std::as_const(candidates))
            covered = covered || other.vv.supersedes(it->vv);
        it = covered ? candidates.erase(it) : std::next(it);
    }
    return candidates;
}
} // namespace

// A snapshot lists every published version that no published version supersedes (R17), as the
// segments it stands for said. A version made here supersedes published ones long before it is
// published (it waits for room, or for the next pass): they leave the path's versions, and are
// kept in `published_under` until a published version supersedes them (model seed 1290132: left
// out of a snapshot, a state put back from a backup no longer knew the counter its own published
// version had used, and numbered its next edit with it).
QMap<QString, JournalRecord> StateDb::publishedUnder(const QString& path) const
{
    QMap<QString, JournalRecord> out;
    if (!publishedUnderMayHold())
        return out;
    Statement s(m_db, "SELECT record, 0 FROM published_under WHERE path = ?");
    s.bind(1, path);
    while (s.step()) {
        const Version v = readVersion(s);
        out.insert(v.record.vv.toString(), v.record);
    }
    return out;
}

void StateDb::setPublishedUnder(const QString& path, const QMap<QString, JournalRecord>& was,
                                const QMap<QString, JournalRecord>& now)
{
    if (now == was)
        return;
    Statement(m_db, "DELETE FROM published_under WHERE path = ?").bind(1, path).step();
    for (auto it = now.cbegin(); it != now.cend(); ++it)
        Statement(m_db, "INSERT INTO published_under (path, vv, record) VALUES (?, ?, ?)")
            .bind(1, path)
            .bind(2, it.key())
            .bind(3, it->toJsonText())
            .step();
    if (!now.isEmpty())
        m_anyPublishedUnder = m_depth > 0 ? 1 : -1;
}

void StateDb::keepPublishedUnder(const QString& path, const QList<Version>& before,
                                 const QList<Version>& next)
{
    const QMap<QString, JournalRecord> was = publishedUnder(path);
    QMap<QString, JournalRecord> candidates = was;
    for (const Version& v : before)
        if (!v.pending && waitingOver(v.record, next))
            candidates.insert(v.record.vv.toString(), v.record);
    setPublishedUnder(path, was, stillListed(candidates, next));
}

void StateDb::keepPublished(const JournalRecord& record)
{
    const QList<Version> known = versions(record.path);
    if (!waitingOver(record, known))
        return;
    const QMap<QString, JournalRecord> was = publishedUnder(record.path);
    QMap<QString, JournalRecord> candidates = was;
    candidates.insert(record.vv.toString(), record); // (a repush: where its content is now)
    setPublishedUnder(record.path, was, stillListed(candidates, known));
}

} // namespace escale::state
