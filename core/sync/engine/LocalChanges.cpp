#include "sync/engine/LocalChanges.h"

#include "Tr.h"
#include "log/Logging.h"
#include "protocol/LocalLayout.h"
#include "scan/Scanner.h"
#include "sync/Conflicts.h"
#include "sync/DeletionGuard.h"
#include "sync/engine/CaseIndex.h"
#include "sync/engine/EngineContext.h"
#include "sync/engine/LocalFiles.h"
#include "sync/engine/Pass.h"
#include "sync/engine/VersionRules.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

namespace escale::sync::engine {

using protocol::JournalRecord;
using protocol::VersionVector;
using state::Meta;
using state::StateDb;
using Kind = JournalRecord::Kind;

namespace {
// A file of at most 64 KiB the scan hashed is kept for the push, up to 64 MiB in all.
constexpr qint64 kKeptFileSize = 64 * 1024;
constexpr qint64 kKeptBytes = 64LL * 1024 * 1024;
} // namespace

LocalChanges::LocalChanges(EngineContext& context, CaseIndex& cases)
    : m_ctx(context)
    , m_cases(cases)
{}

void LocalChanges::scanLocal(Pass& pass)
{
    scan::Scanner::Options options;
    options.hiddenFiles = m_ctx.settings.hiddenFiles;
    options.stableAfterMs = m_ctx.settings.settleMs;
    options.observed = &m_observed;
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    if (m_ctx.watcher) {
        m_ctx.watcher->drain(); // what the file system said up to now
        if (!m_fullScan && !m_deletionsConfirmed && m_ctx.watcher->vouches() &&
            m_ctx.watcher->events() == m_eventsAtScan && nowMs >= m_scannedAtMs &&
            nowMs - m_scannedAtMs < m_ctx.settings.refreshMs) {
            pass.result.folderScanned = false; // nothing happened in the folder since the last look
            return;
        }
        m_eventsAtScan = m_ctx.watcher->events(); // what happens from now on, the next pass sees
        options.writeState = [w = m_ctx.watcher](const QString& p, qint64 mtimeNs) {
            return w->writeState(p, mtimeNs);
        };
    }
    m_scannedAtMs = nowMs;
    m_fullScan = false;
    if (!m_ctx.filter.isEmpty() || !m_ctx.access.isEmpty()) {
        // What this client sends: its filters, and the 'send' access flags (r+/r-).
        options.acceptFile = [this](const QString& p) {
            return m_ctx.filter.acceptsFile(p) && m_ctx.accessOf(p).send;
        };
        options.acceptDirectory = [this](const QString& p) {
            return m_ctx.filter.acceptsDirectory(p) && m_ctx.accessOf(p).send;
        };
        options.descend = [this](const QString& p) {
            return m_ctx.filter.descendsInto(p);
        };
    }
    // Big files are cut into blobs as they are hashed (only what is new is read again to send),
    // when this client sends and the repository's seed is known: read with the header, or the
    // plain repositories' before it (a first pass; an encrypted repository's keys may still be
    // derived meanwhile: then the push cuts, once they are, as when the seed turns out another).
    const bool plain =
        m_ctx.settings.encryption == config::Encryption::Off && m_ctx.store.codec().isIdentity();
    if (m_ctx.sends() && (m_ctx.repositoryChecked || plain)) {
        options.gear = &m_ctx.gear();
        pass.scannedCutsSeed = m_ctx.gearSeed();
        if (m_ctx.settings.scanCutsFrom >= 0)
            options.cutFrom = m_ctx.settings.scanCutsFrom;
    }
    // Small files are sent as the scan read them, not read again (10,000 files of 4 KiB: 40 MB).
    if (m_ctx.sends()) {
        options.keepUpTo = m_ctx.settings.scanKeepsUpTo >= 0 ? m_ctx.settings.scanKeepsUpTo : kKeptFileSize;
        options.keepBudget = kKeptBytes;
        options.checks = true;
    }
    const QHash<QString, StateDb::LocalEntry> known = m_ctx.db.allLocal();
    scan::Scanner::Result scanned = scan::Scanner::scan(m_ctx.settings.localPath, known, options);
    pass.scannedCuts = std::move(scanned.cuts);
    pass.scannedChecks = std::move(scanned.checks);
    if (scanned.rootMissing) {
        pass.fail(PassResult::Status::LocalFolder,
                  trc("sync", "the local folder %1 does not exist: create it, or mount the disk it is on")
                      .arg(m_ctx.settings.localPath));
        return;
    }
    for (const QString& p : scanned.problems)
        pass.problem(p);
    // Said once per run (they stay as they are until renamed), never taken for missing files.
    for (const QString& p : scanned.unsupportedNames)
        if (!m_reportedNames.contains(p)) {
            m_reportedNames.insert(p);
            pass.problem(p);
        }
    for (const QString& p : scanned.skipped)
        if (!m_reportedNames.contains(p)) {
            m_reportedNames.insert(p);
            qCInfo(lcEngine).noquote() << QStringLiteral("[%1] %2").arg(m_ctx.settings.name, p);
        }
    if (scanned.unstable > 0)
        pass.result.complete = false; // come back soon for the files being written
    pass.result.settling = scanned.settling;
    if (m_observed.size() > scanned.settling) { // first looks at files that went meanwhile
        const qint64 old = (QDateTime::currentMSecsSinceEpoch() - 60'000) * 1'000'000;
        for (auto it = m_observed.begin(); it != m_observed.end();)
            it = it->seenNs < old ? m_observed.erase(it) : std::next(it);
    }
    // Mass-delete safety: a folder that lost its marker (an unmounted disk leaves an empty
    // mount point) or that lost many files at once keeps its deletions until confirmed.
    const QString marker = m_ctx.localPath(protocol::local::folderMarker());
    const bool marked = m_ctx.db.meta(Meta::Marked) == QLatin1String("1");
    if (marked && !QFileInfo::exists(marker) && !m_deletionsConfirmed) {
        pass.result.markerLost = true;
        pass.fail(PassResult::Status::LocalFolder,
                  trc("sync", "the folder %1 lost its marker .escale-folder: is the disk mounted? If you emptied it "
                              "on purpose, confirm the deletions (escalectl confirm-deletions, or escale "
                              "--confirm-deletions)")
                      .arg(m_ctx.settings.localPath));
        return;
    }
    int knownFiles = 0;
    for (const StateDb::LocalEntry& e : known)
        knownFiles += e.kind == Kind::File ? 1 : 0;
    int removedFiles = 0;
    for (const QString& path : scanned.removed)
        removedFiles += known.value(path).kind == Kind::File ? 1 : 0;
    // Counted over time: files still disappearing wait for the deletion to end, and what was
    // published within the window counts with what is found now (DeletionGuard).
    DeletionGuard::Settings guard;
    guard.percent = m_ctx.settings.deleteThresholdPercent;
    guard.count = m_ctx.settings.deleteThresholdCount;
    guard.quietMs = m_ctx.settings.deletionQuietMs >= 0 ? m_ctx.settings.deletionQuietMs : 3 * m_ctx.settings.settleMs;
    const qint64 now = m_ctx.now();
    if (removedFiles > m_goneSeen)
        m_goneGrewMs = now;
    m_goneSeen = removedFiles;
    QList<DeletionGuard::Published> recent;
    for (const QJsonValue& v : QJsonDocument::fromJson(m_ctx.db.meta(Meta::Deletions).toUtf8()).array())
        if (const QJsonArray a = v.toArray(); now - qint64(a.at(0).toDouble()) <= guard.windowMs)
            recent.append(DeletionGuard::Published{qint64(a.at(0).toDouble()), a.at(1).toInt()});
    const DeletionGuard::Verdict verdict =
        DeletionGuard::decide(guard, removedFiles, knownFiles, recent, now, m_goneGrewMs, m_deletionsConfirmed);
    const bool holdDeletions = verdict != DeletionGuard::Verdict::Publish;
    // What this look reports (deletions held, unreadable files, files still written) is looked at
    // again by the next pass, whatever the watcher says: each pass says where the folder stands.
    if (holdDeletions || !pass.result.problems.isEmpty() || scanned.unstable > 0)
        m_fullScan = true;
    if (verdict == DeletionGuard::Verdict::Hold) {
        const int earlier = DeletionGuard::recentCount(guard, recent, now);
        pass.result.deletionsHeld = int(scanned.removed.size());
        const QString held =
            earlier > 0 ? trc("sync", "%1 of %2 files are gone from %3 within the last hour: their deletion waits "
                                      "for confirmation (escalectl confirm-deletions, the activity window, or "
                                      "escale --confirm-deletions)")
                        : trc("sync", "%1 of %2 files are gone from %3: their deletion waits for confirmation "
                                      "(escalectl confirm-deletions, the activity window, or escale "
                                      "--confirm-deletions)");
        pass.problem(held.arg(removedFiles + earlier).arg(knownFiles + earlier).arg(m_ctx.settings.localPath));
    } else if (verdict == DeletionGuard::Verdict::Wait) {
        pass.result.complete = false; // looked at again once files stop disappearing
    } else if (removedFiles > 0) {
        recent.append(DeletionGuard::Published{now, removedFiles});
        QJsonArray list;
        for (const DeletionGuard::Published& p : std::as_const(recent))
            list.append(QJsonArray{double(p.atMs), p.files});
        m_ctx.db.setMeta(Meta::Deletions, QString::fromUtf8(QJsonDocument(list).toJson(QJsonDocument::Compact)));
        m_goneSeen = 0;
    }
    if (m_deletionsConfirmed && removedFiles > 0)
        m_ctx.db.removeMeta(Meta::Deletions); // what the user confirmed starts a new window
    m_deletionsConfirmed = false;

    // Downloads cut short by a crash: nothing refers to them any more (section 10).
    // Temporary downloads of an interrupted pass go; files being received in pieces stay (R28).
    QSet<QString> partials;
    for (const StateDb::Partial& p : m_ctx.db.partials())
        partials.insert(QFileInfo(p.temp).fileName()); // random names: unique
    for (const QString& leftover : scanned.leftovers)
        if (!partials.contains(QFileInfo(leftover).fileName()))
            QFile::remove(leftover);

    m_ctx.db.begin();
    // A new local version descends from what the folder held (R24): the vector of the content
    // at the path, never a version known but not placed here (which stays concurrent with it,
    // so that R26 keeps both).
    auto newVersion = [this](const QString& path, const std::optional<StateDb::LocalEntry>& before,
                             const QList<StateDb::Version>& versions) {
        JournalRecord r;
        r.path = path;
        r.vv = newLocalVector(baseVector(before, versions), versions, m_ctx.clientId);
        r.origin = m_ctx.clientId;
        r.originName = m_ctx.settings.clientName;
        return r;
    };
    auto previous = [&known](const QString& path) -> std::optional<StateDb::LocalEntry> {
        const auto it = known.constFind(path);
        return it == known.cend() ? std::nullopt : std::optional<StateDb::LocalEntry>(*it);
    };
    // Files found again where a held deletion was (a scan found them gone while it held their
    // deletions: table held_gone). A rename keeps size, time and inode, so such a file may look
    // exactly as its entry says; it was put there by the user all the same (R24):
    // - moved back from a path the same scan finds gone (held or not), it is a new version that
    //   keeps it, whatever is known of it yet: the deletion of the place it was moved to supersedes
    //   the version there, and a version superseding its entry may come later (model seed 820088:
    //   bob moved his folder back after alice had moved it; 700027: a conflict copy renamed back to
    //   its name, whose winner had taken in the copy's version);
    // - put back from elsewhere (the trash, a disk mounted again), it is a new version when what
    //   its entry held was superseded by a deletion, and its content is nowhere else in the folder
    //   as known; an edit made elsewhere meanwhile is placed over it, as if it had never gone.
    // Only where versions are placed: elsewhere nothing replaces it (upload only, receive off).
    const QSet<QString> heldStored = m_ctx.db.heldGone();
    const QSet<QString> heldGone = m_ctx.sends() && m_ctx.receives() ? heldStored : QSet<QString>();
    QSet<QString> removed; // (as a set)
    for (const QString& path : std::as_const(scanned.removed))
        removed.insert(path);
    QSet<QString> putBack;
    QSet<QString> unread;     // of putBack: found as their entry says, so not read by the scan
    QSet<QString> foundAgain; // held-gone paths this scan looked at, there again
    if (!heldGone.isEmpty()) {
        QHash<QString, StateDb::LocalEntry> candidates; // with the content of their entry
        for (const StateDb::LocalEntry& e : std::as_const(scanned.changed))
            if (heldGone.contains(e.path))
                foundAgain.insert(e.path); // (other bytes: a change like any other)
        for (const StateDb::LocalEntry& e : std::as_const(scanned.restatted))
            if (heldGone.contains(e.path))
                candidates.insert(e.path, e);
        for (const QString& path : heldGone) {
            const auto before = known.constFind(path);
            if (before == known.cend() || before->kind != Kind::File || foundAgain.contains(path) ||
                candidates.contains(path) || removed.contains(path) || !m_ctx.looksAt(path))
                continue;
            // (A file being written, or unreadable, was not looked at: its row stays for the next.)
            if (const auto disk = statLocal(m_ctx.localPath(path), path); disk && sameStat(*disk, *before)) {
                candidates.insert(path, *before);
                unread.insert(path);
            }
        }
        // The same scan's gone files (held or not): their contents, and their inodes (a rename keeps
        // the inode: an empty file, whose content is everywhere, is known moved back by it).
        QSet<QByteArray> goneContents;
        QSet<quint64> goneInodes;
        for (const QString& path : std::as_const(scanned.removed)) {
            const StateDb::LocalEntry gone = known.value(path);
            if (gone.kind != Kind::File)
                continue;
            if (gone.size > 0)
                goneContents.insert(gone.hash);
            if (gone.inode != 0)
                goneInodes.insert(gone.inode);
        }
        QHash<QString, QByteArray> againstDeletion;
        QSet<QByteArray> contents;
        for (auto it = candidates.cbegin(); it != candidates.cend(); ++it) {
            const StateDb::LocalEntry& e = it.value();
            if (!m_ctx.selected(e.path, Kind::File))
                continue; // (not received now: looked at again once it is)
            foundAgain.insert(e.path);
            const StateDb::LocalEntry& before = known[e.path];
            bool held = false, edited = false;
            const QList<StateDb::Version> versions = m_ctx.db.versions(e.path);
            for (const StateDb::Version& v : versions) {
                held = held || (v.record.kind == Kind::File && v.record.hash == e.hash);
                edited = edited ||
                         (v.record.kind != Kind::Deleted && before.vv && v.record.vv.supersedes(*before.vv));
            }
            if (versions.isEmpty())
                continue;
            if ((e.size > 0 && goneContents.contains(e.hash)) || (e.inode != 0 && goneInodes.contains(e.inode))) {
                putBack.insert(e.path); // moved back
            } else if (!held && !edited && e.size == 0) {
                putBack.insert(e.path); // (an empty file's "content" is everywhere: no move to find)
            } else if (!held && !edited) {
                againstDeletion.insert(e.path, e.hash);
                contents.insert(e.hash);
            }
        }
        // (Its content at another path, as known: that deletion was a move, or a copy let go, R26.
        // Not a copy this folder's user made, as its scan found it: the user may have copied the
        // files back, not moved them, and delete the others next.)
        if (!againstDeletion.isEmpty()) {
            const QMultiHash<QByteArray, QString> elsewhere = m_ctx.db.pathsWithContents(contents);
            auto ownCopy = [&](const QString& path, const QByteArray& hash) {
                const auto entry = known.constFind(path);
                return entry != known.cend() && entry->kind == Kind::File && entry->hash == hash &&
                       entry->origin == m_ctx.clientId;
            };
            for (auto it = againstDeletion.cbegin(); it != againstDeletion.cend(); ++it) {
                bool kept = false;
                for (auto at = elsewhere.constFind(*it); at != elsewhere.cend() && at.key() == *it; ++at)
                    kept = kept || (*at != it.key() && !removed.contains(*at) && !ownCopy(*at, *it));
                if (!kept)
                    putBack.insert(it.key());
            }
        }
        for (auto it = scanned.restatted.begin(); it != scanned.restatted.end();) {
            if (putBack.contains(it->path)) {
                scanned.changed.append(*it);
                it = scanned.restatted.erase(it);
            } else {
                ++it;
            }
        }
        for (const QString& path : std::as_const(unread)) {
            if (putBack.contains(path))
                scanned.changed.append(candidates.value(path));
        }
    }
    // Renames and moves: a new file whose content is that of a file gone in the same scan.
    // Others hold that content already; its record goes out without chunks (R27). Also while the
    // deletions wait (files still disappearing, for three times the settle time: every rename as
    // Escale runs) or are held: the others keep the source meanwhile, and copy it. (Its content
    // was sent again with each rename until then.)
    QMultiHash<QByteArray, QString> goneByHash;
    for (const QString& path : scanned.removed) {
        const StateDb::LocalEntry gone = known.value(path);
        if (gone.kind == Kind::File && gone.size > 0)
            goneByHash.insert(gone.hash, path);
    }
    for (StateDb::LocalEntry e : scanned.changed) {
        // (Only what was read: a file whose bits alone changed keeps the hash it had, which its
        // bytes may no longer match if they changed in place, keeping their size and time: model
        // seed 40649, where such bytes were packed under that hash.)
        if (!scanned.bitsOnly.contains(e.path) && !unread.contains(e.path)) {
            pass.scannedNow.insert(e.path);
            if (const auto kept = scanned.contents.constFind(e.hash); kept != scanned.contents.cend())
                pass.scannedContents.insert(e.path, Pass::Kept{e.hash, *kept, scanned.keptMemory});
        }
        e.origin = m_ctx.clientId;
        const std::optional<StateDb::LocalEntry> before = previous(e.path);
        const QList<StateDb::Version> current = m_ctx.db.versions(e.path);
        if (!m_ctx.sends()) {
            // Not published: the content keeps the vector it had (a newer version replaces it).
            e.vv = baseVector(before, current);
            m_ctx.db.putLocal(e);
            continue;
        }
        JournalRecord r = newVersion(e.path, before, current);
        r.kind = e.kind;
        if (e.kind == Kind::File) {
            r.size = e.size;
            r.mtimeMs = e.mtimeNs / 1'000'000;
            r.hash = e.hash;
            r.mode = m_cases.keepsModes() ? e.mode : 0;
        }
        // Content already known for this path (e.g. a touched file, or the very edit another
        // machine made) is no new version: the folder now holds that version. (Not a file moved
        // back where a held deletion was: a deletion made before the move back may come later.)
        const JournalRecord& only = current.size() == 1 ? current.first().record : r;
        if (current.size() == 1 && sameBits(only, r) && !putBack.contains(e.path)) {
            e.vv = current.first().record.vv.merged(baseVector(before, current));
            m_ctx.db.putLocal(e);
            continue;
        }
        e.vv = r.vv;
        m_ctx.db.putLocal(e);
        // The same content as a version already published (a change of permission bits alone):
        // the others have it, nothing travels but the record (R27).
        bool renamed = false;
        for (const StateDb::Version& v : current)
            renamed = renamed || (!v.pending && e.kind == Kind::File && v.record.sameContent(r));
        if (e.kind == Kind::File && (!before || putBack.contains(e.path))) {
            const auto source = goneByHash.find(e.hash);
            if (source != goneByHash.end()) {
                // Only when the source's content was published, so that others can have it.
                for (const StateDb::Version& v : m_ctx.db.versions(source.value()))
                    renamed =
                        renamed || (!v.pending && v.record.kind == Kind::File && v.record.hash == e.hash);
                if (renamed)
                    goneByHash.erase(source);
            }
        }
        if (e.kind == Kind::File && !renamed)
            pass.contentToSend += e.size;
        // The new version supersedes what the folder held; a version known but not placed here
        // stays beside it, concurrent (R26).
        if (const auto updated = integrated(current, StateDb::Version{r, true, renamed})) {
            m_ctx.db.setVersions(e.path, *updated);
            keepsConcurrent(pass, e.path, *updated);
        }
    }
    for (StateDb::LocalEntry e : scanned.restatted) {
        e.origin = known.value(e.path).origin;
        e.vv = known.value(e.path).vv;
        m_ctx.db.putLocal(e);
    }
    for (const QString& path : holdDeletions ? QStringList() : scanned.removed) {
        const std::optional<StateDb::LocalEntry> before = previous(path);
        m_ctx.db.removeLocal(path);
        if (!m_ctx.sends())
            continue;
        const QList<StateDb::Version> current = m_ctx.db.versions(path);
        if (current.isEmpty())
            continue;
        JournalRecord r = newVersion(path, before, current);
        r.kind = Kind::Deleted;
        if (const auto updated = integrated(current, StateDb::Version{r, true})) {
            m_ctx.db.setVersions(path, *updated);
            keepsConcurrent(pass, path, *updated);
        }
    }
    // Paths no longer selected (filters, hidden files, access flags) keep their entry: nothing is
    // published for them while they are left out, and when they are let in again, what changed
    // meanwhile builds on what the folder held (R24).
    // A conflict copy edited, renamed or deleted here resolves its conflict (R26): the name keeps
    // what it holds, under a version that supersedes the losing one, so that the losing version
    // never needs its content again (it lives on in the copy's new version, or was let go). Where
    // the folder does not hold the name's winner, the version the copy was made from is superseded
    // by a deletion once no file here holds its content (letGoCopiedVersions).
    if (m_ctx.sends()) {
        QSet<QString> touched;
        for (const StateDb::LocalEntry& e : scanned.changed)
            touched.insert(e.path);
        QStringList copies;
        for (const StateDb::LocalEntry& e : scanned.changed)
            if (known.contains(e.path) && !putBack.contains(e.path)) // (a copy put back is no edit)
                copies << e.path;
        if (!holdDeletions)
            copies += scanned.removed;
        for (const QString& copy : std::as_const(copies)) {
            const auto conflict = parseConflictCopy(copy);
            if (!conflict || touched.contains(conflict->original))
                continue;
            // What the copy held before: a file with the content its name's tag names.
            const std::optional<StateDb::LocalEntry> former = previous(copy);
            const bool tagged = former && former->kind == Kind::File && !conflict->tag.isEmpty() &&
                                former->hash.toHex().startsWith(conflict->tag.toLatin1());
            settleConflict(pass, conflict->original, copy, tagged ? former : std::nullopt);
        }
    }
    // What this scan found gone and held; and, still, what it did not look at (a file being written,
    // unreadable, left out by filters or flags for now). Judged only where versions are both made
    // and placed; in another mode kept as they are, for when the folder is shared again.
    QSet<QString> goneHeld = m_ctx.sends() && m_ctx.receives() ? QSet<QString>() : heldStored;
    if (m_ctx.sends() && m_ctx.receives()) {
        for (const QString& path : holdDeletions ? scanned.removed : QStringList())
            if (known.value(path).kind == Kind::File)
                goneHeld.insert(path);
        for (const QString& path : heldGone)
            if (known.contains(path) && !foundAgain.contains(path) && !removed.contains(path))
                goneHeld.insert(path);
    }
    // A file gone from here, whose size, time and inode (a rename keeps them) the entry of a path
    // this scan does not look at records (its send flag off, filtered out, hidden): the file may
    // have moved there, now or on its way back through other places, and that entry, from before it
    // left, no longer says what the path holds (model seed 1710031: a folder moved away and back
    // while it was not sent; a deletion of the entry's version took the file, whose other copy the
    // move back had deleted). Held as if found gone, in every mode: the pull places nothing there,
    // and the scan that looks at the path again judges what it finds (put back, above).
    QMultiHash<quint64, const StateDb::LocalEntry*> goneHere;
    for (const QString& path : std::as_const(scanned.removed))
        if (const auto it = known.constFind(path);
            it != known.cend() && it->kind == Kind::File && it->inode != 0)
            goneHere.insert(it->inode, &*it);
    for (auto it = goneHere.isEmpty() ? known.cend() : known.cbegin(); it != known.cend(); ++it) {
        if (it->kind != Kind::File || !goneHere.contains(it->inode) || removed.contains(it->path) ||
            m_ctx.looksAt(it->path))
            continue;
        for (auto gone = goneHere.constFind(it->inode); gone != goneHere.cend() && gone.key() == it->inode;
             ++gone)
            if ((*gone)->size == it->size && (*gone)->mtimeNs == it->mtimeNs)
                goneHeld.insert(it->path);
    }
    if (goneHeld != heldStored)
        m_ctx.db.setHeldGone(goneHeld);
    m_ctx.db.commit();
    qCDebug(lcEngine).noquote() << QStringLiteral("[%1] scanned %2 files: %3 changed, %4 removed")
                                       .arg(m_ctx.settings.name)
                                       .arg(scanned.filesSeen)
                                       .arg(scanned.changed.size())
                                       .arg(scanned.removed.size());
}

void LocalChanges::keepsConcurrent(Pass& pass, const QString& path, const QList<StateDb::Version>& versions)
{
    // A version made here that leaves others beside it (concurrent, R26) may change what the
    // folder is to hold there: a deletion made here of the file that won a conflict leaves the
    // losing version the winner, which this folder then holds nowhere under that name (model seed
    // 50530: the others placed it, this machine never looked at the path again). The folder is
    // made to match in this pass, as for a version read from the relay.
    // (Set aside too: a pass that stops before the folder is made to match does it at the next.)
    if (versions.size() > 1) {
        pass.affected << path;
        m_ctx.lookAgain(path);
    }
}

void LocalChanges::settleConflict(Pass& pass, const QString& path, const QString& copy,
                                  const std::optional<StateDb::LocalEntry>& former)
{
    const QList<StateDb::Version> versions = m_ctx.db.versions(path);
    QList<JournalRecord> records;
    for (const StateDb::Version& v : versions)
        records.append(v.record);
    const Resolution resolution = resolve(path, records);
    const auto listed = std::find_if(resolution.copies.cbegin(), resolution.copies.cend(),
                                     [&](const JournalRecord& c) { return c.path == copy; });
    const auto local = m_ctx.db.local(path);
    // Where the folder holds the resolution (the winner under the name), the name's next version
    // takes the copy's losing versions in (below). Elsewhere, the versions of the name whose
    // content the copy held are let go (model seed 360205).
    if (listed == resolution.copies.cend() || resolution.kind != Kind::File || !local ||
        local->kind != Kind::File || local->hash != resolution.winner.hash) {
        letGoCopiedVersions(pass, path, copy, former);
        return;
    }
    // The name's next version supersedes the winner and the losing versions that copy holds (their
    // bytes are the copy's, changed or deleted here), whether or not the folder's state had taken
    // them in (model seed 190044: left out, a losing version outlived its copy, and its content,
    // held by nobody any more, was asked for forever).
    VersionVector base = heldVector(*local, versions); // (the name holds the winner)
    for (const StateDb::Version& v : versions)
        if (v.record.sameContent(*listed))
            base = base.merged(v.record.vv);
    JournalRecord r = resolution.winner;
    r.vv = newLocalVector(base, versions, m_ctx.clientId);
    r.origin = m_ctx.clientId;
    r.originName = m_ctx.settings.clientName;
    r.blobs.clear();
    r.from = 0;
    r.repush = false;
    // Its content is the winner's, which the others have: no chunks travel (as for a rename, R27),
    // unless the winner is a version of this client not sent yet.
    bool published = false;
    for (const StateDb::Version& v : versions)
        published = published || (!v.pending && v.record.sameContent(r));
    if (const auto updated = integrated(versions, StateDb::Version{r, true, published})) {
        m_ctx.db.setVersions(path, *updated);
        StateDb::LocalEntry settled = *local;
        settled.vv = r.vv;
        m_ctx.db.putLocal(settled);
        qCInfo(lcEngine).noquote() << QStringLiteral("[%1] the conflict on %2 is settled: %3 was changed here")
                                          .arg(m_ctx.settings.name, path, copy);
        // A copy of a copy: the name it is the copy of is settled too (its losing version lived on
        // in the version of `path` just replaced).
        if (const auto outer = parseConflictCopy(path))
            settleConflict(pass, outer->original, path, std::nullopt);
    }
}

void LocalChanges::letGoCopiedVersions(Pass& pass, const QString& path, const QString& copy,
                                       const std::optional<StateDb::LocalEntry>& former)
{
    // The copy held the content of a version of the name that the folder does not hold under it:
    // a losing version whose name waits to be placed here, or one that won the name again since
    // its copy was made (the versions that beat it were deleted elsewhere, by clients that never
    // knew it, and content beats deletion) before a pass placed it. Changed or deleted here, the
    // copy held its content last (model seed 360205); nothing may ask for it any more. That
    // version is superseded by a deletion made here, concurrent with every other version of the
    // name, which keeps the name if one holds content. Its content lives on in the copy's new
    // version, or was let go.
    // Only the version this very copy was made from: named after it, the copy's vector carrying its
    // copy's counter (not a later version of the same content made elsewhere on purpose, such as
    // "keep the copy" on another machine), and only when no file of the folder holds that content
    // any more (permission bits changed, the copy renamed: it is still here).
    if (!former || !m_ctx.db.localWithHash(former->hash).isEmpty())
        return;
    const auto updated = lettingGo(path, copy, *former, m_ctx.db.local(path), m_ctx.db.versions(path),
                                   m_ctx.clientId, m_ctx.settings.clientName);
    if (!updated)
        return;
    m_ctx.db.setVersions(path, *updated);
    keepsConcurrent(pass, path, *updated);
    qCInfo(lcEngine).noquote() << QStringLiteral("[%1] %2 was changed here: the version of %3 it held is let go")
                                      .arg(m_ctx.settings.name, copy, path);
}

} // namespace escale::sync::engine
