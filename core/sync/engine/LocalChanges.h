#pragma once

#include <QSet>
#include <QString>

namespace escale::sync::engine {

struct EngineContext;
struct Pass;
class CaseIndex;

// The first stage of a pass: what changed in the folder since the last scan becomes new versions
// of this client (relay-format.md R24), waiting to be published. Renames and moves keep their
// content (R27); deletions go through the mass-delete safety (DeletionGuard, section 10); a
// conflict copy edited, renamed or deleted here settles its conflict (R26).
class LocalChanges
{
public:
    LocalChanges(EngineContext& context, CaseIndex& cases);

    void scanLocal(Pass& pass);
    // Lets the next scan publish the deletions it would otherwise hold back.
    void confirmDeletions() { m_deletionsConfirmed = true; }

private:
    // A conflict copy of `path` was changed here: the name's version supersedes the losing one.
    void settleConflict(const QString& path, const QString& copy);

    EngineContext& m_ctx;
    CaseIndex& m_cases;
    bool m_deletionsConfirmed = false;
    int m_goneSeen = 0;           // files found gone, not published, at the last scan
    qint64 m_goneGrewMs = 0;      // when that count last grew (DeletionGuard's quiet time)
    QSet<QString> m_reportedNames; // names that cannot travel, reported once per run
};

} // namespace escale::sync::engine
