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
// The same, with every known version of the content the folder holds: for a caller that checked
// the folder holds it now (a settlement), never for a change the scan found (R24).
protocol::VersionVector heldVector(const state::StateDb::LocalEntry& local,
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
// Whether `made` supersedes, among `versions`, no version but `aim` and those `baseline` supersedes.
bool supersedesOnly(const protocol::VersionVector& made, const protocol::VersionVector& baseline,
                    const protocol::VersionVector& aim, const QList<state::StateDb::Version>& versions);
// The deletion made here that lets go the version of `path` a conflict copy was made from, once
// that copy, which held `former` here, was changed or deleted here and no file of the folder
// holds that content any more (the caller knows); `local` is
// what the folder holds at `path`. Only the version this very copy was made from (named after it,
// the copy's vector carrying its copy's counter), and only when the deletion supersedes no other
// version (R26). The versions of `path` with that deletion taken in; std::nullopt when nothing is
// let go.
std::optional<QList<state::StateDb::Version>> lettingGo(const QString& path, const QString& copy,
                                                      const state::StateDb::LocalEntry& former,
                                                      const std::optional<state::StateDb::LocalEntry>& local,
                                                      const QList<state::StateDb::Version>& versions,
                                                      const QString& self, const QString& selfName);

} // namespace escale::sync::engine
