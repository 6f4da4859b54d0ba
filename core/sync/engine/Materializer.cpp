#include "sync/engine/Materializer.h"

#include "Tr.h"
#include "config/Units.h"
#include "log/Logging.h"
#include "protocol/LocalLayout.h"
#include "sync/Conflicts.h"
#include "sync/LocalArchive.h"
#include "sync/Resolution.h"
#include "sync/engine/CaseIndex.h"
#include "sync/engine/EngineContext.h"
#include "sync/engine/LocalFiles.h"
#include "sync/engine/Pass.h"
#include "sync/engine/Settlements.h"
#include "sync/engine/VersionRules.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QScopeGuard>
#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace escale::sync::engine {

using protocol::JournalRecord;
using protocol::VersionVector;
using relay::RelayError;
using state::StateDb;
using Kind = JournalRecord::Kind;

Materializer::Materializer(EngineContext& context, CaseIndex& cases, ContentFetcher& fetcher)
    : m_ctx(context)
    , m_cases(cases)
    , m_fetcher(fetcher)
    , m_folders(context)
    , m_held(context)
{}

bool Materializer::materializePaths(Pass& pass, QStringList affected, const QList<JournalRecord>& pieces)
{
    // Pieces first, in journal order (R28); then folders (parents before children), files, and
    // deletions (children first). One transaction for the batch: what is written to disk is
    // recorded together. A path that cannot be placed is set aside with its cause and tried
    // again at every pass; only a relay that fails makes the batch wait (false).
    m_ctx.db.begin();
    m_folders.forget();
    m_held.load();
    affected.removeDuplicates();
    std::sort(affected.begin(), affected.end());
    QStringList deletions;
    QStringList late;
    bool reachable = true;
    auto settle = [&](const QString& p, Outcome o) {
        if (o == Outcome::Retry)
            reachable = false;
        if (o == Outcome::Done)
            m_ctx.db.removeWantsOf(p); // it waits for nothing any more
        if (o != Outcome::Deferred && o != Outcome::Retry)
            m_ctx.db.removeSetAside(p);
    };
    for (const JournalRecord& piece : pieces)
        if (m_ctx.selected(piece.path, Kind::File) && receivePiece(pass, piece) == Outcome::Retry)
            reachable = false;
    QList<std::pair<QString, Resolution>> targets;
    m_goneFromRelay.clear();
    for (const QString& p : std::as_const(affected)) {
        QList<StateDb::Version> versions = m_ctx.db.versions(p);
        // Where versions are concurrent, one a copy deleted here held may be settled first (at most
        // one round per version; a path with one version reads nothing more).
        for (qsizetype round = versions.size();
             round > 1 && m_ctx.sends() && settleCopyDeletedHere(m_ctx, m_cases, p, versions); --round)
            versions = m_ctx.db.versions(p);
        QList<JournalRecord> records;
        for (const StateDb::Version& v : std::as_const(versions))
            records.append(v.record);
        targets.append({p, resolve(p, records)});
        if (targets.last().second.kind == Kind::File)
            m_batchFiles.insert(targets.last().second.winner.hash, p);
    }
    // The files this batch will fetch: counted for the progress, and the one-chunk ones, in the
    // order it writes them, go ahead.
    m_fetcher.startBatch();
    for (const auto& [p, target] : std::as_const(targets)) {
        if (target.kind != Kind::File || !m_ctx.selected(p, Kind::File))
            continue;
        const auto local = m_ctx.db.local(p);
        if (local && local->kind == Kind::File && local->hash == target.winner.hash)
            continue; // already here
        ++m_ctx.progress.filesToReceive;
        m_ctx.progress.bytesToReceive += target.winner.size;
        if (target.winner.blobs.size() == 1 && target.winner.from == 0 &&
            m_ctx.db.localWithHash(target.winner.hash).isEmpty()) // else copied from here
            m_fetcher.fetchAhead(target.winner.blobs.first());
    }
    m_ctx.reportProgress();
    for (const auto& [p, target] : std::as_const(targets)) {
        const Kind kind = target.kind;
        const auto local = m_ctx.db.local(p);
        if (!m_ctx.selected(p, kind == Kind::Deleted && local ? local->kind : kind)) {
            m_ctx.db.removeSetAside(p);
            continue; // not received here (filters): known, acknowledged, not written
        }
        if (kind == Kind::Deleted) {
            deletions << p;
            continue;
        }
        if (m_ctx.interrupted()) {
            // Escale is stopping: what is placed stays, the batch waits for the next run (as when
            // the relay fails), where what is here already is not fetched again.
            pass.result.interrupted = true;
            pass.result.complete = false;
            reachable = false;
            break;
        }
        // A file where a folder is: after the deletions, which may empty it.
        if (kind == Kind::File && local && local->kind == Kind::Directory) {
            late << p;
            continue;
        }
        m_writeBehind = true; // (materialize() clears it for the paths it places on the way)
        settle(p, materialize(pass, p));
        m_writeBehind = false;
    }
    m_fetcher.endBatch();
    // The files written behind are in their folders before any folder is deleted: one that holds
    // a file received in this batch stays (R26), as it would have with the file already there.
    m_writes.waitAll();
    std::sort(deletions.begin(), deletions.end(), std::greater<>());
    if (pass.result.interrupted) {
        deletions.clear();
        late.clear();
    }
    for (const QString& p : std::as_const(deletions))
        settle(p, materialize(pass, p));
    m_folders.forget(); // the deletions may have removed some
    for (const QString& p : std::as_const(late))
        settle(p, materialize(pass, p));
    commitStaged(pass);
    m_ctx.db.commit();
    m_batchFiles.clear();
    if (reachable && !pass.result.interrupted)
        settleLost(pass);
    m_folders.forget();
    return reachable;
}

void Materializer::settleLost(Pass& pass)
{
    // Contents asked for that no client holds any more (every other head wants or lacks them), that
    // this pass tried to fetch and found gone from the relay, under every chunk list known for
    // them: the versions that name them, which this client settles, are settled (R23, "A content
    // no client holds"), each name keeping what the folder holds (it is what the folder holds
    // already: nothing more to place). After the batch is committed: the relay is listed outside
    // any transaction, and the settlements are one short one.
    if (m_goneFromRelay.isEmpty() || !m_ctx.sends())
        return;
    QHash<QByteArray, QStringList> lost = lostContents(m_ctx, pass.peers);
    for (auto it = lost.begin(); it != lost.end();)
        it = m_goneFromRelay.contains(it.key()) ? std::next(it) : lost.erase(it);
    if (lost.isEmpty())
        return;
    QMap<QString, QSet<QByteArray>> asking; // name -> the lost contents it asks for, which this client settles
    QSet<QByteArray> settled;
    const QMultiHash<QByteArray, QString> wants = m_ctx.db.wants();
    for (auto it = wants.cbegin(); it != wants.cend(); ++it) {
        if (!lost.contains(it.key()))
            continue;
        for (const StateDb::Version& v : m_ctx.db.versions(it.value()))
            if (v.record.kind == Kind::File && v.record.hash == it.key() &&
                lostContentSettler(v.record, lost.value(it.key())) == m_ctx.clientId) {
                asking[it.value()].insert(it.key());
                settled.insert(it.key());
            }
    }
    const QSet<QByteArray> gone = settled.isEmpty() ? settled : chunksGoneFromRelay(m_ctx, settled);
    if (gone.isEmpty() || m_ctx.interrupted())
        return;
    m_ctx.db.begin();
    for (auto it = asking.cbegin(); it != asking.cend(); ++it) {
        const QSet<QByteArray> here = it.value() & gone;
        if (here.isEmpty())
            continue;
        QList<StateDb::Version> versions = m_ctx.db.versions(it.key());
        for (qsizetype round = versions.size();
             round > 0 && settleLostContent(m_ctx, m_cases, pass, it.key(), versions, lost, here); --round)
            versions = m_ctx.db.versions(it.key());
    }
    m_ctx.db.commit();
}

Outcome Materializer::materialize(Pass& pass, const QString& path)
{
    const bool writeBehind = std::exchange(m_writeBehind, false);
    // A name placed while its own placing is under way (a copy whose name, cut to 255 bytes, comes back
    // to a name being placed): waits, the name that led to it set aside (model run 1420001).
    if (m_placing.contains(path))
        return Outcome::Deferred;
    m_placing.insert(path);
    const auto placed = qScopeGuard([this, &path] { m_placing.remove(path); });
    const Resolution target = m_ctx.resolved(path);
    const QString absolute = m_ctx.localPath(path);
    // Nothing is ever written or deleted through a symbolic link (R4): a link where the others
    // have a folder goes to the archive and a real folder takes its name (makeFolders); what is
    // deleted under a link is not this folder's.
    if (m_folders.throughLink(path)) {
        if (target.kind == Kind::Deleted)
            return Outcome::Done;
        QString problem;
        if (!m_folders.make(path.section(QLatin1Char('/'), 0, -2), problem))
            return setAside(pass, path, problem);
    }
    // On a file system that does not tell case apart, a name differing only by case from one
    // already here would land on it (R4): one of them stays on the relay only.
    if (m_cases.insensitive() && target.kind != Kind::Deleted) {
        const QString twin = m_cases.caseTwin(path);
        if (!twin.isEmpty()) {
            QList<JournalRecord> twinVersions;
            for (const StateDb::Version& v : m_ctx.db.versions(twin))
                twinVersions.append(v.record);
            // A rename that only changes case: the file is renamed in place, or the old name goes
            // first.
            const bool twinGoes =
                !twinVersions.isEmpty() && resolve(twin, twinVersions).kind == Kind::Deleted;
            if (twinGoes && target.kind == Kind::File && m_cases.renameCaseTwin(twin, path, target.winner))
                return Outcome::Done;
            if (!twinGoes || materialize(pass, twin) != Outcome::Done || !m_cases.caseTwin(path).isEmpty()) {
                pass.problem(trc("sync", "%1 is not written here: this file system does not tell it apart "
                                         "from %2; rename one of them on another machine")
                                 .arg(path, twin));
                return Outcome::Done;
            }
        }
    }
    const std::optional<StateDb::LocalEntry> known = m_ctx.db.local(path);
    bool special = false;
    // Nothing known at a name in a folder this batch made: nothing is looked at there (a file the
    // user made there since is refused by the rename that places this one, and set aside).
    const qsizetype slash = path.lastIndexOf(QLatin1Char('/'));
    const bool fresh =
        target.kind == Kind::File && !known && slash > 0 && m_folders.madeNow(path.left(slash));
    std::optional<StateDb::LocalEntry> disk = fresh ? std::nullopt : statLocal(absolute, path, &special);
    if (disk && m_cases.insensitive() && !m_cases.caseTwin(path).isEmpty())
        disk.reset(); // what answers under this name is its twin
    // A symbolic link (or a FIFO, a socket, a device) is never synchronised; where the others have
    // a file or a folder, the newer version takes the name and the link goes to the archive.
    if (!disk && target.kind != Kind::Deleted && special) {
        QString error;
        if (!moveToArchive(m_ctx.settings.localPath, path, error))
            return setAside(pass, path, error);
        qCInfo(lcEngine).noquote() << QStringLiteral("[%1] %2: the symbolic link or special file there went to "
                                                     "the archive (another machine has a %3 there)")
                                          .arg(m_ctx.settings.name, path,
                                               target.kind == Kind::File ? QStringLiteral("file")
                                                                         : QStringLiteral("folder"));
    }

    // A local change not yet scanned, or a file held: left alone; the next pass publishes it first.
    const bool asKnown = known && disk && sameStat(*known, *disk);
    const bool held =
        asKnown && m_held.holds(path, *known, target.kind == Kind::File ? target.winner.hash : "");
    const bool diskMatches = (!known && !disk) || (asKnown && !held) ||
                             (target.kind == Kind::Deleted && !disk && m_held.goneToo(path, known));
    if (!diskMatches && !(target.kind == Kind::Directory && disk && disk->kind == Kind::Directory)) {
        // The known version waits: the next scan publishes the local change, which does not
        // replace it (R24), and the two are resolved like any concurrent versions (R26). (A held
        // file waits for its user: nothing for the next pass to do sooner.)
        pass.result.complete = pass.result.complete && held;
        // A file this machine cannot read is a version it cannot see: it stays, and says why.
        if (disk && disk->kind == Kind::File) {
            const int fd = ::open(QFile::encodeName(absolute).constData(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
            if (fd < 0 && errno != ENOENT) {
                const QString why = QString::fromLocal8Bit(std::strerror(errno));
                const QString& from = target.winner.originName;
                return setAside(pass, path,
                                from.isEmpty()
                                    ? trc("sync", "%1 cannot be read here (%2): it stays as it is, and the version "
                                                  "from another machine waits until it can be read (check its "
                                                  "permissions)")
                                          .arg(path, why)
                                    : trc("sync", "%1 cannot be read here (%2): it stays as it is, and the version "
                                                  "from %3 waits until it can be read (check its permissions)")
                                          .arg(path, why, from));
            }
            if (fd >= 0)
                ::close(fd);
        }
        return setAside(pass, path, HeldFiles::leftAlone(path, held));
    }

    // Conservative mode: a file this machine changed is never overwritten nor deleted by others.
    if (m_ctx.settings.mode == config::SyncMode::Conservative && known && disk && known->origin == m_ctx.clientId) {
        const bool same =
            target.kind == known->kind && (target.kind != Kind::File || known->hash == target.winner.hash);
        if (!same) {
            pass.problem(trc("sync", "kept this machine's version of %1 (conservative mode)").arg(path));
            return Outcome::Done;
        }
    }

    // Conflict copies first, while the local file may still hold their content. Each copy is a
    // version of its own path with the losing version's vector, published (R26): a client that
    // never sees the two versions side by side (a later version replaced both before it read
    // them) gets the copy from it. Every client that finds the conflict makes the same copy; the
    // others' identical records are equal versions, ignored. Its content is with the others
    // already (the losing version's): the record goes without chunks, as a rename's (R27).
    for (const JournalRecord& copy : target.copies) {
        QList<StateDb::Version> stored = m_ctx.db.versions(copy.path);
        if (const auto updated = integrated(stored, StateDb::Version{copy, true, true})) {
            // A copy made here is kept (and published) only once it is in the folder: one whose
            // content cannot be had is asked for under the name it conflicts with, and made again
            // when it comes (or not at all, when a later version replaces the one it holds).
            m_ctx.db.begin();
            m_ctx.db.setVersions(copy.path, *updated);
            m_ctx.db.commit();
            const Outcome o = materialize(pass, copy.path);
            if (o != Outcome::Done) {
                m_ctx.db.begin();
                m_ctx.db.setVersions(copy.path, stored);
                if (o == Outcome::Wanted)
                    m_ctx.db.addWant(copy.hash, path);
                m_ctx.db.commit();
                return o == Outcome::Deferred
                           ? setAside(pass, path,
                                      trc("sync", "%1: its conflict copy %2 cannot be written yet")
                                          .arg(path, copy.path))
                           : o;
            }
            ++pass.result.conflicts;
            m_ctx.reportEvent(FileEvent::Kind::Conflict, copy.path, copy.originName, copy.size);
            qCInfo(lcEngine).noquote()
                << QStringLiteral("[%1] conflict on %2: the version of %3 is kept as %4")
                       .arg(m_ctx.settings.name, path, copy.originName, copy.path);
            continue;
        }
        // Another client published this copy first, without chunks: the losing version's chunks,
        // known here, bring its content.
        bool filled = false;
        for (StateDb::Version& v : stored)
            if (v.record.vv == copy.vv && v.record.sameContent(copy) && v.record.blobs.isEmpty() &&
                !copy.blobs.isEmpty() && copy.from == 0) {
                v.record.blobs = copy.blobs;
                filled = true;
            }
        if (filled)
            m_ctx.db.setVersions(copy.path, stored);
        if (const Outcome o = materialize(pass, copy.path); o != Outcome::Done) {
            // The name waits for its copy: tried again with it.
            if (o == Outcome::Wanted)
                m_ctx.db.addWant(copy.hash, path);
            return o == Outcome::Deferred
                       ? setAside(pass, path,
                                  trc("sync", "%1: its conflict copy %2 cannot be written yet").arg(path, copy.path))
                       : o;
        }
    }

    switch (target.kind) {
    case Kind::Deleted: {
        m_ctx.dropPartial(path);
        if (!disk) {
            m_ctx.db.removeLocal(path);
            return Outcome::Done;
        }
        if (disk->kind == Kind::Directory) {
            if (::rmdir(QFile::encodeName(absolute).constData()) != 0) {
                // It still holds what others did not delete (made here or elsewhere meanwhile): a
                // change beats a deletion (R26), the folder stays, and a version of it made here
                // tells the others so.
                m_folders.keep(path);
                return Outcome::Done;
            }
        } else {
            // Keep what sync deletes in the local archive (section 10).
            QString error;
            if (!moveToArchive(m_ctx.settings.localPath, path, error))
                return setAside(pass, path, error);
        }
        m_ctx.db.removeLocal(path);
        m_cases.noteName(path, false);
        ++pass.result.deleted;
        m_ctx.reportEvent(FileEvent::Kind::Deleted, path, target.winner.originName, 0);
        // A deleted folder kept for the files it still held goes with its last one; a folder
        // whose name a file took elsewhere (made here only to hold a file of it) gives the name to
        // that file once it is empty (model seed 43423: nothing else looked at that name again).
        for (QString parent = path.section(QLatin1Char('/'), 0, -2); !parent.isEmpty();
             parent = parent.section(QLatin1Char('/'), 0, -2)) {
            const auto folder = m_ctx.db.local(parent);
            if (!folder || folder->kind != Kind::Directory)
                break;
            const Kind there = m_ctx.resolved(parent).kind;
            if (there == Kind::File && m_ctx.selected(parent, Kind::File) &&
                QDir(m_ctx.localPath(parent))
                    .isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System)) {
                if (materialize(pass, parent) == Outcome::Retry) // (the others are recorded already)
                    m_ctx.lookAgain(parent);
                break;
            }
            if (there != Kind::Deleted || ::rmdir(QFile::encodeName(m_ctx.localPath(parent)).constData()) != 0)
                break;
            m_ctx.db.removeLocal(parent);
            m_cases.noteName(parent, false);
        }
        return Outcome::Done;
    }
    case Kind::Directory: {
        if (disk && disk->kind == Kind::File) {
            // A folder replaced the file (it supersedes every version of it, R25): the file, as
            // scanned, goes to the archive, or to a name of the batch that has its content (its
            // conflict copy, when the folder kept the name elsewhere: R26, "File and folder").
            QString error;
            // (Not onto a name staged already: its own content is on the way.)
            QStringList names = known ? m_batchFiles.values(known->hash) : QStringList();
            names.removeIf([this](const QString& name) {
                return std::any_of(m_staged.cbegin(), m_staged.cend(),
                                   [&](const Staged& s) { return s.path == name; });
            });
            if (const QString to = m_folders.fileMoves(path, names); !to.isEmpty()) {
                m_cases.noteName(to, true);
                m_cases.noteName(path, false);
            } else if (!moveToArchive(m_ctx.settings.localPath, path, error)) {
                return setAside(pass, path, error);
            }
            m_ctx.db.removeLocal(path);
            disk.reset();
        }
        QString problem;
        if (!disk && !m_folders.make(path, problem))
            return setAside(pass, path, problem);
        m_ctx.db.putLocal(
            StateDb::LocalEntry{path, Kind::Directory, 0, 0, 0, {}, m_ctx.clientId, mergedVector(m_ctx.db.versions(path)), 0});
        m_cases.noteName(path, true);
        return Outcome::Done;
    }
    case Kind::File: {
        if (known && known->kind == Kind::File && known->hash == target.winner.hash) {
            // Already there: the folder now reflects every known version (R26), with the
            // winner's permission bits (R34).
            StateDb::LocalEntry reflected = *known;
            reflected.vv = mergedVector(m_ctx.db.versions(path));
            if (const int mode = modeFor(target.winner, known->mode); mode > 0 && mode != known->mode) {
                if (::chmod(QFile::encodeName(absolute).constData(), mode_t(mode)) == 0) {
                    reflected.mode = mode;
                } else {
                    const QString why = QString::fromLocal8Bit(std::strerror(errno));
                    pass.problem(trc("sync", "cannot change the permissions of %1: %2").arg(absolute, why));
                }
            }
            if (reflected != *known)
                m_ctx.db.putLocal(reflected);
            return Outcome::Done;
        }
        if (disk && disk->kind == Kind::Directory) {
            // An empty folder makes room for the file. One that holds files keeps its name: the
            // file goes beside it as a conflict copy, and a version of the folder made here,
            // newer than every one known, tells the others (R26).
            if (::rmdir(QFile::encodeName(absolute).constData()) == 0) {
                m_ctx.db.removeLocal(path);
                m_cases.noteName(path, false);
            } else {
                const JournalRecord copy = conflictCopyOf(path, target.winner);
                const QList<StateDb::Version> stored = m_ctx.db.versions(copy.path);
                if (const auto updated = integrated(stored, StateDb::Version{copy, true, true})) {
                    m_ctx.db.setVersions(copy.path, *updated);
                    const Outcome o = materialize(pass, copy.path);
                    if (o != Outcome::Done) {
                        m_ctx.db.setVersions(copy.path, stored);
                        if (o == Outcome::Wanted)
                            m_ctx.db.addWant(copy.hash, path);
                        return o == Outcome::Deferred
                                   ? setAside(pass, path,
                                              trc("sync", "%1 is a folder here: the file from %2 waits to be "
                                                          "written beside it")
                                                  .arg(path, target.winner.originName))
                                   : o;
                    }
                    ++pass.result.conflicts;
                    m_ctx.reportEvent(FileEvent::Kind::Conflict, copy.path, copy.originName, copy.size);
                    qCInfo(lcEngine).noquote()
                        << QStringLiteral("[%1] %2 is a folder here and a file elsewhere: the file is kept as %3")
                               .arg(m_ctx.settings.name, path, copy.path);
                }
                m_folders.keep(path);
                return Outcome::Done;
            }
        }
        QString problem;
        m_ctx.progress.current = path;
        m_ctx.progress.currentSending = false;
        m_ctx.progress.currentDone = 0;
        m_ctx.progress.currentSize = target.winner.size;
        m_ctx.fileStartBytes = m_ctx.progress.bytesReceived;
        switch (obtainContent(pass, target.winner, path, problem, writeBehind)) {
        case Content::Written:
            m_cases.noteName(path, true);
            ++pass.result.downloaded;
            ++m_ctx.progress.filesReceived;
            m_ctx.progress.bytesReceived = m_ctx.fileStartBytes + target.winner.size;
            if (!m_staged.last().writing) // (staged just now; one written behind tells once it is in place)
                m_ctx.reportEvent(FileEvent::Kind::Received, path, target.winner.originName, target.winner.size);
            else
                m_ctx.reportProgress(); // the bytes received show as they come (status, tray), paced
            return Outcome::Done;
        case Content::Gone:
            // Freed before this client got it (it joined late, or came back after a long
            // absence): ask for it in the head; the path waits, the journal goes on (R23).
            pass.problem(problem);
            m_ctx.db.addWant(target.winner.hash, path);
            if (m_fetcher.lastGoneFromRelay())
                m_goneFromRelay.insert(target.winner.hash);
            pass.result.complete = false;
            return Outcome::Wanted;
        case Content::Failed:
            return setAside(pass, path, problem);
        case Content::Unreachable:
            if (m_ctx.interrupted())
                pass.result.interrupted = true; // stopped in the middle of it: nothing went wrong
            else
                pass.problem(problem);
            pass.result.complete = false;
            return Outcome::Retry;
        }
        return Outcome::Retry;
    }
    }
    return Outcome::Done;
}

void Materializer::wentBeside(Pass& pass, const QString& file, const JournalRecord& copy)
{
    m_cases.noteName(copy.path, true);
    m_cases.noteName(file, true);
    ++pass.result.conflicts;
    m_ctx.reportEvent(FileEvent::Kind::Conflict, copy.path, copy.originName, copy.size);
    qCInfo(lcEngine).noquote() << QStringLiteral(
                                      "[%1] %2 is a file here and a folder elsewhere: the file is kept as %3")
                                      .arg(m_ctx.settings.name, file, copy.path);
}

int Materializer::modeFor(const JournalRecord& version, int replaced) const
{
    // A version's permission bits, never wider than this machine's file creation mask allows;
    // without any (an earlier release sent it, or a file system without them), those of the file
    // it replaces; else the default of new files (R34).
    if (!m_cases.keepsModes())
        return 0;
    if (version.mode > 0)
        return version.mode & ~creationMask() & 0777;
    return replaced;
}

int Materializer::downloadMode(const JournalRecord& version, const QString& target) const
{
    // The mode of the file it replaces is read only when the version names none.
    int mode = modeFor(version, 0);
    if (mode == 0 && m_cases.keepsModes()) {
        const auto replaced = statLocal(m_ctx.localPath(target), target);
        mode = modeFor(version, replaced && replaced->kind == Kind::File ? replaced->mode : 0);
    }
    return mode;
}

Outcome Materializer::setAside(Pass& pass, const QString& path, const QString& cause)
{
    pass.problem(cause);
    m_ctx.db.putSetAside(path, cause, m_ctx.now());
    return Outcome::Deferred;
}

Outcome Materializer::receivePiece(Pass& pass, const JournalRecord& piece)
{
    const auto known = m_ctx.db.local(piece.path);
    if (known && known->kind == Kind::File && known->hash == piece.hash)
        return Outcome::Done; // already here
    for (const StateDb::Version& v : m_ctx.db.versions(piece.path))
        if (v.record.vv.supersedes(piece.vv))
            return Outcome::Done; // a piece of a version already replaced
    if (m_folders.throughLink(piece.path)) {
        pass.problem(
            trc("sync", "refused %1: it leads through a symbolic link in the folder").arg(piece.path));
        return Outcome::Done;
    }
    qint64 total = 0;
    for (const protocol::BlobRef& c : piece.blobs)
        total += c.length;
    std::optional<StateDb::Partial> partial = m_ctx.db.partial(piece.path);
    const bool continues = partial && partial->hash == piece.hash && partial->size == piece.size;
    if (continues && partial->received >= piece.from + total)
        return Outcome::Done; // this piece is already here (the segment is read again)
    if (piece.from == 0) {
        m_ctx.dropPartial(piece.path);
        // Its folder made now, or, where a file has that name and may go beside the folder once
        // the whole content is here (obtainContent), assembled beside that file.
        const QString folder = piece.path.section(QLatin1Char('/'), 0, -2);
        const QString in = m_folders.fileInTheWay(folder);
        QString problem;
        const bool beside = !in.isEmpty() && m_folders.fileMayGoBeside(in, problem);
        if (!in.isEmpty() && !beside) {
            // A file there that does not go beside the folder (a cause that lasts until someone
            // acts: a taken copy name, conservative mode, a name this client does not publish):
            // its pieces are not taken, nobody waits for this client, and the last one is set aside
            // with the cause (asked for again once the file can go; after a change not scanned
            // yet, that is at the next pass).
            pass.problem(problem.isEmpty()
                             ? trc("sync", "%1 is a file here, a folder elsewhere").arg(m_ctx.localPath(in))
                             : problem);
            return Outcome::Done;
        }
        if (!beside && !m_folders.make(folder, problem)) {
            pass.problem(problem);
            return Outcome::Retry;
        }
        const QString temp = QFileInfo(m_ctx.localPath(beside ? in : piece.path)).absolutePath() +
                             QLatin1Char('/') + protocol::local::piecePrefix() + randomTag();
        partial = StateDb::Partial{piece.path, piece.hash, piece.size, 0, temp};
        QFile create(temp);
        if (!create.open(QIODevice::WriteOnly | QIODevice::NewOnly)) {
            const QString why = writeFailure(create);
            pass.problem(trc("sync", "cannot write %1: %2").arg(temp, why));
            return Outcome::Retry;
        }
        m_ctx.db.putPartial(*partial);
    } else if (!continues || partial->received != piece.from) {
        // An earlier piece was missed (this client joined during the transfer): the version
        // that ends the file will be found incomplete and asked for again (R23).
        m_ctx.dropPartial(piece.path);
        return Outcome::Done;
    }

    QFile out(partial->temp);
    if (!out.open(QIODevice::ReadWrite | QIODevice::ExistingOnly)) {
        m_ctx.dropPartial(piece.path);
        return Outcome::Done;
    }
    // Bytes past `received` are what a crash left of an unfinished piece.
    out.resize(partial->received);
    out.seek(partial->received);
    const RelayError e = m_fetcher.fetchChunks(piece.path, piece.blobs, out);
    if (e.kind == RelayError::Kind::NotFound) {
        out.close();
        m_ctx.dropPartial(piece.path);
        return Outcome::Done;
    }
    if (e.kind == RelayError::Kind::Corrupt) {
        // Damaged on the relay: the version that ends the file asks for the whole (R23).
        pass.problem(e.message);
        out.close();
        m_ctx.dropPartial(piece.path);
        return Outcome::Done;
    }
    if (!e.ok()) {
        out.resize(partial->received);
        pass.problem(e.message);
        return Outcome::Retry;
    }
    if (!out.flush() || ::fdatasync(out.handle()) != 0) {
        out.resize(partial->received);
        const QString why = writeFailure(out);
        pass.problem(trc("sync", "cannot write %1: %2").arg(partial->temp, why));
        return Outcome::Retry;
    }
    partial->received = piece.from + total;
    m_ctx.db.putPartial(*partial);
    qCInfo(lcEngine).noquote() << QStringLiteral("[%1] received %2 of %3 of %4 (sent in pieces)")
                                      .arg(m_ctx.settings.name, config::formatSize(partial->received, false),
                                           config::formatSize(piece.size, false), piece.path);
    return Outcome::Done;
}

void Materializer::abandon()
{
    m_writes.waitAll(); // (a write still on its way would make its file after it is removed)
    for (const Staged& staged : std::as_const(m_staged)) {
        QFile::remove(staged.temp);
        m_folders.settle(staged.made, false);
    }
    m_staged.clear();
    m_writes.forget();
    m_batchFiles.clear();
}

Content Materializer::obtainContent(Pass& pass, const JournalRecord& record, const QString& targetPath,
                                    QString& problem, bool writeBehind)
{
    // The folders made for a file that does not come go again, and a folder deleted elsewhere is
    // kept for it only once it is in place (model seed 970035: a file asked for in vain left its
    // folders, one where another machine had a file, another kept "for what it held", that is
    // nothing): commitStaged() settles them, and here those of a file not obtained. A file where a
    // folder must be, which may go beside it (FolderMaker::fileGoesBeside), goes only once the
    // content is here (fetched beside that file): one asked for in vain leaves it where it is.
    const QString folder = targetPath.section(QLatin1Char('/'), 0, -2);
    const QString in = m_folders.fileInTheWay(folder);
    const bool beside = !in.isEmpty() && m_folders.fileMayGoBeside(in, problem);
    FolderMaker::Made made;
    if (!problem.isEmpty() || (!beside && !m_folders.make(folder, problem, &made))) {
        // (A content not placed for that cause is not asked for meanwhile: nobody sends it again
        // and again. Once the cause is gone, the next try asks for it if it is gone.)
        if (!in.isEmpty())
            m_ctx.db.removeWant(record.hash, targetPath);
        m_folders.unmake(made);
        return Content::Failed;
    }
    // Renamed into place by commitStaged(), after one file system sync for the whole batch.
    Staged staged{{}, targetPath, record.hash, record.origin, mergedVector(m_ctx.db.versions(targetPath)),
                  record.from == 0 && !record.piece ? record.blobs : QList<protocol::BlobRef>(), std::nullopt,
                  std::nullopt, record.originName, record.size, made};
    const int mode = downloadMode(record, targetPath);
    if (QByteArray bytes; !beside && writeBehind && m_fetcher.takeAhead(record, bytes)) {
        staged.temp = downloadFileFor(m_ctx.localPath(targetPath));
        staged.writing = m_writes.write(staged.temp, targetPath, bytes, record.mtimeMs, mode);
        m_staged.append(staged);
        return Content::Written;
    }
    const Content c = m_fetcher.obtainContent(record, targetPath, mode, problem, staged.temp, staged.written,
                                              beside ? m_ctx.localPath(in) : QString());
    if (c == Content::Written && beside) {
        JournalRecord copy;
        const bool went = m_folders.fileGoesBeside(in, copy, problem);
        if (went)
            wentBeside(pass, in, copy);
        if (!went || !m_folders.make(folder, problem, &staged.made)) {
            if (problem.isEmpty())
                problem = trc("sync", "%1 is a file here, a folder elsewhere").arg(m_ctx.localPath(in));
            // A file assembled from pieces (R28) keeps its pieces for the next try, its last one
            // fetched again then; nothing asks the sender for the whole file again.
            if (record.from > 0 && ::truncate(QFile::encodeName(staged.temp).constData(), record.from) == 0)
                m_ctx.db.putPartial(
                    StateDb::Partial{targetPath, record.hash, record.size, record.from, staged.temp});
            else
                QFile::remove(staged.temp);
            m_folders.unmake(staged.made);
            return Content::Failed;
        }
        // Into its folder now, as any download file: a folder holding one is never empty, so that
        // the batch's deletions, or a file not placed, never take away a folder made for it (model
        // seed 1610029: a folder made for it and deleted here went, and it could not be written).
        const QString inside = downloadFileFor(m_ctx.localPath(targetPath));
        if (::rename(QFile::encodeName(staged.temp).constData(), QFile::encodeName(inside).constData()) == 0)
            staged.temp = inside;
    }
    if (c == Content::Written)
        m_staged.append(staged);
    else
        m_folders.unmake(made);
    return c;
}

bool Materializer::commitStaged(Pass& pass)
{
    if (m_staged.isEmpty())
        return true;
    bool all = true;
    // The files written behind are written, or were not (the cause is in their outcome): those set
    // aside like any file that could not be written, and no longer counted as received.
    m_writes.waitAll();
    for (auto it = m_staged.begin(); it != m_staged.end();) {
        const std::optional<WriteBehind::Written> w =
            it->writing ? std::optional(m_writes.outcome(*it->writing)) : std::nullopt;
        if (!w || w->problem.isEmpty()) {
            if (w)
                it->written = w->entry;
            ++it;
            continue;
        }
        setAside(pass, it->path, w->problem);
        m_folders.settle(it->made, false);
        --pass.result.downloaded;
        --m_ctx.progress.filesReceived;
        m_ctx.progress.bytesReceived -= it->size;
        all = false;
        it = m_staged.erase(it);
    }
    // One sync makes every staged file durable before any of them replaces a user's file, so
    // a crash never leaves an empty or partial file under a real name (section 10).
    const int rootFd =
        ::open(QFile::encodeName(m_ctx.settings.localPath).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (rootFd >= 0) {
        if (::syncfs(rootFd) != 0) {
            const QString why = QString::fromLocal8Bit(std::strerror(errno));
            pass.problem(trc("sync", "cannot flush %1 to disk: %2").arg(m_ctx.settings.localPath, why));
        }
        ::close(rootFd);
    }
    const QString stamp = archiveStamp();
    // Where nothing is known, the rename itself refuses to replace what came meanwhile (no look
    // first). Those renames are made on WriteBehind's thread, a few hundred at a time and at most two
    // such sets ahead of the files this thread records (a failure here leaves few placed files
    // unrecorded), while it records the ones before them. A path staged twice is renamed here.
    QHash<QString, int> times;
    for (const Staged& staged : std::as_const(m_staged))
        ++times[staged.path];
    constexpr qsizetype kRenames = 256;
    QList<QList<std::pair<QByteArray, QByteArray>>> sets; // of up to kRenames renames, in order
    QList<qsizetype> renameOf(m_staged.size(), -1);      // a staged file's place among them
    qsizetype counted = 0;
    for (qsizetype i = 0; i < m_staged.size(); ++i) {
        const Staged& staged = m_staged.at(i);
        if (times.value(staged.path) != 1 || m_ctx.db.local(staged.path))
            continue;
        if (counted % kRenames == 0)
            sets.append(QList<std::pair<QByteArray, QByteArray>>());
        renameOf[i] = counted++;
        sets.last().append({QFile::encodeName(staged.temp), QFile::encodeName(m_ctx.localPath(staged.path))});
    }
    QList<QFuture<QList<int>>> renamed; // the sets handed over
    const auto renamesDone = qScopeGuard([&renamed] {
        for (QFuture<QList<int>>& f : renamed)
            f.waitForFinished(); // (an exception below leaves none running)
    });
    auto handOver = [&](qsizetype upTo) {
        while (renamed.size() < std::min(upTo, sets.size()))
            renamed.append(m_writes.renameNew(sets.at(renamed.size())));
    };
    handOver(2);
    for (qsizetype i = 0; i < m_staged.size(); ++i) {
        const Staged& staged = m_staged.at(i);
        const QString target = m_ctx.localPath(staged.path);
        const QByteArray from = QFile::encodeName(staged.temp);
        const QByteArray to = QFile::encodeName(target);
        // Last check before replacing: the target must still be what the state database says.
        const auto known = m_ctx.db.local(staged.path);
        // Any answer but done or taken (a file system or sandbox that cannot rename so) goes the
        // other way: the target is looked at, then renamed over.
        int placed = -1; // 0: in place; EEXIST: something is there; -1: not tried
        if (renameOf.at(i) >= 0) {
            handOver(renameOf.at(i) / kRenames + 2);
            const int r = renamed[renameOf.at(i) / kRenames].result().at(renameOf.at(i) % kRenames);
            placed = r == 0 ? 0 : (r == EEXIST ? EEXIST : -1);
        } else if (!known) {
            const int r = ::renameat2(AT_FDCWD, from.constData(), AT_FDCWD, to.constData(), RENAME_NOREPLACE);
            placed = r == 0 ? 0 : (errno == EEXIST ? EEXIST : -1);
        }
        bool special = false;
        const auto disk = placed == -1 ? statLocal(target, staged.path, &special) : std::nullopt;
        const bool asKnown = known && disk && sameStat(*known, *disk);
        const bool held = asKnown && m_held.holds(staged.path, *known, staged.hash);
        const bool unchanged =
            placed == 0 || (placed == -1 && ((!known && !disk && !special) || (asKnown && !held)));
        // A file staged but not placed is not received (it was counted when it was staged).
        auto notPlaced = [&] {
            QFile::remove(staged.temp);
            m_folders.settle(staged.made, false);
            --pass.result.downloaded;
            --m_ctx.progress.filesReceived;
            m_ctx.progress.bytesReceived -= staged.size;
            all = false;
        };
        if (!unchanged) {
            notPlaced();
            setAside(pass, staged.path, HeldFiles::leftAlone(staged.path, held));
            pass.result.complete = pass.result.complete && held; // (a held file waits for its user)
            continue;
        }
        if (disk && disk->kind == Kind::File) {
            // The replaced version goes to the local archive, or it is not replaced.
            QString error;
            if (!copyToArchive(m_ctx.settings.localPath, stamp, staged.path, error)) {
                notPlaced();
                setAside(pass, staged.path,
                         trc("sync", "%1 is not replaced: %2").arg(staged.path, error));
                continue;
            }
        }
        if (placed == -1 && ::rename(from.constData(), to.constData()) != 0) {
            const int err = errno;
            notPlaced();
            pass.problem(trc("sync", "cannot write %1: %2")
                             .arg(target, QString::fromLocal8Bit(std::strerror(err))));
            continue;
        }
        // As the download file was before it was closed (a rename keeps it): what a scan finds
        // there later, if not this, is a change made after.
        if (auto entry = staged.written ? staged.written : statLocal(target, staged.path)) {
            entry->hash = staged.hash;
            entry->origin = staged.origin;
            entry->vv = staged.vv;
            m_ctx.db.putLocal(*entry);
            // Where its blobs lie, here (a source for other versions, R40) and on the relay; it is
            // the path's basis from now on (R39 c), with no blobs to offer when its record named none.
            if (!staged.blobs.isEmpty())
                m_ctx.db.putContentBlobs(staged.hash, staged.blobs);
            m_ctx.db.setBasis(staged.path, staged.hash, staged.blobs);
        }
        m_ctx.db.removeWant(staged.hash, staged.path);
        m_folders.settle(staged.made, true);
        if (staged.writing)
            m_ctx.reportEvent(FileEvent::Kind::Received, staged.path, staged.by, staged.size);
    }
    m_staged.clear();
    m_writes.forget();
    return all;
}

} // namespace escale::sync::engine
