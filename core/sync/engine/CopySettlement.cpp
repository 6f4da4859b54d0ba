#include "sync/engine/CopySettlement.h"

#include "log/Logging.h"
#include "sync/Resolution.h"
#include "sync/engine/CaseIndex.h"
#include "sync/engine/EngineContext.h"
#include "sync/engine/VersionRules.h"

#include <algorithm>

namespace escale::sync::engine {

using protocol::JournalRecord;
using protocol::VersionVector;
using state::StateDb;
using Kind = JournalRecord::Kind;

bool settleCopyDeletedHere(EngineContext& ctx, CaseIndex& cases, const QString& path,
                           const QList<StateDb::Version>& versions)
{
    // A conflict copy deleted here while the version it held was not a version of its name known
    // here: this client's state put back from a backup older than the conflict (model seed
    // 470047), it took back its own copy from its journal, deleted it, and edited (or deleted) the
    // name from what it held, then read that version again. Its change was concurrent with that
    // version, which won the name, its content in no folder any more: its copy deleted here, and
    // so everywhere. A copy deleted here settles its conflict (R26), whenever the version it held
    // is known: the name keeps what the folder holds, under a version that also supersedes the one
    // the copy held (with nothing under the name here, a deletion that does). Only from what this
    // client did itself: its own deletion of that very copy (the copy's counter in its vector),
    // only when no file here holds that content (a copy renamed keeps it), and only when the new
    // version supersedes nothing else than a change made here would.
    if (!ctx.filter.acceptsFile(path) || !ctx.accessOf(path).send || !ctx.selected(path, Kind::File) ||
        (cases.insensitive() && !cases.caseTwin(path).isEmpty()))
        return false; // (nothing is published for a name left out; a case twin is not this name)
    const auto local = ctx.db.local(path);
    if (local && local->kind != Kind::File)
        return false;
    for (const StateDb::Version& v : versions) {
        if (v.record.kind != Kind::File || (local && holds(*local, v.record)))
            continue;
        const VersionVector copyVector = conflictCopyVector(path, v.record);
        const QList<StateDb::Version> atCopy = ctx.db.versions(conflictCopyPath(path, v.record));
        const bool deletedHere =
            !atCopy.isEmpty() && std::all_of(atCopy.cbegin(), atCopy.cend(), [&](const StateDb::Version& w) {
                return w.record.kind == Kind::Deleted && w.record.origin == ctx.clientId &&
                       w.record.vv.supersedes(copyVector);
            });
        if (!deletedHere || !ctx.db.localWithHash(v.record.hash).isEmpty())
            continue;
        // What the folder holds under the name, as a known version (not a change the next scan
        // has yet to publish); with nothing there, the known deletions.
        const StateDb::Version* held = nullptr;
        for (const StateDb::Version& w : versions)
            if (local && holds(*local, w.record) && (!held || w.pending))
                held = &w;
        if (local && !held)
            continue;
        const VersionVector base = baseVector(local, versions);
        const VersionVector baseline = newLocalVector(base, versions, ctx.clientId); // a change made here
        JournalRecord r;
        bool renamed = false; // its content with the others already: no chunks (R27)
        if (held) {
            r = held->record;
            // As the scan would record it: the folder's time and permission bits.
            r.mtimeMs = local->mtimeNs / 1'000'000;
            r.mode = cases.keepsModes() ? local->mode : 0;
            r.blobs.clear();
            r.from = 0;
            r.repush = false;
            for (const StateDb::Version& w : versions)
                renamed = renamed || (w.record.sameContent(r) && (!w.pending || w.renamed));
        } else {
            r.path = path;
            r.kind = Kind::Deleted;
        }
        r.vv = newLocalVector(base.merged(v.record.vv), versions, ctx.clientId);
        r.origin = ctx.clientId;
        r.originName = ctx.settings.clientName;
        if (!supersedesOnly(r.vv, baseline, v.record.vv, versions))
            continue;
        const auto updated = integrated(versions, StateDb::Version{r, true, renamed});
        if (!updated)
            continue;
        ctx.db.setVersions(path, *updated);
        if (held) {
            StateDb::LocalEntry settled = *local;
            settled.vv = r.vv;
            ctx.db.putLocal(settled);
        }
        qCInfo(lcEngine).noquote()
            << QStringLiteral("[%1] %2: the version of %3 is superseded by %4, its conflict copy having been "
                              "deleted here")
                   .arg(ctx.settings.name, path, v.record.originName,
                        held ? QStringLiteral("what the folder holds") : QStringLiteral("a deletion"));
        return true;
    }
    return false;
}

} // namespace escale::sync::engine
