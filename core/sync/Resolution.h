#pragma once

#include "protocol/Records.h"

#include <QList>

namespace escale::sync {

// What a path must hold locally, given its maximal known versions (relay-format.md R26).
// A pure function of the set of versions: every client computes the same from the same set,
// whatever order the versions arrived in.
struct Resolution
{
    protocol::JournalRecord::Kind kind = protocol::JournalRecord::Kind::Deleted;
    protocol::JournalRecord winner;        // the version whose content keeps the name
    QList<protocol::JournalRecord> copies; // conflict copies, `path` set to the copy's name
};

Resolution resolve(const QString& path, const QList<protocol::JournalRecord>& versions);

// "dir/name (conflict from DEVICE YYYY-MM-DD HHMMSS).ext", the time in UTC.
// `name (conflict from DEVICE yyyy-MM-dd HHmmss TAG).ext` (without a tag, as earlier releases named
// copies: `name (conflict from DEVICE yyyy-MM-dd HHmmss).ext`).
QString conflictCopyName(const QString& path, const QString& device, qint64 mtimeMs, const QString& tag = {});
// The conflict copy of `loser` beside `path`: conflictCopyName() with the loser's device, time and
// the first 8 hex digits of its content's hash as the tag.
QString conflictCopyPath(const QString& path, const protocol::JournalRecord& loser);

// The vector of the conflict copy of `loser` (a version of `path`): derived from it alone.
protocol::VersionVector conflictCopyVector(const QString& path, const protocol::JournalRecord& loser);
// The conflict copy of `loser` (a version of `path`) as a version of its own name (R26): the loser's
// content and time under conflictCopyPath(), with conflictCopyVector() and that vector's counter
// as its origin.
protocol::JournalRecord conflictCopyOf(const QString& path, const protocol::JournalRecord& loser);

// Adds `incoming` to the maximal versions `current` (R25): returns false and leaves
// `current` alone when a known version is equal or newer.
bool integrateVersion(QList<protocol::JournalRecord>& current, const protocol::JournalRecord& incoming);

} // namespace escale::sync
