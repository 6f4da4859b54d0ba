#include "sync/engine/Puller.h"

#include "Tr.h"
#include "log/Logging.h"
#include "protocol/JournalObjects.h"
#include "protocol/Layout.h"
#include "protocol/PathCheck.h"
#include "protocol/TextObject.h"
#include "sync/engine/EngineContext.h"
#include "sync/engine/LocalFiles.h"
#include "sync/engine/Materializer.h"
#include "sync/engine/OwnJournal.h"
#include "sync/engine/Pass.h"
#include "sync/engine/RelayMoveClient.h"
#include "sync/engine/RepositoryOpener.h"
#include "sync/engine/VersionRules.h"

#include <QJsonDocument>
#include <QScopeGuard>
#include <QtConcurrent>
#include <limits>

namespace escale::sync::engine {

using protocol::JournalRecord;
using relay::RelayError;
using state::Meta;
using state::StateDb;
using Kind = JournalRecord::Kind;
namespace layout = protocol::layout;

Puller::Puller(EngineContext& context, RepositoryOpener& opener, OwnJournal& journal, Materializer& materializer,
               RelayMoveClient& move)
    : m_ctx(context)
    , m_opener(opener)
    , m_journal(journal)
    , m_materializer(materializer)
    , m_move(move)
{}

void Puller::pull(Pass& pass)
{
    QList<relay::RelayEntry> entries;
    RelayError e;
    if (pass.headsListing)
        entries = *std::exchange(pass.headsListing, std::nullopt);
    else
        e = m_ctx.store.list(layout::headsFolder(), entries);
    // Object stores have no folders: no heads yet lists as "not found".
    if (!e.ok() && e.kind != RelayError::Kind::NotFound) {
        pass.fail(e.kind == RelayError::Kind::Auth ? PassResult::Status::Auth : PassResult::Status::Failed,
                  trc("sync", "cannot list the relay: %1").arg(e.message));
        pass.result.cause = e.kind;
        return;
    }
    pass.peers = m_ctx.db.peers();
    QHash<QString, quint64> listed; // highest generation listed per client
    QSet<QString> forgotten;        // clients removed from the repository (R33): nobody waits for them
    for (const relay::RelayEntry& entry : std::as_const(entries)) {
        if (entry.name == layout::forwardName() && !entry.isDirectory) {
            // The repository moved (R32): nothing more is written here.
            m_move.followForward(pass);
            return;
        }
        if (const auto gone = layout::parseForgottenName(entry.name); gone && checkForgotten(pass, *gone)) {
            if (*gone == m_ctx.clientId) {
                pass.fail(
                    PassResult::Status::Refused,
                    trc("sync", "this client was removed from the repository on %1 (escalectl "
                                "forget-client): it writes nothing more there. To join again as a new "
                                "client, move its state %2 away and restart Escale; the files of %3 are "
                                "compared with the repository's, nothing is lost")
                        .arg(m_ctx.backend->describe(), m_ctx.statePath, m_ctx.settings.localPath));
                return;
            }
            forgotten.insert(*gone);
            continue;
        }
        const auto name = layout::parseHeadName(entry.name);
        if (!name || entry.isDirectory) {
            m_ctx.noteUnknown(layout::headsFolder() + QLatin1Char('/') + entry.name);
            continue;
        }
        if (name->client == m_ctx.clientId) {
            pass.ownHeads << entry.name;
            pass.ownGeneration = std::max(pass.ownGeneration, name->generation);
            continue;
        }
        listed[name->client] = std::max(listed.value(name->client), name->generation);
    }
    // This client's own head gone from the listing: the relay folder may hold another
    // repository now (restored, replaced); check the header again before going on.
    if (pass.ownHeads.isEmpty() && m_ctx.db.meta(Meta::Generation).toULongLong() > 0) {
        m_ctx.repositoryChecked = false;
        if (!m_opener.ensureRepository(pass))
            return;
    }
    // A head of this client newer than the last one it remembers writing: its state is behind
    // the relay (restored from a backup, or copied with the machine). What the relay holds under
    // its id is adopted before anything more is written.
    // This client's head older than the last it wrote: the relay was put back from an older copy.
    // Its segments written since are gone: a snapshot stands for them (R35).
    if (!pass.ownHeads.isEmpty() && pass.ownGeneration < m_ctx.db.meta(Meta::Generation).toULongLong()) {
        qCWarning(lcEngine).noquote() << QStringLiteral("[%1] the relay holds an older head of this client than "
                                                        "the last one it wrote: put back from an older copy? "
                                                        "Writing a snapshot of all it knows")
                                             .arg(m_ctx.settings.name);
        pass.snapshotWanted = true;
    }
    if (pass.ownGeneration > m_ctx.db.meta(Meta::Generation).toULongLong()) {
        if (!m_journal.recoverOwnJournal(pass))
            return;
        m_ctx.db.setMeta(Meta::Generation, QString::number(pass.ownGeneration));
        m_ctx.db.removeMeta(Meta::Head); // what the relay's head says is not known here
    }
    // What the relay's heads say of this client is known here: a head may be written.
    pass.headSeen = true;

    for (const QString& client : std::as_const(forgotten)) {
        listed.remove(client);
        if (pass.peers.remove(client) > 0)
            m_ctx.db.removePeer(client);
    }
    for (auto it = listed.cbegin(); it != listed.cend(); ++it) {
        StateDb::Peer peer = pass.peers.value(it.key());
        peer.client = it.key();
        if (it.value() < peer.generation) {
            pass.problem(
                trc("sync", "the relay shows an older head of %1 (generation %2, already saw %3): "
                            "refused as a possible replay")
                    .arg(peer.name.isEmpty() ? peer.client : peer.name)
                    .arg(it.value())
                    .arg(peer.generation));
            continue;
        }
        if (it.value() == peer.generation)
            continue;
        QByteArray bytes;
        const RelayError ge = m_ctx.store.getSmall(layout::headPath(it.key(), it.value()), bytes);
        if (!ge.ok()) {
            if (ge.kind != RelayError::Kind::NotFound) // replaced meanwhile: next poll
                pass.problem(trc("sync", "cannot read the head of %1: %2").arg(it.key(), ge.message));
            continue;
        }
        QString error;
        const auto text = protocol::TextObject::decode(bytes, QStringLiteral("head"), error);
        const auto head = text ? protocol::Head::fromJson(text->header, error) : std::nullopt;
        if (!head || head->client != it.key() || head->generation != it.value()) {
            const QString object = layout::headName(it.key(), it.value());
            pass.problem(error.isEmpty()
                             ? trc("sync", "head %1 is invalid (mismatch); waiting for a good one").arg(object)
                             : trc("sync", "head %1 is invalid (%2); waiting for a good one").arg(object, error));
            continue;
        }
        if (head->journal < peer.journal) {
            pass.problem(
                trc("sync", "the head of %1 names journal %2 after %3: refused as a possible replay")
                    .arg(head->name)
                    .arg(head->journal)
                    .arg(peer.journal));
            continue;
        }
        peer.name = head->name;
        peer.generation = head->generation;
        peer.journal = head->journal;
        peer.acks = head->acks;
        peer.wants = head->wants;
        peer.lacks = head->lacks;
        peer.usage = head->usage;
        peer.snapshot = head->snapshot;
        peer.snapshotAcks = head->snapshotAcks;
        peer.missing = head->missing;
        peer.lastChangeMs = m_ctx.now();
        m_ctx.db.putPeer(peer);
        pass.peers.insert(peer.client, peer);
    }
    m_journal.answerMissing(pass);

    // Read each other client's journal in order (R14), integrating what it says into the known
    // versions; then the folder is made to match them, once for every path touched (R16), with
    // the paths set aside earlier and those waiting for content sent again. The positions reached
    // are acknowledged only then (R15).
    m_ctx.contentSeen.clear();
    const QHash<QString, StateDb::Peer> before = pass.peers;
    for (auto it = pass.peers.begin(); it != pass.peers.end(); ++it) {
        StateDb::Peer& peer = it.value();
        while (peer.consumed < peer.journal) {
            const quint64 seq = peer.consumed + 1;
            pass.segmentGone = pass.segmentInvalid = false;
            if (!readSegment(pass, peer, seq)) {
                const bool unreadable = pass.segmentGone || pass.segmentInvalid;
                // Its writer deleted it (R17, R18), or sent a snapshot for it (R35): the snapshot
                // stands for it.
                if (unreadable && peer.snapshotAcks.value(peer.client, 0) >= seq && loadSnapshot(pass, peer))
                    continue;
                // Gone or damaged: said in this client's head, its writer answers with a snapshot.
                if (unreadable) {
                    pass.missing.insert(peer.client, seq);
                    const QString segment = layout::journalPath(peer.client, seq);
                    pass.problem(pass.segmentGone
                                     ? trc("sync", "%1 of %2 is missing from the relay although its head names it; "
                                                   "%2 is asked to send what it holds")
                                           .arg(segment, peer.name)
                                     : trc("sync", "%1 of %2 is damaged (%3); %2 is asked to send what it holds")
                                           .arg(segment, peer.name, pass.invalidReason));
                }
                pass.result.complete = false;
                break;
            }
            peer.consumed = seq;
        }
    }

    bool applied = true;
    if (m_ctx.receives()) {
        QStringList paths = pass.affected;
        for (const StateDb::SetAside& s : m_ctx.db.setAside())
            paths << s.path;
        const QMultiHash<QByteArray, QString> wants = m_ctx.db.wants();
        for (auto it = wants.cbegin(); it != wants.cend(); ++it)
            paths << it.value();
        // Access flags changed since the last pass (here, or by escalectl or the access dialog):
        // what a flag let in again is received now, from the versions already known.
        const bool accessChanged = m_ctx.access != m_ctx.receivedWith;
        if (accessChanged)
            for (const QString& p : m_ctx.db.versionPaths())
                if (effectiveAccess(m_ctx.access, p).receive && !effectiveAccess(m_ctx.receivedWith, p).receive)
                    paths << p;
        // Filters, hidden files or the mode changed since the folder was last made to match: the
        // files they now let in come from the versions already known (or are asked for); those they
        // now leave out stay where they are.
        const QString selection = m_ctx.selectionSignature();
        const bool selectionChanged = m_ctx.db.meta(Meta::Selection) != selection;
        if (selectionChanged && !m_ctx.db.meta(Meta::Selection).isEmpty())
            paths += m_ctx.db.versionPaths();
        applied = m_materializer.materializePaths(pass, paths, pass.pieces);
        // Recorded once the folder was made to match all of them: a pass that stops first (Escale
        // stopping, the relay failing) looks at them all again at the next (model seed 211554: a
        // pass interrupted just after '*.md' was let in again left a file out for good).
        if (applied && !pass.result.interrupted && pass.result.ok()) {
            if (accessChanged || m_ctx.db.meta(Meta::ReceivedWith).isEmpty()) {
                m_ctx.receivedWith = m_ctx.access;
                m_ctx.db.setMeta(Meta::ReceivedWith, accessTableText(m_ctx.access));
            }
            if (selectionChanged)
                m_ctx.db.setMeta(Meta::Selection, selection);
        }
    }
    m_ctx.contentSeen.clear();
    // Acknowledged from now on; a relay that failed while content was fetched has the same
    // segments read again at the next pass.
    m_ctx.db.begin();
    for (auto it = pass.peers.begin(); it != pass.peers.end(); ++it) {
        const quint64 was = before.value(it.key()).consumed;
        if (!applied)
            it->consumed = was;
        else if (it->consumed != was)
            m_ctx.db.putPeer(*it);
    }
    m_ctx.db.commit();
    forgetAcknowledgedBlobs(pass, before);
    if (m_ctx.sends())
        planRepushes(pass);
}

void Puller::forgetAcknowledgedBlobs(const Pass& pass, const QHash<QString, StateDb::Peer>& before)
{
    // Blobs of other clients' packs a version made here may still name (R39 d): those of segments
    // some active client has not acknowledged yet, this one included, as its last head said (the
    // positions read before this pass: its head of this pass is written after the segment that
    // would name them, so their writer reads that segment before it sees the acknowledgement, and
    // keeps the pack, R41). A client that sends nothing keeps none.
    QMap<QString, quint64> acknowledged;
    for (const StateDb::Peer& writer : std::as_const(pass.peers)) {
        quint64 limit = before.value(writer.client).consumed;
        for (const StateDb::Peer& p : std::as_const(pass.peers))
            if (p.client != writer.client && m_ctx.isActive(p))
                limit = std::min(limit, p.acks.value(writer.client, 0));
        acknowledged.insert(writer.client, m_ctx.sends() ? limit : quint64(std::numeric_limits<qint64>::max()));
    }
    m_ctx.db.pruneForeignBlobs(acknowledged);
}

bool Puller::readSegment(Pass& pass, const StateDb::Peer& peer, quint64 seq)
{
    const QString path = layout::journalPath(peer.client, seq);
    QByteArray bytes;
    const RelayError e = m_ctx.store.getSmall(path, bytes);
    if (!e.ok()) {
        pass.segmentGone = e.kind == RelayError::Kind::NotFound;
        pass.segmentInvalid = e.kind == RelayError::Kind::Corrupt;
        if (!pass.segmentGone && !pass.segmentInvalid)
            pass.problem(trc("sync", "cannot read %1 of %2: %3").arg(path, peer.name, e.message));
        return false;
    }
    QString error;
    const auto segment = protocol::JournalSegment::decode(bytes, peer.client, seq, error);
    if (!segment) {
        pass.segmentInvalid = true;
        pass.invalidReason = error;
        return false;
    }

    integrateRecords(pass, segment->recordLines, path, peer, seq);
    return true;
}

bool Puller::loadSnapshot(Pass& pass, StateDb::Peer& peer)
{
    const QString path = layout::snapshotPath(peer.client, peer.snapshot);
    QByteArray bytes;
    const RelayError e = m_ctx.store.getSmall(path, bytes);
    QString error;
    const auto snapshot = e.ok() ? protocol::Snapshot::decode(bytes, peer.client, peer.snapshot, error) : std::nullopt;
    if (!snapshot) {
        pass.problem(trc("sync", "cannot use the snapshot %1 of %2 (%3); waiting")
                         .arg(path, peer.name, e.ok() ? error : e.message));
        return false;
    }
    integrateRecords(pass, snapshot->recordLines, path, peer,
                     std::max(snapshot->acks.value(peer.client, 0), peer.snapshotAcks.value(peer.client, 0)));
    // The snapshot stands for the journals it covers (R17): acknowledged with the rest of the pass.
    for (auto it = snapshot->acks.cbegin(); it != snapshot->acks.cend(); ++it) {
        auto p = pass.peers.find(it.key());
        if (p == pass.peers.end())
            continue;
        const quint64 covered = it.value();
        if (covered > p->consumed && covered <= p->journal)
            p->consumed = covered;
    }
    qCInfo(lcEngine).noquote()
        << QStringLiteral("[%1] caught up from the snapshot of %2").arg(m_ctx.settings.name, peer.name);
    return true;
}

void Puller::integrateRecords(Pass& pass, const QList<QByteArray>& records, const QString& path,
                              const StateDb::Peer& peer, quint64 seq)
{
    const QString& from = peer.name;
    // The records are read and their paths checked on another core, a few hundred ahead of the
    // ones taken in here.
    struct Read
    {
        std::optional<JournalRecord> record;
        QString error;   // why it does not read
        QString refusal; // why its path is refused
    };
    constexpr qsizetype kAhead = 512;
    auto readFrom = [&records](qsizetype start) {
        return QtConcurrent::run([&records, start] {
            QList<Read> out;
            for (qsizetype i = start; i < std::min(records.size(), start + kAhead); ++i) {
                Read r;
                r.record = JournalRecord::fromJsonText(records.at(i), r.error);
                QString normalised;
                if (r.record && (r.refusal = protocol::checkRelayPath(r.record->path, &normalised)).isEmpty())
                    r.record->path = normalised;
                out.append(std::move(r));
            }
            return out;
        });
    };
    QFuture<QList<Read>> ahead = readFrom(0);
    const auto waitForReading = qScopeGuard([&ahead] { ahead.waitForFinished(); });
    QList<Read> read;
    m_ctx.db.begin();
    QSet<QString> packs; // others' packs (or format-1 chunks) named: to read unless held here
    for (qsizetype i = 0; i < records.size(); ++i) {
        if (i % kAhead == 0) {
            read = ahead.result();
            ahead = readFrom(i + kAhead);
        }
        std::optional<JournalRecord>& record = read[i % kAhead].record;
        if (!record) {
            pass.problem(trc("sync", "%1 of %2: %3; record skipped").arg(path, from, read[i % kAhead].error));
            continue;
        }
        if (const QString& refusal = read[i % kAhead].refusal; !refusal.isEmpty()) {
            pass.problem(
                trc("sync", "refused a path from %1 (%2): %3")
                    .arg(from, refusal, QString::fromUtf8(records.at(i)).left(200)));
            continue;
        }
        // A blob of this client's packs named by another client (R39 c, d): the pack is kept until
        // that segment is acknowledged too (R41).
        // Other blobs may be named by this client's next versions while a client has yet to
        // acknowledge that segment (R39 d).
        QString lastPack;
        QList<protocol::BlobRef> foreign;
        for (const protocol::BlobRef& b : std::as_const(record->blobs)) {
            if (!protocol::isObjectOf(b.pack, m_ctx.clientId)) {
                foreign.append(b);
                if (packs.size() < 64 && !packs.contains(b.pack)) {
                    // Connections opened while the records are taken in.
                    packs.insert(b.pack);
                    m_ctx.backend->expectTransfers(int(packs.size()));
                }
            } else if (b.pack != lastPack)
                m_ctx.db.addPackRef(b.pack, peer.client, seq);
            lastPack = b.pack;
        }
        if (m_ctx.sends())
            m_ctx.db.putForeignBlobs(peer.client, seq, foreign);
        if (record->piece) {
            pass.pieces.append(*record); // content ahead of its version (R28), not a version
            continue;
        }
        // Where this pass can find a content, also when the version that brought it is replaced
        // by a later one before the folder is made to match (a rename's record has no chunks).
        if (record->kind == Kind::File && record->from == 0 && !record->blobs.isEmpty())
            m_ctx.contentSeen.insert(record->hash, record->blobs);
        // Materialise every path read, also when its version is already known: an earlier
        // attempt may have stopped before the folder matched (R15).
        pass.affected << record->path;
        QList<StateDb::Version> stored = m_ctx.db.versions(record->path);
        if (record->repush) {
            // Content sent again for a known version: only its chunks are new (R23).
            bool known = false;
            for (StateDb::Version& v : stored) {
                if (v.record.vv == record->vv && v.record.sameContent(*record)) {
                    v.record.blobs = record->blobs;
                    v.record.from = record->from;
                    known = true;
                }
            }
            if (known) {
                m_ctx.db.setVersions(record->path, stored);
                continue;
            }
            record->repush = false;
        }
        if (const auto updated = integrated(stored, StateDb::Version{*record}))
            m_ctx.db.setVersions(record->path, *updated);
        else
            m_ctx.db.keepPublished(*record);
        takeInHeld(*record);
    }
    m_ctx.db.commit();
}

void Puller::takeInHeld(const JournalRecord& record)
{
    // A path no pass of this client places (an upload-only folder, a path whose receive flag is
    // off): a version of the content its file holds, still as scanned, is taken into the local
    // entry here, as a pass that finds it already there does elsewhere (Materializer), so that the
    // folder's next change supersedes it (R24). A receiving path waits for that pass, which checks
    // the disk the same way.
    if (m_ctx.receives() && m_ctx.accessOf(record.path).receive)
        return;
    auto local = m_ctx.db.local(record.path);
    if (!local || !local->vv || !holds(*local, record))
        return;
    const protocol::VersionVector taken = local->vv->merged(record.vv);
    if (taken == *local->vv)
        return; // (already in)
    const auto disk = statLocal(m_ctx.localPath(record.path), record.path);
    if (!disk || !sameStat(*disk, *local))
        return;
    local->vv = taken;
    m_ctx.db.putLocal(*local);
}

bool Puller::checkForgotten(Pass& pass, const QString& client)
{
    if (m_forgotten.contains(client))
        return true;
    // Through the codec: in an encrypted repository only a holder of the passphrase removes a
    // client. Read once per run.
    QByteArray bytes;
    QString error;
    const RelayError e = m_ctx.store.getSmall(layout::forgottenPath(client), bytes);
    const auto text =
        e.ok() ? protocol::TextObject::decode(bytes, QStringLiteral("forgotten"), error) : std::nullopt;
    if (!text || text->header.value(QStringLiteral("client")).toString() != client) {
        if (e.kind != RelayError::Kind::NotFound)
            pass.problem(trc("sync", "%1 does not check (%2): ignored")
                             .arg(layout::forgottenPath(client), e.ok() ? error : e.message));
        return false;
    }
    m_forgotten.insert(client);
    return true;
}

void Puller::planRepushes(Pass& pass)
{
    QHash<QByteArray, int> planned; // hash -> index in pass.repushes
    for (const StateDb::Peer& peer : std::as_const(pass.peers)) {
        for (const QByteArray& hash : peer.wants) {
            const quint64 inFlight = m_ctx.db.repushedIn(hash, peer.client);
            if (inFlight > 0 && peer.acks.value(m_ctx.clientId, 0) < inFlight)
                continue; // already sent again; the peer has not read it yet
            if (const auto it = planned.constFind(hash); it != planned.cend()) {
                pass.repushes[*it].second += QLatin1Char(',') + peer.client;
                continue;
            }
            for (const StateDb::LocalEntry& local : m_ctx.db.localWithHash(hash)) {
                const auto disk = statLocal(m_ctx.localPath(local.path), local.path);
                if (local.kind != Kind::File || !disk || !sameStat(*disk, local))
                    continue;
                bool found = false;
                for (const StateDb::Version& v : m_ctx.db.versions(local.path)) {
                    if (v.record.kind == Kind::File && v.record.hash == hash) {
                        JournalRecord r = v.record;
                        r.repush = true;
                        r.blobs.clear();
                        r.from = 0;
                        planned.insert(hash, int(pass.repushes.size()));
                        pass.repushes.append({r, peer.client});
                        qCInfo(lcEngine).noquote() << QStringLiteral("[%1] sending %2 again for %3")
                                                          .arg(m_ctx.settings.name, local.path, peer.name);
                        found = true;
                        break;
                    }
                }
                if (found)
                    break;
            }
        }
    }
}

} // namespace escale::sync::engine
