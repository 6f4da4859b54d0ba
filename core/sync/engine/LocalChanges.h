#pragma once

#include "scan/Scanner.h"

#include <QHash>
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

    // Looks at the folder, unless the folder's watcher vouches that nothing changed since the last
    // look (no event; that look found nothing still being written; less than 'refresh' ago, so
    // that writes that raise no event, through a memory mapping, are still found) and no full
    // look was asked (`fullScan()`, after a pass that left something for later, "sync now").
    void scanLocal(Pass& pass);
    void fullScan() { m_fullScan = true; }
    // Lets the next scan publish the deletions it would otherwise hold back.
    void confirmDeletions() { m_deletionsConfirmed = true; }

private:
    // A conflict copy of `path` was changed here (`former`: what it held, a file whose content
    // its name's tag names; none when unknown): the name's version supersedes the losing one.
    void settleConflict(Pass& pass, const QString& path, const QString& copy,
                        const std::optional<state::StateDb::LocalEntry>& former);
    // The version of `path` that `copy` was made from, whose content it alone held, is superseded.
    void letGoCopiedVersions(Pass& pass, const QString& path, const QString& copy,
                             const std::optional<state::StateDb::LocalEntry>& former);
    // A version made here left others beside it: the path is looked at in this pass.
    void keepsConcurrent(Pass& pass, const QString& path, const QList<state::StateDb::Version>& versions);

    EngineContext& m_ctx;
    CaseIndex& m_cases;
    bool m_deletionsConfirmed = false;
    bool m_fullScan = true;      // the next pass looks at the folder, whatever the watcher says
    quint64 m_eventsAtScan = 0;  // the watcher's events when the last look began
    qint64 m_scannedAtMs = 0;    // when it began
    int m_goneSeen = 0;           // files found gone, not published, at the last scan
    qint64 m_goneGrewMs = 0;      // when that count last grew (DeletionGuard's quiet time)
    QSet<QString> m_reportedNames; // names that cannot travel, reported once per run
    QHash<QString, scan::Scanner::Options::Observation> m_observed; // first looks at recent files
};

} // namespace escale::sync::engine
