#pragma once

#include "scan/FolderWatcher.h"
#include "scan/Hasher.h"

#include "state/StateDb.h"

#include <QHash>
#include <QSet>
#include <QStringList>
#include <cstdlib>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

namespace escale::scan {

// Walks a synchronised folder and compares it with what the state database remembers.
// Only files whose size, mtime or inode changed are hashed, on worker threads.
// Where the scan keeps the bytes of small files (Result::contents): slabs of 4 MiB, in pages of
// 2 MiB where the system gives them, so that 10,000 files of 4 KiB cost a few page faults instead
// of 10,000 (and as many calls growing each hashing thread's heap). The kept bytes are views into
// it: whoever keeps them keeps this too.
class KeptMemory
{
public:
    KeptMemory() = default;
    KeptMemory(const KeptMemory&) = delete;
    KeptMemory& operator=(const KeptMemory&) = delete;
    // Room for `size` bytes (at most a slab's), from any thread.
    char* take(qint64 size);

private:
    struct Free
    {
        void operator()(char* p) const { std::free(p); }
    };
    std::mutex m_lock;
    std::vector<std::unique_ptr<char, Free>> m_slabs;
    char* m_next = nullptr;
    qint64 m_left = 0;
};

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
        // A changed file modified less than this long ago may still be written. It is taken
        // anyway when `writeState` says it was closed since; left alone when it says it is being
        // written; otherwise (Unknown, or no watcher) taken once two looks at least
        // `recheckAfterMs` apart found it the same (size, modification time, inode), the first
        // look kept in `observed` between scans. Without `observed`, left alone.
        qint64 stableAfterMs = 0;
        std::function<WriteState(const QString& path, qint64 mtimeNs)> writeState;
        struct Observation
        {
            qint64 size = 0;
            qint64 mtimeNs = 0;
            quint64 inode = 0;
            qint64 seenNs = 0;
        };
        QHash<QString, Observation>* observed = nullptr;
        qint64 recheckAfterMs = 200;
        // With a gear table, files of at least `cutFrom` bytes are also cut into blobs as they are
        // hashed (Result::cuts), so that sending them reads only the blobs the relay lacks, and
        // hashes none again.
        const protocol::Chunker::Gear* gear = nullptr;
        qint64 cutFrom = 1024 * 1024;
        // ... up to this many bytes cut in all (the cuts stay in memory for the pass, about 150
        // bytes a blob: 40 MB here); files past it are cut by the push.
        qint64 cutBudget = 256LL << 30;
        // Files hashed and not kept (below) also have the BlobCheck of their bytes taken
        // (Result::checks), for the push that reads them again.
        bool checks = false;
        // Files of at most `keepUpTo` bytes hashed are kept in memory (Result::contents), up to
        // `keepBudget` bytes in all, so that sending them reads nothing again; 0: none.
        qint64 keepUpTo = 0;
        qint64 keepBudget = 0;
    };

    struct Result
    {
        bool rootMissing = false;
        QList<state::StateDb::LocalEntry> changed;   // new or different content (hashed), new folders
        QSet<QString> bitsOnly; // of `changed`: files whose permission bits alone changed (not hashed)
        QList<state::StateDb::LocalEntry> restatted; // same content, new size/mtime/inode record
        QStringList removed;                         // known paths that are gone
        QStringList unselected;                      // known paths no longer synchronised (filters)
        QStringList problems;                        // unreadable entries, name clashes; one line each
        QStringList leftovers;                       // temporary and partial downloads (absolute)
        QStringList unsupportedNames;                // names that cannot travel (not UTF-8), one line each
        QStringList skipped;                         // links, FIFOs, sockets, devices: never synchronised
        int filesSeen = 0;
        int unstable = 0; // files left for a later scan because they were changing
        int settling = 0; // of those, files to look at again in `recheckAfterMs` (the second look)
        QHash<QByteArray, QList<BlobCut>> cuts; // the blobs of the contents hashed, by content hash
        QHash<QByteArray, QByteArray> checks;   // the BlobChecks of the contents hashed (Options::checks)
        // The bytes of small files hashed, by content hash: read once, stable (the file's state
        // after the read is the walk's, which the scan records). Views into `keptMemory`.
        QHash<QByteArray, QByteArrayView> contents;
        std::shared_ptr<KeptMemory> keptMemory;
    };

    static Result scan(const QString& root, const QHash<QString, state::StateDb::LocalEntry>& known,
                       const Options& options);
};

} // namespace escale::scan
