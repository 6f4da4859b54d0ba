#pragma once

#include <QByteArray>
#include <QFuture>
#include <QList>
#include <QThreadPool>
#include <utility>

namespace escale::sync::engine {

// The renames of a batch's commit that put new files in place, made on a thread of their own in
// the order they are handed over, while the engine records what is placed (10,000 files of
// 4 KiB: the renames were a third of the commit).
class BackgroundRenames
{
public:
    BackgroundRenames();
    ~BackgroundRenames(); // waits for every rename handed over

    // Renames each file of the pairs (from, to) into place, in order, unless something is at the
    // new name (renameat2 RENAME_NOREPLACE): for each, 0 or the system's error (EEXIST: taken).
    QFuture<QList<int>> renameNew(const QList<std::pair<QByteArray, QByteArray>>& names);

private:
    QThreadPool m_thread;
};

} // namespace escale::sync::engine
