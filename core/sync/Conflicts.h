#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <optional>

namespace escale::sync {

// A conflict copy in a synchronised folder: `name (conflict from DEVICE YYYY-MM-DD HHMMSS).ext`
// (relay-format.md R26) holds DEVICE's version of `name.ext`, which lost to the version kept
// under the name. Every client has the same copies; resolving one here resolves it everywhere,
// as the resulting changes synchronise like any other.
struct ConflictCopy
{
    QString copy;     // relative path of the conflict copy
    QString original; // relative path of the file it conflicts with
    QString device;   // whose version the copy holds
    QDateTime time;   // that version's modification time (UTC, to the second)
    QString tag;      // the first 8 hex digits of that version's content hash (none in earlier releases' names)
    bool originalExists = false;
};

// The conflict copy a relative path names, if it does.
std::optional<ConflictCopy> parseConflictCopy(const QString& relative);

// Every conflict copy in a synchronised folder (Escale's own `.escale*` entries aside), by path.
QList<ConflictCopy> findConflicts(const QString& localRoot);

enum class KeepVersion
{
    Current, // the version under the name stays; the copy goes to the local archive
    Copy,    // the copy's version takes the name; the other one goes to the local archive
    Both,    // both stay: the copy is renamed `name (DEVICE).ext` and is no conflict any more
};

// Resolves one conflict copy with local file operations, which the engine then publishes.
// Nothing is deleted: what goes is kept in the local archive. Returns false with `error`
// (nothing changed) when the copy is gone or a file cannot be moved; `result` says what was done.
bool resolveConflict(const QString& localRoot, const ConflictCopy& conflict, KeepVersion keep,
                     QString& result, QString& error);

} // namespace escale::sync
