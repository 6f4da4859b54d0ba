#include "relay/RelayCopy.h"

#include "Tr.h"
#include "relay/RelayJob.h"

#include <QTemporaryFile>
#include <memory>

namespace escale::relay {

RelayError run(RelayJob* job)
{
    std::unique_ptr<RelayJob> owner(job);
    return waitFor(job);
}

RelayError listObjects(RelayBackend& relay, const QString& folder, QList<RelayEntry>& objects)
{
    if (std::unique_ptr<RelayJob> deep{relay.listDeep(folder)}) {
        const RelayError e = waitFor(deep.get());
        if (!e.ok())
            return e;
        for (RelayEntry entry : deep->entries()) {
            entry.name = folder.isEmpty() ? entry.name : folder + QLatin1Char('/') + entry.name;
            if (!entry.isDirectory && !entry.name.startsWith(QLatin1String("tmp/")))
                objects << entry;
        }
        return {};
    }
    std::unique_ptr<RelayJob> job(relay.list(folder));
    const RelayError e = waitFor(job.get());
    if (!e.ok())
        return e;
    for (RelayEntry entry : job->entries()) {
        const QString path = folder.isEmpty() ? entry.name : folder + QLatin1Char('/') + entry.name;
        if (entry.isDirectory) {
            if (path == QLatin1String("tmp"))
                continue; // uploads under way
            if (const RelayError inner = listObjects(relay, path, objects); !inner.ok())
                return inner;
        } else {
            entry.name = path;
            objects << entry;
        }
    }
    return {};
}

RelayError copyObject(RelayBackend& source, RelayBackend& destination, const QString& path, qint64& bytes)
{
    // Through a temporary file: objects are at most a chunk, and the two relays need not run
    // at the same pace.
    QTemporaryFile buffer;
    if (!buffer.open())
        return RelayError{RelayError::Kind::Other,
                          trc("relay", "cannot create a temporary file: %1").arg(buffer.errorString())};
    QByteArray digest;
    {
        HashingDevice sink(&buffer, QIODevice::WriteOnly);
        if (const RelayError e = run(source.get(path, &sink)); !e.ok())
            return e;
        digest = sink.digest();
        bytes = sink.count();
    }
    buffer.flush();
    buffer.seek(0);
    // Only a missing source object is NotFound: the caller may take it as freed meanwhile.
    auto onDestination = [&](RelayError e) {
        if (e.kind == RelayError::Kind::NotFound)
            e.kind = RelayError::Kind::Other;
        return e;
    };
    if (const RelayError e = run(destination.put(path, &buffer, bytes, WriteMode::Replace)); !e.ok())
        return onDestination(e);
    HashingDevice check(nullptr, QIODevice::WriteOnly);
    if (const RelayError e = run(destination.get(path, &check)); !e.ok())
        return onDestination(e);
    if (check.digest() != digest || check.count() != bytes)
        return RelayError{RelayError::Kind::Corrupt,
                          trc("relay", "%1 reads back different from %2 after copying it there")
                              .arg(path, destination.describe())};
    return {};
}

} // namespace escale::relay
