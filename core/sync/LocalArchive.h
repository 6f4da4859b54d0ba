#pragma once

#include <QString>

namespace escale::sync {

// The local archive (relay-format.md section 10): files replaced or deleted by synchronisation
// (or by resolving a conflict) go to `.escale-archive/<yyyyMMdd-HHmmss>/<path>` inside the
// synchronised folder, and are removed after 'archive retention'. Every archived version keeps a
// name of its own: when the name is taken in that folder (two events on one path within a
// second), it becomes `name (2).ext`, `name (3).ext`...; when a file archived there stands where a
// folder of the path must be, or when `name (n).ext` would be longer than a name can be, the
// version goes to `<yyyyMMdd-HHmmss>-2/` beside it.

// The folder name for now (UTC).
QString archiveStamp();
// Keeps a copy of a file of the folder in the archive folder `stamp`, under a name no archived
// file has, the file staying where it is (a hard link where the file system has them); false with
// `error` when it cannot.
bool copyToArchive(const QString& localRoot, const QString& stamp, const QString& relative, QString& error);
// Moves a file (or a symbolic link) of the folder into the archive, under a name no archived file
// has; false with `error` when it cannot (then nothing moved).
bool moveToArchive(const QString& localRoot, const QString& relative, QString& error);

} // namespace escale::sync
