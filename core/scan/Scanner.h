#pragma once

#include "scan/Hasher.h"

#include "state/StateDb.h"

#include <QHash>
#include <QStringList>
#include <functional>

namespace escale::scan {

// Walks a synchronised folder and compares it with what the state database remembers.
// Only files whose size, mtime or inode changed are hashed, on worker threads.
class Scanner
{
public:
    struct Options
    {
        bool hiddenFiles = false;
        // Which relative paths are synchronised (filters, access flags); unset: all.
        std::function<bool(const QString& path)> acceptFile;
        std::function<bool(const QString& path)> acceptDirectory; // the folder itself
        std::function<bool(const QString& path)> descend;         // look inside at all
        // Files modified less than this long ago are left alone (still being written).
        qint64 stableAfterMs = 0;
        // With a gear table, files of at least `cutFrom` bytes are also cut into blobs as they
        // are hashed (Result::cuts), so that sending them reads only their new blobs.
        const protocol::Chunker::Gear* gear = nullptr;
        qint64 cutFrom = 1024 * 1024;
    };

    struct Result
    {
        bool rootMissing = false;
        QList<state::StateDb::LocalEntry> changed;   // new or different content (hashed), new folders
        QList<state::StateDb::LocalEntry> restatted; // same content, new size/mtime/inode record
        QStringList removed;                         // known paths that are gone
        QStringList unselected;                      // known paths no longer synchronised (filters)
        QStringList problems;                        // unreadable entries, name clashes; one line each
        QStringList leftovers;                       // temporary and partial downloads (absolute)
        QStringList unsupportedNames;                // names that cannot travel (not UTF-8), one line each
        QStringList skipped;                         // links, FIFOs, sockets, devices: never synchronised
        int filesSeen = 0;
        int unstable = 0; // files left for a later scan because they were changing
        QHash<QByteArray, QList<BlobCut>> cuts; // the blobs of the contents hashed, by content hash
    };

    static Result scan(const QString& root, const QHash<QString, state::StateDb::LocalEntry>& known,
                       const Options& options);
};

} // namespace escale::scan
