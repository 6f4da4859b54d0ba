#pragma once

#include "protocol/JournalObjects.h"

#include "protocol/ObjectStore.h"
#include "protocol/Records.h"

#include <QString>
#include <functional>
#include <optional>

namespace escale::sync {

using protocol::decodeForward;
using protocol::encodeForward;
using protocol::Forward;

struct MigrationResult
{
    bool ok = false;
    QString error; // one line, when !ok
    // Refused before anything was written: the destination is not empty, or holds another
    // repository (the user's choice to correct, not a failure to retry).
    bool destinationInUse = false;
    int copied = 0;
    qint64 bytes = 0;
    int removed = 0;      // objects removed from the destination after their writers freed them
    int rounds = 0;       // copy rounds (clients go on writing during a migration)
    bool resumed = false; // the destination already held part of this repository
};

// Copies the repository `source` holds (opened: its codec set, `header` read) to `destination`,
// object by object, each read back and compared, while its clients go on: rounds repeat until
// one finds nothing new. Then the forwarding record goes to the source, and a last round takes
// what clients wrote meanwhile. The destination must be empty or hold an earlier, interrupted
// migration of the same repository. `progress` receives a line now and then.
MigrationResult migrateRepository(protocol::ObjectStore& source, const protocol::RepositoryHeader& header,
                                  relay::RelayBackend& destination, const QString& destinationAddress,
                                  const std::function<void(const QString&)>& progress = {});

} // namespace escale::sync
