#pragma once

#include "state/StateDb.h"

#include <QByteArray>
#include <QFuture>
#include <QString>
#include <QThreadPool>
#include <deque>
#include <optional>

namespace escale::sync::engine {

// The file system calls of a batch that need no answer before the engine goes on, made on a
// thread of their own in the order they are handed over (the second core):
// - downloads held whole in memory (small files fetched ahead) written to their temporary files
//   while the engine checks and resolves the next paths: with 10,000 files of 4 KiB, creating and
//   writing them was a third of the receiver's pass. At most 16 MiB wait to be written; handing
//   over more waits for the oldest. The batch's commit waits for every write, and a write that
//   failed is set aside there like any file that could not be written;
// - the commit's renames that put new files in place, while the engine records what is placed
//   (the renames were a third of the commit).
class WriteBehind
{
public:
    struct Written
    {
        QString problem; // why it could not be written (the file is gone then); empty: written
        std::optional<state::StateDb::LocalEntry> entry; // its state once written (finishWritten)
    };

    WriteBehind();
    ~WriteBehind(); // waits for every write and rename handed over

    // Makes the new file `temp` (never over anything, never through a link), writes `bytes` into
    // it and gives it the version's time and `mode` (finishWritten, `relative` its path).
    QFuture<Written> write(const QString& temp, const QString& relative, const QByteArray& bytes, qint64 mtimeMs,
                           int mode);
    // Renames each file of the pairs (from, to) into place, in order, unless something is at the
    // new name (renameat2 RENAME_NOREPLACE): for each, 0 or the system's error (EEXIST: taken).
    QFuture<QList<int>> renameNew(const QList<std::pair<QByteArray, QByteArray>>& names);
    // Returns once every write handed over is done (their outcomes stay with their futures).
    void waitAll();

private:
    void release(qint64 keep);

    QThreadPool m_thread;
    std::deque<std::pair<QFuture<Written>, qint64>> m_waiting; // handed over, maybe not written yet
    qint64 m_held = 0;                                          // their bytes
};

} // namespace escale::sync::engine
