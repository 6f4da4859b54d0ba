#pragma once

#include "state/StateDb.h"

#include <QList>
#include <QString>

namespace escale::sync::engine {

class CaseIndex;
struct EngineContext;

// A version of `path` whose conflict copy this client deleted before it knew that version (its
// state put back from an older backup): the name is settled over it (relay-format.md R26, "A copy
// deleted here before its version was known here"). Called by the materializer for a path with
// concurrent versions (`versions`, as stored), before it resolves it. True when the versions of
// `path` changed.
bool settleCopyDeletedHere(EngineContext& ctx, CaseIndex& cases, const QString& path,
                           const QList<state::StateDb::Version>& versions);

} // namespace escale::sync::engine
