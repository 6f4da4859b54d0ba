#pragma once

#include "sync/RepositoryReader.h"

#include <QString>

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

// `who` is a client id or name. Without `force`, refuses a client heard of in the last
// `recentHours` hours, and one whose published changes some other client has not received yet.
ForgetResult forgetClient(RepositoryReader& reader, const QString& who, bool force, int recentHours = 24);

} // namespace escale::sync
