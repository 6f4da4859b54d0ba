#pragma once

#include "state/StateDb.h"

#include <QFileDevice>
#include <QString>
#include <optional>

// The synchronised folder as the stages of a pass see it: the state of a path on disk in the
// terms of the state database, and the few system calls they share.
namespace escale::sync::engine {

// The on-disk state of a local path (a file or a folder; std::nullopt for anything else or nothing).
std::optional<state::StateDb::LocalEntry> statLocal(const QString& absolute, const QString& relative);
// Something that is neither a file nor a folder (a symbolic link, a FIFO, a socket, a device).
bool isSpecial(const QString& absolute);
// Whether two states of a path are the same as far as a scan can tell (kind, size, time, inode, mode).
bool sameStat(const state::StateDb::LocalEntry& a, const state::StateDb::LocalEntry& b);
// The file creation mask of this process.
int creationMask();
// A random name part for temporary files.
QString randomTag();
// Why a file of the folder could not be written, in words that name the cause.
QString writeFailure(const QFileDevice& file);
void setModificationTime(const QString& path, qint64 mtimeMs);

} // namespace escale::sync::engine
