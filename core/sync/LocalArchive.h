#pragma once

#include <QString>

namespace escale::sync {

// The local archive (relay-format.md section 10): files replaced or deleted by synchronisation
// (or by resolving a conflict) are moved to `.escale-archive/<yyyyMMdd-HHmmss>/<path>` inside
// the synchronised folder, and removed after 'archive retention'.

// The folder name for now (UTC).
QString archiveStamp();
// Where `relative` goes in the archive folder `stamp`; its parent folders are made.
QString archiveTarget(const QString& localRoot, const QString& stamp, const QString& relative);
// Moves a file of the folder into the archive; false with `error` when it cannot.
bool moveToArchive(const QString& localRoot, const QString& relative, QString& error);

} // namespace escale::sync
