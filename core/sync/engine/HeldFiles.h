#pragma once

#include "state/StateDb.h"

#include <QSet>
#include <QString>
#include <optional>

namespace escale::sync::engine {

struct EngineContext;

// The files on disk that their entry cannot vouch for, though their size, time and inode are the
// entry's, so that no version from elsewhere replaces or deletes them as if they were the entry's
// version (relay-format.md R24):
// - the paths whose deletion the scan holds (table held_gone): a file there is the user's until a
//   scan judged it (put back, or found as it was);
// - at a path the scan does not look at (its send flag off, filtered out, hidden), a file whose
//   size, time and inode another entry records too: it may have moved there from that other path
//   while neither was looked at (model seed 1710031's kind), and no scan will tell.
// Read at the start of a batch; the second list only once a batch needs it.
class HeldFiles
{
public:
    explicit HeldFiles(EngineContext& context);

    void load();
    // Whether the file at `path`, found with the size, time and inode of `known`, stays as it is
    // rather than take a version from elsewhere (`content`: its hash; empty: a deletion, a folder).
    // Never against the very content its entry names: nothing changes then.
    bool holds(const QString& path, const state::StateDb::LocalEntry& known, const QByteArray& content);
    // Whether a deletion from elsewhere of `known`'s file, gone from `path` here too, is simply taken:
    // at a path the scan does not look at (its deletion here is never sent) both agree, and the
    // entry goes rather than wait, stale, for a scan that never looks.
    bool goneToo(const QString& path, const std::optional<state::StateDb::LocalEntry>& known) const;
    // The send flags changed (`before`: the table before): the files the scan looks at from now on
    // and did not before, whose size, time and inode another entry records too, are held (judged by
    // the next scan). (Not every file let in: one whose deletion from elsewhere waited, while it was
    // neither sent nor received, would be put back.)
    static void accessChanged(EngineContext& context, const QHash<QString, state::StateDb::Access>& before);
    // Why a file found other than its entry says (a change the next scan publishes), or held, is
    // left alone, in words for the user.
    static QString leftAlone(const QString& path, bool held);

private:
    EngineContext& m_ctx;
    QSet<QString> m_gone;
    std::optional<QSet<QString>> m_shared;
};

} // namespace escale::sync::engine
