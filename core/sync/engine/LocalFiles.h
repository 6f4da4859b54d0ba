#pragma once

#include "state/StateDb.h"

#include <QFileDevice>
#include <QString>
#include <optional>

// The synchronised folder as the stages of a pass see it: the state of a path on disk in the
// terms of the state database, and the few system calls they share.
namespace escale::sync::engine {

// The on-disk state of a local path (a file or a folder; std::nullopt for anything else or nothing).
// `special`, when given, tells whether something else is there (a link, a FIFO, a socket, a device).
std::optional<state::StateDb::LocalEntry> statLocal(const QString& absolute, const QString& relative,
                                                    bool* special = nullptr);
// Whether two states of a path are the same as far as a scan can tell (kind, size, time, inode, mode).
bool sameStat(const state::StateDb::LocalEntry& a, const state::StateDb::LocalEntry& b);
// The file creation mask of this process.
int creationMask();
// A random name part for temporary files.
QString randomTag();
// The name of a new download file beside `target` (absolute): a reserved name, never scanned.
QString downloadFileFor(const QString& target);
// Why a file of the folder could not be written, in words that name the cause.
QString writeFailure(const QFileDevice& file);
// The same for a write that failed with the system's error `err` (`fileName`: the file written).
QString writeFailure(int err, const QString& fileName, const QString& said = {});
// A download file, written and still open, before it takes its name: given its version's time and
// permission bits (`mode` 0: left as made) on the open file, no path looked up; its state as the
// state database will know it once renamed into place (a rename keeps it), or std::nullopt when
// it cannot be read.
std::optional<state::StateDb::LocalEntry> finishWritten(int fd, qint64 mtimeMs, int mode, const QString& relative);

// A file of the folder open for reading, never through a symbolic link (and never waiting on a
// FIFO); closed when it goes. Its state is taken from the open file: no second path lookup.
class LocalReader
{
public:
    LocalReader() = default;
    ~LocalReader();
    LocalReader(const LocalReader&) = delete;
    LocalReader& operator=(const LocalReader&) = delete;

    // The regular file at `absolute`, with its state; std::nullopt (and nothing open) otherwise.
    std::optional<state::StateDb::LocalEntry> open(const QString& absolute, const QString& relative);
    void close();
    // The state of the open file now.
    std::optional<state::StateDb::LocalEntry> stat(const QString& relative) const;
    bool seek(qint64 offset);
    // Up to `length` bytes; 0 at the end, -1 on an error.
    qint64 read(char* into, qint64 length);
    // Exactly `length` bytes from `offset`; false when the file is shorter or cannot be read.
    bool readFully(qint64 offset, char* into, qint64 length);

private:
    int m_fd = -1;
};

} // namespace escale::sync::engine
