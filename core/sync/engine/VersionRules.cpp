#include "sync/engine/VersionRules.h"

#include "sync/Resolution.h"

namespace escale::sync::engine {

using protocol::JournalRecord;
using protocol::VersionVector;
using state::StateDb;
using Kind = JournalRecord::Kind;

// Whether a known version is the content the folder holds at its path.
bool holds(const StateDb::LocalEntry& local, const JournalRecord& v)
{
    return v.kind == local.kind && (v.kind != Kind::File || v.hash == local.hash);
}

// The vector the content at a path descends from (R24): the vector recorded with the local
// entry; with nothing there, every known deletion. A known version of the same content is taken in
// only once a pass found the folder holding it (Materializer, "already there", records it in the
// entry): until then the entry may be older than that version (a state put back, a deletion held,
// a placement that found the disk changed), and a change made here stays concurrent with it (model
// seed 680062: a deletion from such an entry superseded another client's file made again with the
// same bytes, which the folder never held, and it was gone everywhere).
// An entry of an earlier release, without a vector, takes every known version, as it did then.
VersionVector baseVector(const std::optional<StateDb::LocalEntry>& local, const QList<StateDb::Version>& versions)
{
    VersionVector base = local && local->vv ? *local->vv : VersionVector();
    for (const StateDb::Version& v : versions)
        if (local ? !local->vv : v.record.kind == Kind::Deleted)
            base = base.merged(v.record.vv);
    return base;
}

VersionVector heldVector(const StateDb::LocalEntry& local, const QList<StateDb::Version>& versions)
{
    VersionVector base = baseVector(local, versions);
    for (const StateDb::Version& v : versions)
        if (holds(local, v.record))
            base = base.merged(v.record.vv);
    return base;
}

// A new version made here from `base`: this client's counter above every one it used for the
// path, so that two versions it made never share a vector.
VersionVector newLocalVector(const VersionVector& base, const QList<StateDb::Version>& versions,
                             const QString& self)
{
    quint64 mine = base.counter(self);
    for (const StateDb::Version& v : versions)
        mine = std::max(mine, v.record.vv.counter(self));
    return base.withCounter(self, mine + 1);
}

// The known versions `stored` with `incoming` added (R25): versions it supersedes go, the others
// keep their flags. std::nullopt when a known version is equal or newer.
std::optional<QList<StateDb::Version>> integrated(const QList<StateDb::Version>& stored,
                                                  const StateDb::Version& incoming)
{
    QList<JournalRecord> records;
    for (const StateDb::Version& v : stored)
        records.append(v.record);
    if (!integrateVersion(records, incoming.record))
        return std::nullopt;
    QList<StateDb::Version> out;
    for (const JournalRecord& r : std::as_const(records)) {
        StateDb::Version kept = incoming;
        for (const StateDb::Version& v : stored)
            if (v.record.vv == r.vv)
                kept = v;
        out.append(kept);
    }
    return out;
}

// The element-wise maximum of every known version of a path: what the folder reflects once it
// holds their resolution (R26), the winner under the name and the others as copies.
bool sameBits(const JournalRecord& a, const JournalRecord& b)
{
    return a.sameContent(b) && (a.mode == b.mode || a.mode == 0 || b.mode == 0);
}

VersionVector mergedVector(const QList<StateDb::Version>& versions)
{
    VersionVector all;
    for (const StateDb::Version& v : versions)
        all = all.merged(v.record.vv);
    return all;
}

std::optional<QList<StateDb::Version>> lettingGo(const QString& path, const QString& copy,
                                                 const StateDb::LocalEntry& former,
                                                 const std::optional<StateDb::LocalEntry>& local,
                                                 const QList<StateDb::Version>& versions, const QString& self,
                                                 const QString& selfName)
{
    if (former.kind != Kind::File || (local && local->kind == Kind::File && local->hash == former.hash))
        return std::nullopt; // the name holds it here
    const auto source = std::find_if(versions.cbegin(), versions.cend(), [&](const StateDb::Version& v) {
        if (v.record.kind != Kind::File || v.record.hash != former.hash || conflictCopyPath(path, v.record) != copy)
            return false;
        const VersionVector own = conflictCopyVector(path, v.record);
        const QString counter = own.counters().firstKey();
        return former.vv && former.vv->counters().value(counter) >= own.counters().value(counter);
    });
    if (source == versions.cend())
        return std::nullopt;
    JournalRecord r;
    r.path = path;
    r.kind = Kind::Deleted;
    r.vv = newLocalVector(source->record.vv, versions, self);
    r.origin = self;
    r.originName = selfName;
    // It must supersede that version alone: its own counter, one above the highest this client used
    // for the path, could also reach a version of this client concurrent with it (made before it
    // was known here). Then nothing is let go: the content stays asked for, nothing is lost.
    if (!supersedesOnly(r.vv, VersionVector(), source->record.vv, versions))
        return std::nullopt;
    return integrated(versions, StateDb::Version{r, true});
}

bool supersedesOnly(const VersionVector& made, const VersionVector& baseline, const VersionVector& aim,
                    const QList<StateDb::Version>& versions)
{
    for (const StateDb::Version& v : versions)
        if (!(v.record.vv == aim) && made.supersedes(v.record.vv) && !baseline.supersedes(v.record.vv))
            return false;
    return true;
}

} // namespace escale::sync::engine
