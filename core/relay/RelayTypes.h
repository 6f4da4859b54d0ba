#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

namespace escale::relay {

// One entry of a relay folder listing.
struct RelayEntry
{
    QString name; // a single path component
    bool isDirectory = false;
    qint64 size = -1;   // -1 when the backend does not say
    QDateTime modified; // invalid when the backend does not say
    QByteArray etag;    // empty when the backend does not say

    bool operator==(const RelayEntry&) const = default;
};

// What went wrong with a relay request, in terms the engine can act on.
struct RelayError
{
    enum class Kind
    {
        None,
        NotFound,      // the object or folder does not exist
        AlreadyExists, // an exclusive create found an object
        Network,       // connection refused or dropped, unknown host: retry later
        Timeout,       // the server stalled: retry later
        Busy,          // 429/503/423: retry later, honouring any delay
        Auth,          // wrong credentials: do not retry
        Permission,    // the server refuses this operation
        Quota,         // the relay is full
        Tls,           // certificate not trusted
        Corrupt,       // the object failed a check (size, hash, authentication)
        Invalid,       // a bad request from us (bad path)
        Other,
    };

    Kind kind = Kind::None;
    QString message; // one line for the user, naming the cause (and the remedy when known)

    bool ok() const { return kind == Kind::None; }
    bool isRetryable() const
    {
        return kind == Kind::Network || kind == Kind::Timeout || kind == Kind::Busy || kind == Kind::Corrupt;
    }
    static RelayError none() { return {}; }
};

enum class WriteMode
{
    Replace,         // publish atomically, replacing any existing object
    CreateExclusive, // publish atomically, fail with AlreadyExists if the object exists
    // A new, unique name that nobody reads before the caller publishes a reference to it (a
    // content chunk): the backend may write in place, saving a rename. A failed write may
    // leave a partial object there; the writer removes it.
    Fresh,
};

struct RelayCapabilities
{
    bool exclusiveCreate = false; // CreateExclusive is atomic on this backend
    bool needsDirectories = true; // folders must exist before objects are written in them
    // Several writes may run at once ('transfers'). Not where a new connection may have to
    // answer an authentication challenge: a streamed body cannot be sent twice.
    bool parallelTransfers = false;
};

// Relay paths are relative to the repository root, '/'-separated, without '.', '..' or
// empty components. Backends refuse anything else with Kind::Invalid.
bool isValidRelayPath(const QString& path, bool allowRoot = false);

// A name from a server's listing as UTF-8, or empty when it is not one a relay entry may have
// (not UTF-8, empty, '.', '..', holding a '/' or a NUL).
QString entryName(QByteArrayView bytes);

QString errorKindName(RelayError::Kind kind);

} // namespace escale::relay
