#pragma once

#include "config/Config.h"
#include "relay/RelayBackend.h"

#include <memory>

namespace escale::relay {

// Builds the backend a repository's configuration names. Returns nullptr and sets `error`
// (one line for the user) when this build cannot reach that kind of relay.
std::unique_ptr<RelayBackend> createRelay(const config::RepositoryConfig& config, QString& error);

} // namespace escale::relay
