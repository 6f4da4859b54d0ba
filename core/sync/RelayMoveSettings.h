#pragma once

#include "config/Config.h"
#include "sync/engine/RelayMoveClient.h"

namespace escale::sync {

// The relay-move hooks of a repository read from a configuration file (the daemon, `--once`):
// the new relay's settings are those of the file's section when it names that relay already, and
// the section's 'relay address' is rewritten (comments and other keys kept) once the engine syncs
// there. Without a configuration file, no hooks.
engine::RelayMoveHooks relayMoveThroughConfigFile(const config::RepositoryConfig& repository);

} // namespace escale::sync
