#pragma once

#include "protocol/Records.h"
#include "state/StateDb.h"

#include <QSet>
#include <QString>
#include <QStringList>
#include <optional>

namespace escale::sync::engine {

struct EngineContext;

// The folders a batch of the Materializer places files in: made where missing, never through a
// symbolic link (R4), and those made for a file that does not come removed again (R25). What it
// found real or made is not looked at again for each file, until forget().
class FolderMaker
{
public:
    explicit FolderMaker(EngineContext& context);

    // Whether a folder between the synchronised folder and `relative` is a symbolic link.
    bool throughLink(const QString& relative);
    // What make() did for one file: the folders it made, parents first, and of them those whose
    // entries it made too; and those resolved as deleted elsewhere, to keep() once what they are
    // for is placed.
    struct Made
    {
        QStringList made;
        QSet<QString> entries;
        QStringList toKeep;
    };
    // The folders of `relative`, made where missing. Without `made`, a folder deleted elsewhere
    // is kept at once (what it is for is a folder, or a piece already there).
    bool make(const QString& relative, QString& problem, Made* made = nullptr);
    // The folders `made` lists go again, the empty ones, with the entries make() made for them
    // (deepest first).
    void unmake(const Made& made);
    // Once the file they were made for is placed, or is not: the folders made for it go if it is
    // not, and those deleted elsewhere are kept if they hold something (it, or what came meanwhile).
    void settle(const Made& made, bool placed);
    // A folder others deleted, kept here for what it holds: a version made here brings it back.
    void keep(const QString& path);
    // The first folder on the way to `relative` (itself included) that is a file here; empty when none.
    QString fileInTheWay(const QString& relative);
    // That file, when a file or a folder to place needs a folder there: the folder keeps the name
    // (R26, "File and folder"), the file going beside it as its conflict copy. Only for a file as
    // the last scan recorded it, a known version with every known version of the name taken in, at
    // a name this client publishes as a file and as a folder. True when done: `copy` is the copy's
    // version (kept), and a version of the folder made here, newer than every one known, tells
    // the others; false when the file stays (`problem` says why, or nothing: not for this client).
    bool fileGoesBeside(const QString& prefix, protocol::JournalRecord& copy, QString& problem);
    // Whether fileGoesBeside() would move that file now; when it would not only because the copy's
    // name is taken, `problem` says so.
    bool fileMayGoBeside(const QString& prefix, QString& problem)
    {
        return copyBeside(prefix, problem).has_value();
    }
    // A file a folder replaces, as the last scan recorded it, moved to one of `names` that places
    // its content and has nothing there yet (no fetch), rather than to the archive. The name it
    // went to (recorded there), or empty when it stays.
    QString fileMoves(const QString& path, const QStringList& names);
    // Whether this batch made the folder (mkdir): nothing in it to look at.
    bool madeNow(const QString& relative) const { return m_made.contains(relative); }
    // Forgets what was found (the batch's start and end, and after deletions, which may remove some).
    void forget();

private:
    // The conflict copy the file at `prefix` becomes, when it may go beside the folder that keeps
    // the name, and whether the version it holds was not sent yet.
    struct Beside
    {
        protocol::JournalRecord copy;
        bool pending = false;
    };
    std::optional<Beside> copyBeside(const QString& prefix, QString& problem);
    // Whether nothing is at `path`, known or on disk.
    bool vacant(const QString& path) const;

    EngineContext& m_ctx;
    QSet<QString> m_real; // found real (not links) or made
    QSet<QString> m_made; // of them, made by this batch
};

} // namespace escale::sync::engine
