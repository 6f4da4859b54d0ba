#pragma once

#include "protocol/Records.h"
#include "protocol/VersionVector.h"
#include "state/StateDb.h"

#include <optional>

// How a version made or received here relates to the others of its path (relay-format.md R24-R26):
// pure functions of the state database's records, shared by the scan, the puller and the
// materializer.
namespace escale::sync::engine {

// Whether a known version is the content the folder holds at its path.
bool holds(const state::StateDb::LocalEntry& local, const protocol::JournalRecord& v);
// The vector the content at a path descends from (R24).
protocol::VersionVector baseVector(const std::optional<state::StateDb::LocalEntry>& local,
                                   const QList<state::StateDb::Version>& versions);
// A new version made here from `base`, above every counter this client used for the path.
protocol::VersionVector newLocalVector(const protocol::VersionVector& base,
                                       const QList<state::StateDb::Version>& versions, const QString& self);
// The known versions with `incoming` added (R25); std::nullopt when a known one is equal or newer.
std::optional<QList<state::StateDb::Version>> integrated(const QList<state::StateDb::Version>& stored,
                                                         const state::StateDb::Version& incoming);
// The same content and permission bits (0: not known, as written by an earlier release or on a
// file system that keeps none, matches any).
bool sameBits(const protocol::JournalRecord& a, const protocol::JournalRecord& b);
// The element-wise maximum of every known version of a path (R26).
protocol::VersionVector mergedVector(const QList<state::StateDb::Version>& versions);

} // namespace escale::sync::engine
