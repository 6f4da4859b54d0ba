#pragma once

#include "maintenance/RepositoryReader.h"

#include <QString>
#include <functional>
#include <optional>

namespace escale::sync {

// `escalectl forget-client`: a client that will not come back (a lost laptop, a reinstalled
// machine) is removed from the repository (relay-format.md R33), so that the others stop
// keeping relay space for it and its objects go.
struct ForgetResult
{
    enum class Status
    {
        Done,
        NotFound, // no such client (by id or name), or a name several clients share
        Refused,  // it was heard of lately, or others have not received all it published
        Failed,   // the relay failed
    };
    Status status = Status::Done;
    QString message; // what was done, or why not (one line)
    QString client;  // its id
    QString name;
    int removed = 0; // objects deleted from the relay
    qint64 bytes = 0;
};

// When this machine last saw a client's head change, on its own clock (ms since the epoch), from its
// state; std::nullopt when it does not know (no state here, or a client it never saw). Relay
// times are never compared with this machine's clock (R3).
using LastHeard = std::function<std::optional<qint64>(const QString& client)>;

// `who` is a client id or name. Without `force`, refuses a client heard of in the last
// `recentHours` hours (or when this machine cannot tell), and one whose published changes some
// other client has not received yet.
ForgetResult forgetClient(RepositoryReader& reader, const QString& who, bool force, const LastHeard& lastHeard,
                          int recentHours = 24);

} // namespace escale::sync
