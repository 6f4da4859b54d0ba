#pragma once

#include "protocol/Records.h"
#include "relay/RelayTypes.h"
#include "state/StateDb.h"

#include <QFile>
#include <QHash>
#include <QString>
#include <memory>
#include <optional>

namespace escale::sync {
class Sha256;
}

namespace escale::sync::engine {

struct EngineContext;

// How fetching a version's content ended.
enum class Content
{
    Written,    // in a verified temporary file, ready to be renamed into place
    Failed,     // a local reason (the folder cannot be written)
    Gone,       // not on the relay any more, or damaged there: asked for again (R23)
    Unreachable // the relay failed
};

// Content from the relay to the folder: a version's bytes into a temporary file, checked against
// its hash, taken from a local file with the same content when there is one (a rename, a copy),
// else from the chunks its record names (or, for a record without chunks, those another record
// of this pass brought for that content). Up to 'transfers' chunks travel at once; in a batch,
// the one-chunk files are fetched ahead in the order they are written.
class ContentFetcher
{
public:
    explicit ContentFetcher(EngineContext& context);
    ~ContentFetcher();

    // A batch of files about to be written: one-chunk files listed with fetchAhead() travel while
    // the ones before them are checked and written (at most 64 MiB held).
    void startBatch();
    void fetchAhead(const protocol::BlobRef& chunk); // in order; nothing outside a batch
    void endBatch();
    // The bytes of `record`, a content that is one blob fetched ahead in this batch, checked
    // against its hash: true. False when it was not fetched ahead, could not be, or does not
    // match (then obtainContent() fetches it again, and says why if it fails again).
    bool takeAhead(const protocol::JournalRecord& record, QByteArray& bytes);

    // Appends the chunks to `file` (at its position), each checked (or, with `whole`, the whole
    // through it); on failure the file's position is put back and the error names the path.
    relay::RelayError fetchChunks(const QString& path, const QList<protocol::BlobRef>& chunks, QFile& file,
                                  Sha256* whole = nullptr);
    // The content of `record` for `targetPath` (whose folder exists, unless `besideOf`), checked, in the
    // temporary file `staged`, given the version's time and `mode` (finishWritten), and its state in
    // `written`; else the cause in `problem`. `besideOf` (absolute): the temporary file goes beside
    // it instead (the target's folder is not made yet: a file has its name).
    Content obtainContent(const protocol::JournalRecord& record, const QString& targetPath, int mode,
                          QString& problem, QString& staged,
                          std::optional<state::StateDb::LocalEntry>& written, const QString& besideOf = {});

    // Whether the last obtainContent() that said Gone found the content not on the relay: a chunk
    // not found, or no chunks known for it (not a damaged chunk, nor a piece).
    bool lastGoneFromRelay() const { return m_goneFromRelay; }

private:
    Content contentFailure(const relay::RelayError& e, const QFile& file);
    // Where this folder holds blobs of `blobs` already (R40): the file at `targetPath` first, then
    // any file whose content's blob list names one. Kept for the next fetchChunks() only.
    void findLocalBlobs(const QString& targetPath, const QList<protocol::BlobRef>& blobs);
    // A blob's bytes from the folder, checked against its hash (with `check`; else the caller checks
    // the whole file they go into); nothing when the file holding it changed since its scan,
    // cannot be read, or (checked) does not hold it.
    std::optional<QByteArray> localBlob(const protocol::BlobRef& blob, bool check);

    EngineContext& m_ctx;
    class Prefetch;
    std::unique_ptr<Prefetch> m_prefetch; // small files' chunks fetched ahead, while a batch is applied
    bool m_localWriteFailed = false;      // the last chunk fetched could not be written to the folder
    bool m_goneFromRelay = false;         // see lastGoneFromRelay()
    struct LocalBlob
    {
        qint64 position = 0;
        state::StateDb::LocalEntry file; // as scanned: used only while the file is unchanged
    };
    QHash<QByteArray, LocalBlob> m_localBlobs; // see findLocalBlobs()
    qint64 m_reusedBytes = 0;                  // taken from the folder by the last fetchChunks()
    bool m_useLocalBlobs = true;               // false: a file is made from the relay alone
};

} // namespace escale::sync::engine
