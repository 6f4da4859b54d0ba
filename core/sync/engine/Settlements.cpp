#include "sync/engine/Settlements.h"

#include "Tr.h"
#include "log/Logging.h"
#include "sync/Resolution.h"
#include "sync/engine/CaseIndex.h"
#include "protocol/Layout.h"
#include "sync/engine/EngineContext.h"
#include "sync/engine/LocalFiles.h"
#include "sync/engine/Pass.h"
#include "sync/engine/VersionRules.h"

#include <algorithm>

namespace escale::sync::engine {

using protocol::JournalRecord;
using protocol::VersionVector;
using state::StateDb;
using Kind = JournalRecord::Kind;

namespace {

// Whether this client may publish a version of `path` at all: a name it sends and receives as a
// file, and as a folder too when a folder is there, not a case twin (nothing is published for a
// name left out).
bool settles(EngineContext& ctx, CaseIndex& cases, const QString& path)
{
    const auto local = ctx.db.local(path);
    const bool folder = local && local->kind == Kind::Directory;
    return ctx.filter.acceptsFile(path) && ctx.accessOf(path).send && ctx.selected(path, Kind::File) &&
           (!folder || (ctx.filter.acceptsDirectory(path) && ctx.selected(path, Kind::Directory))) &&
           (!cases.insensitive() || cases.caseTwin(path).isEmpty());
}

enum class Over { Nothing, Held, Deletion };

// A version of `path` that supersedes `v` besides what a change made here would: the content the
// folder holds under the name, with the folder's time and permission bits, or with nothing there a
// deletion built on the known deletions. What the folder holds must be a known version (not a
// change the next scan has yet to publish), unless `anyContent`: then a content that is no known
// version any more, because `v` superseded it or another way (below), goes out with its chunks.
Over settleOver(EngineContext& ctx, CaseIndex& cases, const QString& path, const QList<StateDb::Version>& versions,
                const StateDb::Version& v, bool anyContent)
{
    const auto local = ctx.db.local(path);
    // What the folder holds as its last scan recorded it, and still holds: not a file changed since
    // (or marked to be read again), not a deletion held for confirmation, nor a file the scan left
    // for later; and a state that says what it descends from (R24).
    bool special = false;
    const auto disk = statLocal(ctx.localPath(path), path, &special);
    if (local ? !disk || !sameStat(*disk, *local) || local->mtimeNs < 0 || !local->vv : disk || special)
        return Over::Nothing;
    const StateDb::Version* held = nullptr;
    for (const StateDb::Version& w : versions)
        if (local && holds(*local, w.record) && (!held || w.pending))
            held = &w;
    // (A content that is no known version, only for a lost one: one that `v` itself superseded, or
    // any other the folder holds as its scan recorded it, whose state no other known version supersedes
    // (model seed 1350073: a conflict's winner, its version superseded by a deletion made without
    // the conflict's loser, which got lost; the folder's state, which took that loser in, was
    // concurrent with the deletion, and the loser's author, the one to settle it, could not). As
    // an edit made here would, it goes out with its chunks. A folder, a known version of it or
    // not: model seed 1320090, where a file's version lost everywhere, concurrent with the folder
    // that took its name, was asked for under its conflict copy's name for ever; a folder made here
    // for files the others sent has no version of its own.)
    auto supersededElsewhere = [&] {
        return std::any_of(versions.cbegin(), versions.cend(), [&](const StateDb::Version& w) {
            return !(w.record.vv == v.record.vv) && w.record.vv.supersedes(*local->vv);
        });
    };
    if (local && !held && local->kind == Kind::File &&
        (!anyContent || (!v.record.vv.supersedes(*local->vv) && supersededElsewhere())))
        return Over::Nothing;
    // (What the folder holds, checked just above: every known version of that content with it.)
    const VersionVector base = local ? heldVector(*local, versions) : baseVector(local, versions);
    const VersionVector baseline = newLocalVector(base, versions, ctx.clientId); // a change made here
    JournalRecord r;
    bool renamed = false; // its content with the others already: no chunks (R27)
    if (local) {
        if (held) {
            r = held->record;
            r.blobs.clear();
            r.from = 0;
            r.repush = false;
        } else {
            r.path = path;
            r.kind = local->kind;
            if (r.kind == Kind::File) {
                r.size = local->size;
                r.hash = local->hash;
            }
        }
        // As the scan would record it: the folder's time and permission bits.
        if (local->kind == Kind::File) {
            r.mtimeMs = local->mtimeNs / 1'000'000;
            r.mode = cases.keepsModes() ? local->mode : 0;
        }
        for (const StateDb::Version& w : versions)
            renamed =
                renamed || (r.kind == Kind::File && w.record.sameContent(r) && (!w.pending || w.renamed));
    } else {
        r.path = path;
        r.kind = Kind::Deleted;
    }
    r.vv = newLocalVector(base.merged(v.record.vv), versions, ctx.clientId);
    r.origin = ctx.clientId;
    r.originName = ctx.settings.clientName;
    if (!supersedesOnly(r.vv, baseline, v.record.vv, versions))
        return Over::Nothing;
    const auto updated = integrated(versions, StateDb::Version{r, true, renamed});
    if (!updated)
        return Over::Nothing;
    ctx.db.setVersions(path, *updated);
    if (local) {
        StateDb::LocalEntry settled = *local;
        settled.vv = r.vv;
        ctx.db.putLocal(settled);
    }
    return local ? Over::Held : Over::Deletion;
}

} // namespace

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
    if (!settles(ctx, cases, path))
        return false;
    const auto local = ctx.db.local(path);
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
        const Over o = settleOver(ctx, cases, path, versions, v, false);
        if (o == Over::Nothing)
            continue;
        qCInfo(lcEngine).noquote()
            << QStringLiteral("[%1] %2: the version of %3 is superseded by %4, its conflict copy having been "
                              "deleted here")
                   .arg(ctx.settings.name, path, v.record.originName,
                        o == Over::Held ? QStringLiteral("what the folder holds") : QStringLiteral("a deletion"));
        return true;
    }
    return false;
}

QHash<QByteArray, QStringList> lostContents(const EngineContext& ctx, const QHash<QString, StateDb::Peer>& peers)
{
    // Every other client's head, as last read, says it wants the content or lacks it (no file of
    // its folder holds it): nobody can send it again (R23), and the relay has it no more (gone or
    // damaged, found so by a pass of this client that asked for it). A client whose head says
    // neither (it has not read the want yet, or it has been away) may hold it: the content stays
    // asked for.
    QHash<QByteArray, QStringList> out;
    struct Said
    {
        QString client;
        QSet<QByteArray> wants;
        QSet<QByteArray> lacks;
    };
    QList<Said> others;
    for (const StateDb::Peer& p : peers) {
        if (p.client == ctx.clientId)
            continue;
        if (p.wants.isEmpty() && p.lacks.isEmpty())
            return out; // (the common case: nothing to look at)
        others.append({p.client, QSet<QByteArray>(p.wants.cbegin(), p.wants.cend()),
                       QSet<QByteArray>(p.lacks.cbegin(), p.lacks.cend())});
    }
    if (others.isEmpty())
        return out; // alone: nobody has read the relay's chunks, which it keeps (R22)
    const QMultiHash<QByteArray, QString> wants = ctx.db.wants();
    for (const QByteArray& hash : wants.uniqueKeys()) {
        QStringList wanting{ctx.clientId};
        bool all = true;
        for (const Said& peer : std::as_const(others)) {
            if (peer.wants.contains(hash)) {
                if (!peer.lacks.contains(hash)) // (wanted and lacking: it cannot publish that name)
                    wanting << peer.client;
            } else
                all = all && peer.lacks.contains(hash);
        }
        if (all && !ctx.anyHolds(ctx.db.localWithHash(hash)))
            out.insert(hash, wanting);
    }
    return out;
}

QString lostContentSettler(const JournalRecord& version, const QStringList& wanting)
{
    // One client settles a version, so that one version settles each name (the others take it when
    // they read it): its author, the client whose folder lost it, when it asks for it too; else
    // the first, by id, of those that ask for it (less those whose heads say they lack it too:
    // they cannot publish the name, see lostContents).
    if (wanting.contains(version.origin))
        return version.origin;
    return wanting.isEmpty() ? QString() : *std::min_element(wanting.cbegin(), wanting.cend());
}

QSet<QByteArray> chunksGoneFromRelay(EngineContext& ctx, const QSet<QByteArray>& hashes)
{
    // Every chunk list known for each content: from the records of this pass, from the blob lists
    // this client keeps for contents it published or placed, and from the known versions of any
    // path with it. The objects they name are looked for (each folder listed once): a list whose
    // objects are all there may still bring the content, to this client once a record names it,
    // or to another that reads it.
    struct Listing
    {
        std::optional<QSet<QString>> names; // nullopt: the relay did not list it
        bool absent = false;                // ... saying it is not there
    };
    QHash<QString, Listing> listings;
    auto listing = [&](const QString& folder) {
        if (const auto it = listings.constFind(folder); it != listings.cend())
            return *it;
        QList<relay::RelayEntry> entries;
        const relay::RelayError e = ctx.store.list(folder, entries);
        Listing l{std::nullopt, e.kind == relay::RelayError::Kind::NotFound};
        if (e.ok()) {
            l.names.emplace();
            for (const relay::RelayEntry& entry : std::as_const(entries))
                l.names->insert(entry.name);
        }
        listings.insert(folder, l);
        return l;
    };
    // A folder's names; nullopt when the relay cannot say. One it says is not there counts as empty
    // only when the first of its parents it lists (up to the repository's own folder) does not show
    // it: some relays say "not found" for other failures.
    auto namesIn = [&](const QString& folder) -> std::optional<QSet<QString>> {
        const Listing own = listing(folder);
        if (own.names || !own.absent)
            return own.names;
        for (QString child = folder; !child.isEmpty();) {
            const QString parent = child.contains(QLatin1Char('/')) ? child.section(QLatin1Char('/'), 0, -2) : QString();
            const Listing up = listing(parent);
            if (up.names)
                return up.names->contains(child.section(QLatin1Char('/'), -1)) ? std::nullopt
                                                                              : std::optional<QSet<QString>>(QSet<QString>());
            if (!up.absent)
                return std::nullopt;
            child = parent;
        }
        return std::nullopt; // the repository's own folder said not there
    };
    const QMultiHash<QByteArray, QString> paths = ctx.db.pathsWithContents(hashes);
    QSet<QByteArray> gone;
    for (const QByteArray& hash : hashes) {
        QList<QList<protocol::BlobRef>> lists{ctx.contentSeen.value(hash), ctx.db.contentBlobs(hash)};
        for (auto it = paths.constFind(hash); it != paths.cend() && it.key() == hash; ++it)
            for (const StateDb::Version& v : ctx.db.versions(it.value()))
                if (v.record.kind == Kind::File && v.record.hash == hash)
                    lists.append(v.record.blobs);
        bool fetchable = false;
        for (const QList<protocol::BlobRef>& list : std::as_const(lists)) {
            if (list.isEmpty())
                continue;
            bool all = true;
            for (const protocol::BlobRef& b : list) {
                const std::optional<QSet<QString>> names = namesIn(protocol::layout::dataFolderOf(b.pack));
                if (!names) {
                    fetchable = true; // cannot say: not gone
                    break;
                }
                all = all && names->contains(b.pack);
            }
            fetchable = fetchable || all;
            if (fetchable)
                break;
        }
        if (!fetchable)
            gone.insert(hash);
    }
    return gone;
}

bool settleLostContent(EngineContext& ctx, CaseIndex& cases, Pass& pass, const QString& path,
                       const QList<StateDb::Version>& versions, const QHash<QByteArray, QStringList>& lost,
                       const QSet<QByteArray>& wantedHere)
{
    // A content asked for under `path` that no client holds and the relay no longer has (model
    // seeds 550023, 550047, 550110: the only file that held it was overwritten, or deleted, while
    // filters left it out there, so that its client published nothing; then its state was put back
    // from a backup, or the name let in again, and every client asked for it for ever). Its
    // version can never be placed in any folder: the name keeps what this folder holds, under a
    // version that also supersedes it (with nothing there, a deletion), as if its only holder had
    // published the change it made. What the folder holds may be a version that the lost one
    // superseded: it comes back, with its chunks.
    // One client settles each version (lostContentSettler).
    if (lost.isEmpty() || !settles(ctx, cases, path))
        return false;
    const auto local = ctx.db.local(path);
    for (const StateDb::Version& v : versions) {
        if (v.record.kind != Kind::File || !lost.contains(v.record.hash) || (local && holds(*local, v.record)) ||
            !wantedHere.contains(v.record.hash))
            continue;
        if (lostContentSettler(v.record, lost.value(v.record.hash)) != ctx.clientId)
            continue;
        const Over o = settleOver(ctx, cases, path, versions, v, true);
        if (o == Over::Nothing)
            continue;
        const auto held = ctx.db.local(path);
        pass.problem(
            o == Over::Held && held && held->kind == Kind::Directory
                ? trc("sync", "%1: the version of %2 is lost (no client holds its content and the relay "
                              "has it no more); the folder there replaces it everywhere")
                      .arg(path, v.record.originName)
            : o == Over::Held
                ? trc("sync", "%1: the version of %2 is lost (no client holds its content and the relay "
                              "has it no more); the file of this folder replaces it everywhere")
                      .arg(path, v.record.originName)
                : trc("sync", "%1: the version of %2 is lost (no client holds its content and the relay "
                              "has it no more); the name is deleted everywhere, as it is here")
                      .arg(path, v.record.originName));
        return true;
    }
    return false;
}

} // namespace escale::sync::engine
