#pragma once

#include "config/Config.h"
#include "config/RelayAddress.h"
#include "relay/RelayBackend.h"

#include <QString>
#include <functional>
#include <optional>

namespace escale::sync::engine {

struct EngineContext;
struct Pass;

// What the engine asks whoever owns the user's configuration when the repository moved (R32): it
// never edits the configuration itself. Injected as the codec factory is; without it, the engine
// follows the move with its own settings and the new address, and remembers the move in its state.
struct RelayMoveHooks
{
    // The settings the configuration gives the repository at `address`, when it names it already
    // (escalectl migrate on this machine wrote them there, or the user did).
    std::function<std::optional<config::RepositoryConfig>(const config::RelayAddress& address)> settingsFor;
    // The configuration names the relay at `address` from now on; false with `error` when it
    // could not be written.
    std::function<bool(const QString& address, QString& error)> remember;
};

// The client side of a relay move (relay-format.md R32, escalectl migrate): a forwarding record
// on the relay is checked, this client's objects the migration could not see yet follow it to the
// new relay, and the engine syncs there from then on.
class RelayMoveClient
{
public:
    explicit RelayMoveClient(EngineContext& context);

    void setHooks(RelayMoveHooks hooks) { m_hooks = std::move(hooks); }

    // The relay holds a forwarding record: checked, then followed.
    void followForward(Pass& pass);
    // Syncs with the relay at `to` from now on; false with the pass refused when it cannot.
    bool switchRelay(Pass& pass, const QString& to);

private:
    bool moveOwnObjects(Pass& pass, relay::RelayBackend& destination);

    EngineContext& m_ctx;
    RelayMoveHooks m_hooks;
};

} // namespace escale::sync::engine
