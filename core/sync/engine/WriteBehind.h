#pragma once

#include "state/StateDb.h"

#include <QByteArray>
#include <QFuture>
#include <QString>
#include <QThreadPool>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace escale::sync::engine {

// The file system calls of a batch that need no answer before the engine goes on, made on a
// thread of their own (the second core), the writes in the order they are handed over:
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
    using Ticket = qsizetype; // a write handed over, for its outcome

    WriteBehind();
    ~WriteBehind(); // waits for every write and rename handed over

    // Makes the new file `temp` (never over anything, never through a link), writes `bytes` into
    // it and gives it the version's time and `mode` (finishWritten, `relative` its path).
    Ticket write(const QString& temp, const QString& relative, const QByteArray& bytes, qint64 mtimeMs, int mode);
    // Renames each file of the pairs (from, to) into place, in order, unless something is at the
    // new name (renameat2 RENAME_NOREPLACE): for each, 0 or the system's error (EEXIST: taken).
    QFuture<QList<int>> renameNew(const QList<std::pair<QByteArray, QByteArray>>& names);
    // Returns once every write handed over is done.
    void waitAll();
    // A write's outcome, once waitAll() returned; forget() waits for every write and ends the
    // tickets handed out so far.
    const Written& outcome(Ticket ticket) const;
    void forget();

private:
    struct Job
    {
        Ticket ticket;
        QString temp, relative;
        QByteArray bytes;
        qint64 mtimeMs;
        int mode;
    };
    void work();
    // Takes up to `most` jobs from the queue (m_lock held); runs them unlocked; records them.
    bool runSome(std::unique_lock<std::mutex>& lock, qsizetype most);
    void waitDone(std::unique_lock<std::mutex>& lock); // until a run of writes is recorded

    QThreadPool m_renames;
    // The writes: handed over in order, taken in small runs by the writer (one lock and at most
    // one wake per run, not per file), their outcomes recorded under the lock.
    std::mutex m_lock;
    std::condition_variable m_wake; // the writer: work came, or stop
    std::condition_variable m_done; // the engine: writes ended
    std::deque<Job> m_queue;
    std::vector<Written> m_outcomes; // by ticket
    qint64 m_held = 0;               // bytes handed over and not written yet
    int m_running = 0;               // jobs taken and not recorded yet
    int m_waiters = 0;               // threads waiting on m_done
    bool m_writerIdle = false;
    bool m_stop = false;
    std::thread m_writer; // started at the first write
};

} // namespace escale::sync::engine
