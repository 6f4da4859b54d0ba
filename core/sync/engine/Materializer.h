#pragma once

#include "protocol/Records.h"
#include "protocol/VersionVector.h"
#include "sync/engine/ContentFetcher.h"
#include "sync/engine/FolderMaker.h"
#include "sync/engine/HeldFiles.h"
#include "sync/engine/WriteBehind.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

namespace escale::sync::engine {

struct EngineContext;
struct Pass;
class CaseIndex;

// How placing one path ended.
enum class Outcome
{
    Done,
    Deferred, // set aside with its cause (a local reason): tried again at every pass
    Wanted,   // its content is gone from the relay: asked for (R23)
    Retry,    // the relay failed: the journals are read again at the next pass
};

// Makes the folder match the known versions (relay-format.md R15, R16, R26): for each path the
// journals touched, the resolution of its versions is placed on disk (conflict copies first,
// then folders, files and deletions), files through a temporary file renamed into place after
// one file system sync for the batch, replaced and deleted files to the local archive, nothing
// written through a symbolic link (R4). A path that cannot be placed is set aside with its
// cause; pieces of files larger than the relay's quota are received as they come (R28).
class Materializer
{
public:
    Materializer(EngineContext& context, CaseIndex& cases, ContentFetcher& fetcher);

    // Makes the folder match the known versions of these paths (and takes these pieces); false
    // when the relay failed while content was fetched (the journals are read again next time).
    bool materializePaths(Pass& pass, QStringList affected, const QList<protocol::JournalRecord>& pieces);
    // The pass was abandoned: downloads staged and not committed are removed.
    void abandon();

private:
    Outcome materialize(Pass& pass, const QString& path);
    // Sets `path` aside with `cause` (a problem of the pass too).
    Outcome setAside(Pass& pass, const QString& path, const QString& cause);
    // The content of `record` staged for `targetPath`, its folders made.
    // `writeBehind`: a small file fetched ahead may be written on the writes' thread (its outcome
    // is settled by commitStaged, its event reported there).
    Content obtainContent(Pass& pass, const protocol::JournalRecord& record, const QString& targetPath,
                          QString& problem, bool writeBehind);
    bool commitStaged(Pass& pass);
    // The versions whose contents no client holds and this batch found gone, settled (R23).
    void settleLost(Pass& pass);
    // The file at `file` went beside the folder that took its name, as `copy`: said.
    void wentBeside(Pass& pass, const QString& file, const protocol::JournalRecord& copy);
    int modeFor(const protocol::JournalRecord& version, int replaced) const;
    // The permission bits a download of `version` for `target` is given (0: none said nor known).
    int downloadMode(const protocol::JournalRecord& version, const QString& target) const;
    Outcome receivePiece(Pass& pass, const protocol::JournalRecord& piece);

    EngineContext& m_ctx;
    CaseIndex& m_cases;
    ContentFetcher& m_fetcher;
    struct Staged
    {
        QString temp; // absolute path of the verified temporary file
        QString path; // relative target
        QByteArray hash;
        QString origin;
        protocol::VersionVector vv; // what the folder reflects once it is in place
        QList<protocol::BlobRef> blobs; // its blob list when the record names it whole: its basis (R39 c)
        std::optional<state::StateDb::LocalEntry> written; // its state, taken before it was closed
        // Written behind (WriteBehind): the write's outcome, and what its event says once it is in place.
        std::optional<WriteBehind::Ticket> writing;
        QString by;
        qint64 size = 0;
        FolderMaker::Made made; // the folders made for it: kept, or gone again, once it is placed or not
    };
    QList<Staged> m_staged; // downloads waiting for their batch's commit
    QMultiHash<QByteArray, QString> m_batchFiles; // the files the batch places: content -> names
    WriteBehind m_writes; // small files written, new files renamed into place, beside the engine
    // A path of the batch's own list is being placed (not one placed on the way, such as a conflict
    // copy, whose outcome the path that needs it looks at): its download may be written behind.
    bool m_writeBehind = false;
    QSet<QByteArray> m_goneFromRelay; // contents this batch asked for, found not on the relay
    QSet<QString> m_placing;          // names whose placing is under way (a name and its copies)
    FolderMaker m_folders; // the folders the batch looked at or made
    HeldFiles m_held;      // files on disk their entry cannot vouch for: nothing placed over them
};

} // namespace escale::sync::engine
