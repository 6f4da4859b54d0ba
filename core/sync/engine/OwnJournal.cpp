#include "sync/engine/OwnJournal.h"

#include "Tr.h"
#include "log/Logging.h"
#include "protocol/JournalObjects.h"
#include "protocol/Layout.h"
#include "protocol/PathCheck.h"
#include "sync/engine/EngineContext.h"
#include "sync/engine/Pass.h"
#include "sync/engine/VersionRules.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>

namespace escale::sync::engine {

using protocol::JournalRecord;
using protocol::VersionVector;
using relay::RelayError;
using state::Meta;
using state::StateDb;
using Kind = JournalRecord::Kind;
namespace layout = protocol::layout;

OwnJournal::OwnJournal(EngineContext& context)
    : m_ctx(context)
{}

bool OwnJournal::catchUpOwnState(Pass& pass)
{
    QList<relay::RelayEntry> entries;
    const RelayError e = m_ctx.store.list(layout::headsFolder(), entries);
    if (!e.ok() && e.kind != RelayError::Kind::NotFound) {
        pass.fail(e.kind == RelayError::Kind::Auth ? PassResult::Status::Auth : PassResult::Status::Failed,
                  trc("sync", "cannot list the relay: %1").arg(e.message));
        pass.result.cause = e.kind;
        return false;
    }
    pass.headsListing = entries; // the pull's listing, too
    quint64 own = 0;
    for (const relay::RelayEntry& entry : std::as_const(entries))
        if (const auto name = layout::parseHeadName(entry.name); name && !entry.isDirectory && name->client == m_ctx.clientId)
            own = std::max(own, name->generation);
    if (own > m_ctx.db.meta(Meta::Generation).toULongLong()) {
        if (!recoverOwnJournal(pass))
            return false;
        m_ctx.db.setMeta(Meta::Generation, QString::number(own));
        m_ctx.db.removeMeta(Meta::Head); // what the relay's head says is not known here
    }
    return true;
}

bool OwnJournal::recoverOwnJournal(Pass& pass)
{
    // Until what the relay holds is taken back, no head is written: it would name a journal
    // behind the relay's (the others refuse it as a replay).
    const bool headSeen = std::exchange(pass.headSeen, false);
    const quint64 journal = m_ctx.db.meta(Meta::Journal).toULongLong();
    // The highest number among a folder's objects (0: none, or no folder).
    auto highestIn = [&](const QString& folder, const QString& what) -> std::optional<quint64> {
        QList<relay::RelayEntry> entries;
        const RelayError e = m_ctx.store.list(folder, entries);
        if (!e.ok() && e.kind != RelayError::Kind::NotFound) {
            pass.fail(PassResult::Status::Failed, what.arg(e.message));
            return std::nullopt;
        }
        quint64 highest = 0;
        for (const relay::RelayEntry& entry : std::as_const(entries)) {
            bool ok = false;
            const quint64 seq = entry.name.toULongLong(&ok);
            if (ok && !entry.isDirectory)
                highest = std::max(highest, seq);
        }
        return highest;
    };
    const auto listed = highestIn(layout::journalFolderOf(m_ctx.clientId),
                                  trc("sync", "cannot list this client's journal on the relay: %1"));
    if (!listed)
        return false;
    quint64 highest = *listed;
    // This client's latest snapshot stands for the segments it covers, deleted once every client
    // read them (R17, R18): a state put back from before them learns from it which versions those
    // segments published (their counters are used), and where its journal stands.
    std::optional<protocol::Snapshot> covering;
    {
        const auto latestSnapshot = highestIn(layout::snapshotFolderOf(m_ctx.clientId),
                                              trc("sync", "cannot list this client's snapshots on the relay: %1"));
        if (!latestSnapshot)
            return false;
        if (const quint64 latest = *latestSnapshot; latest > 0) {
            QByteArray bytes;
            QString error;
            const QString path = layout::snapshotPath(m_ctx.clientId, latest);
            const RelayError ge = m_ctx.store.getSmall(path, bytes);
            covering = ge.ok() ? protocol::Snapshot::decode(bytes, m_ctx.clientId, latest, error) : std::nullopt;
            // A relay that failed (not a snapshot gone or damaged): the pass stops, as for a
            // segment. Going on without it would take its counters again (model seed 590109: a
            // connection reset while a state put back read its snapshot; a file version went out
            // with the vector of a deletion that snapshot held).
            if (!ge.ok() && ge.kind != RelayError::Kind::NotFound && ge.kind != RelayError::Kind::Corrupt) {
                pass.fail(PassResult::Status::Failed,
                          trc("sync", "cannot read this client's snapshot on the relay: %1").arg(ge.message));
                return false;
            }
            if (!covering && ge.kind != RelayError::Kind::NotFound)
                pass.problem(trc("sync", "cannot take back %1 (%2)").arg(path, ge.ok() ? error : ge.message));
            if (covering && covering->acks.value(m_ctx.clientId, 0) <= journal)
                covering.reset(); // nothing this state does not know
        }
    }
    const quint64 coveredJournal = covering ? covering->acks.value(m_ctx.clientId, 0) : 0;
    highest = std::max(highest, coveredJournal);
    if (highest <= journal) {
        pass.headSeen = headSeen;
        m_ctx.ownStateConfirmed = true;
        return true;
    }
    // Two machines with one identity (a state database copied with the machine, both running):
    // the last segment this one wrote is not the relay's. Nothing is written, and it says how to
    // become a new client.
    const QString digest = m_ctx.db.meta(Meta::JournalDigest);
    QByteArray mine;
    if (journal > 0 && !digest.isEmpty() && m_ctx.store.getSmall(layout::journalPath(m_ctx.clientId, journal), mine).ok() &&
        digestOf(mine) != digest) {
        return refuseClone(pass);
    }
    // Read first, adopted after: a record that is not a version waiting here to be sent is one
    // this client made before its state was left behind; found while it runs (not at its start),
    // it is another machine's.
    struct Segment
    {
        quint64 seq = 0;
        QByteArray text;
        QList<JournalRecord> records;
        bool snapshot = false; // the versions of the snapshot: what its deleted segments said
    };
    QList<Segment> segments;
    if (covering) {
        // Every version this client knew when it wrote it, its own and the others': taken back
        // first, like the segments' records, except that they say nothing of its folder.
        Segment taken{coveredJournal, {}, {}, true};
        QString error;
        for (const QByteArray& text : std::as_const(covering->recordLines))
            if (auto record = JournalRecord::fromJsonText(text, error);
                record && !record->piece && protocol::checkRelayPath(record->path).isEmpty())
                taken.records.append(*record);
        segments.append(taken);
    }
    bool foreign = false;
    for (quint64 seq = journal + 1; seq <= highest; ++seq) {
        QByteArray bytes;
        const QString path = layout::journalPath(m_ctx.clientId, seq);
        const RelayError ge = m_ctx.store.getSmall(path, bytes);
        QString error;
        const auto decoded = ge.ok() ? protocol::JournalSegment::decode(bytes, m_ctx.clientId, seq, error)
                                     : std::nullopt;
        if (!decoded) {
            if (ge.kind == RelayError::Kind::NotFound)
                continue; // deleted once a snapshot covered it
            if (!ge.ok() && ge.kind != RelayError::Kind::Corrupt) {
                pass.fail(PassResult::Status::Failed,
                          trc("sync", "cannot read this client's journal on the relay: %1").arg(ge.message));
                return false;
            }
            pass.problem(trc("sync", "cannot take back %1 (%2): later segments of this client are numbered "
                                     "after it")
                             .arg(path, ge.ok() ? error : ge.message));
            segments.append(Segment{seq, {}, {}});
            continue;
        }
        Segment segment{seq, bytes, {}};
        for (const QByteArray& text : decoded->recordLines) {
            auto record = JournalRecord::fromJsonText(text, error);
            if (!record || !protocol::checkRelayPath(record->path).isEmpty())
                continue;
            if (!record->piece) {
                bool waiting = false;
                for (const StateDb::Version& v : m_ctx.db.versions(record->path))
                    waiting = waiting || (v.pending && v.record.vv == record->vv && v.record.sameContent(*record));
                foreign = foreign || !waiting;
            }
            segment.records.append(*record);
        }
        segments.append(segment);
    }
    if (foreign && m_ctx.ownStateConfirmed) {
        return refuseClone(pass);
    }
    qCWarning(lcEngine).noquote()
        << QStringLiteral("[%1] this client's state is behind the relay (journal %2 here, %3 there): taking "
                          "back what it published")
               .arg(m_ctx.settings.name)
               .arg(journal)
               .arg(highest);
    m_ctx.db.begin();
    // A state left behind (records made here it does not know: put back from a backup, not a crash
    // or a lost answer, whose records all wait here): the entries of the files the scan does not
    // look at (send flag off, filtered out, hidden) are as it recorded them, and their files may
    // have moved away and back since, through paths whose deletions this client published (model
    // seed 1710031's kind). Held until a scan looks at them (R24, HeldFiles).
    if (foreign || covering) {
        QSet<QString> held = m_ctx.db.heldGone();
        const qsizetype before = held.size();
        for (const StateDb::LocalEntry& e : m_ctx.db.allLocal())
            if (e.kind == Kind::File && !m_ctx.looksAt(e.path))
                held.insert(e.path);
        if (held.size() != before)
            m_ctx.db.setHeldGone(held);
    }
    // Versions made here since the state was left behind (a scan of this run, before this) may
    // carry counters the adopted ones used: nothing says whether their author had the adopted
    // versions on disk, so before those come in, they are made concurrent with them (R26 keeps
    // both) under a counter of their own. Taken back before this run's first scan, every version
    // waiting here predates the adopted ones, which were made after it on this machine: they stay
    // as they are (one the adopted ones descend from goes, like any version superseded).
    QHash<QString, quint64> adoptedCounter; // path -> highest own counter among adopted versions
    for (const Segment& segment : std::as_const(segments))
        for (const JournalRecord& record : segment.records)
            if (!record.piece) {
                quint64& counter = adoptedCounter[record.path];
                counter = std::max(counter, record.vv.counter(m_ctx.clientId));
            }
    for (auto it = adoptedCounter.cbegin(); it != adoptedCounter.cend(); ++it) {
        QList<StateDb::Version> versions = m_ctx.db.versions(it.key());
        bool changed = false;
        for (StateDb::Version& v : versions) {
            const quint64 own = v.record.vv.counter(m_ctx.clientId);
            if (!v.pending || own == 0 || own > it.value())
                continue;
            bool published = false; // the very version, sent before the state was left behind
            bool sameVector = false; // an adopted version has its vector (then never its ancestor)
            bool otherContent = false; // ... with other bytes (else only the permission bits differ)
            for (const Segment& segment : std::as_const(segments))
                for (const JournalRecord& record : segment.records)
                    if (!record.piece && record.path == it.key() && record.vv == v.record.vv) {
                        sameVector = true;
                        published = published || sameBits(record, v.record);
                        otherContent = otherContent || !record.sameContent(v.record);
                    }
            const bool sameContent = sameVector && !otherContent;
            if (published)
                continue;
            // Made since: by a scan of this run; or, with an adopted version's very vector, by the
            // scan of an earlier run that stopped (a crash) before taking them back (model seed 42074:
            // left as it was, the others held an equal vector and never took that edit).
            if (!m_ctx.scannedThisRun && !sameVector)
                continue;
            const VersionVector before = v.record.vv;
            const QString fresh = protocol::newClientId();
            // The folder's content is the adopted version's, with other permission bits (model seed
            // 41013: a chmod after the state was put back): the change of bits came after it, and
            // supersedes it (nothing but those bits is replaced). Any other content: concurrent.
            v.record.vv = (sameContent ? before : before.withCounter(m_ctx.clientId, own - 1))
                              .merged(VersionVector({{fresh, 1}}));
            v.record.origin = fresh;
            changed = true;
            if (auto local = m_ctx.db.local(it.key()); local && local->vv == before) {
                local->vv = v.record.vv;
                m_ctx.db.putLocal(*local);
            }
        }
        if (changed)
            m_ctx.db.setVersions(it.key(), versions);
    }
    quint64 reached = journal;
    QByteArray lastText;
    for (const Segment& segment : std::as_const(segments)) {
        if (!segment.snapshot) {
            reached = segment.seq;
            lastText = segment.text;
        }
        // This client's packs the segment names (R41): kept until it is acknowledged; a pack's
        // size is that of the bytes its records name, as far as they are known (its last blobs).
        QHash<QString, qint64> packEnds;
        for (const JournalRecord& record : std::as_const(segment.records))
            for (const protocol::BlobRef& c : record.blobs)
                if (protocol::isObjectOf(c.pack, m_ctx.clientId))
                    packEnds[c.pack] = std::max(packEnds.value(c.pack), c.offset + c.length);
        QHash<QString, qint64> known;
        for (const StateDb::OwnObject& o : m_ctx.db.ownObjects())
            known.insert(o.id, o.size);
        for (auto it = packEnds.cbegin(); it != packEnds.cend(); ++it)
            m_ctx.db.putOwnObject(StateDb::OwnObject{
                it.key(), segment.seq,
                std::max(known.value(it.key()), m_ctx.store.codec().encodedSize(it.value()))});
        for (JournalRecord record : segment.records) {
            QList<protocol::BlobRef> ours;
            for (const protocol::BlobRef& c : record.blobs)
                if (protocol::isObjectOf(c.pack, m_ctx.clientId))
                    ours.append(c);
            m_ctx.db.putOwnBlobs(ours);
            if (record.piece)
                continue;
            QList<StateDb::Version> versions = m_ctx.db.versions(record.path);
            bool matched = false;
            for (StateDb::Version& v : versions) {
                if (v.pending && v.record.vv == record.vv && sameBits(v.record, record)) {
                    v.pending = false; // published after all: its record here was lost
                    v.renamed = false;
                    v.record.blobs = record.blobs;
                    v.record.from = record.from;
                    matched = true;
                }
            }
            if (matched) {
                m_ctx.db.setVersions(record.path, versions);
                continue;
            }
            const bool repushed = record.repush;
            record.repush = false;
            if (const auto updated = integrated(versions, StateDb::Version{record}))
                m_ctx.db.setVersions(record.path, *updated);
            else
                m_ctx.db.keepPublished(record);
            // A version this client made from its folder, before the scan of a run's first pass:
            // the folder held it then. The scan compares the folder with it, and what changed since
            // builds on it (R24); a file gone since is a deletion. So with every version its
            // journal carries but a repush: a conflict copy it made (its origin the copy's own key)
            // or a version renumbered at an earlier recovery was in its folder too.
            // After a scan of this run, the folder's state is what that scan recorded, and the
            // version it made from it (if any) stands on it. A version made after this record
            // (its successor: the scan's counter was above it) keeps both. Any other stood on
            // the state put back, which this record replaces: it goes too, unpublished, and the
            // next scan compares the folder with the state taken back (model seed 110166:
            // published, it stood for a file the path's state no longer named, so nothing done
            // here later superseded it, and its content was asked for forever; seed 170480: a
            // successor dropped with the state, the next scan numbered the file's version as
            // the file's first again, and a deletion from elsewhere passed for its successor).
            // (A record taken back before this run knew its journal, not a repush, not from the
            // snapshot: what the folder held.)
            // A successor is any version waiting here that supersedes the record: only a scan
            // that knew the record's counter made it, a deletion (no folder state) as well.
            bool heldHere = !m_ctx.ownStateConfirmed && !repushed && !segment.snapshot;
            if (heldHere && m_ctx.scannedThisRun) {
                QList<StateDb::Version> now = m_ctx.db.versions(record.path);
                const bool successor = std::any_of(now.cbegin(), now.cend(), [&](const StateDb::Version& v) {
                    return v.pending && v.record.vv != record.vv && v.record.vv.supersedes(record.vv);
                });
                if (successor) {
                    heldHere = false; // the scan's successor stands, with its state
                } else if (const auto local = m_ctx.db.local(record.path);
                           local && local->vv && now.removeIf([&](const StateDb::Version& v) {
                               return v.pending && v.record.vv == *local->vv && v.record.vv != record.vv;
                           }) > 0) {
                    m_ctx.db.setVersions(record.path, now);
                }
            }
            if (heldHere) {
                if (record.kind == Kind::Deleted) {
                    m_ctx.db.removeLocal(record.path);
                } else {
                    StateDb::LocalEntry held{record.path, record.kind, record.size, record.mtimeMs * 1'000'000,
                                             0, record.hash, m_ctx.clientId, record.vv, record.mode};
                    m_ctx.db.putLocal(held);
                }
            }
            // The folder is made to match at this pass or, adopted while sending, at the next.
            pass.affected << record.path;
            m_ctx.db.putSetAside(record.path, trc("sync", "%1: taken back from the relay").arg(record.path),
                             m_ctx.now());
        }
    }
    reached = std::max(reached, coveredJournal);
    if (covering && covering->seq > m_ctx.db.meta(Meta::Snapshot).toULongLong()) {
        // Its next snapshot is numbered after that one, and covers from where it does.
        m_ctx.db.setMeta(Meta::Snapshot, QString::number(covering->seq));
        m_ctx.db.setMeta(Meta::SnapshotJournal, QString::number(coveredJournal));
    }
    m_ctx.db.setMeta(Meta::Journal, QString::number(reached));
    // What it uploaded after the state it went back to and never published is known nowhere: the
    // relay is looked through for it at the end of the pass (R20).
    m_ctx.db.setMeta(Meta::SweepDue, QStringLiteral("1"));
    if (lastText.isEmpty())
        m_ctx.db.removeMeta(Meta::JournalDigest);
    else
        m_ctx.db.setMeta(Meta::JournalDigest, digestOf(lastText));
    m_ctx.db.commit();
    pass.headSeen = headSeen;
    // From now on in this run, a segment of its own it does not know is another machine's.
    m_ctx.ownStateConfirmed = true;
    return true;
}

void OwnJournal::answerMissing(Pass& pass)
{
    // Another client cannot read one of this client's segments (gone, damaged, or the relay put
    // back from an older copy): a snapshot of everything this client knows stands for it (R35),
    // written once for each such report. A report counts as answered only once the snapshot is
    // on the relay (RelaySpace::writeSnapshot): a pass that stops or fails before, or a relay that
    // refuses the snapshot, has it written at the next pass (model seed 660036: a pass that
    // crashed after taking the report left the other client waiting for ever).
    QJsonObject answered = QJsonDocument::fromJson(m_ctx.db.meta(Meta::AnsweredMissing).toUtf8()).object();
    bool changed = false;
    for (const StateDb::Peer& p : std::as_const(pass.peers)) {
        const quint64 seq = p.missing.value(m_ctx.clientId, 0);
        if (seq == 0) {
            if (answered.contains(p.client)) {
                answered.remove(p.client);
                changed = true;
            }
            continue;
        }
        if (quint64(answered.value(p.client).toDouble()) == seq)
            continue;
        pass.snapshotWanted = true;
        pass.answering.insert(p.client, seq);
        pass.problem(trc("sync", "%1 cannot read %2: a snapshot that stands for it is sent")
                         .arg(p.name, layout::journalPath(m_ctx.clientId, seq)));
    }
    if (changed)
        m_ctx.db.setMeta(Meta::AnsweredMissing,
                     QString::fromUtf8(QJsonDocument(answered).toJson(QJsonDocument::Compact)));
}

bool OwnJournal::refuseClone(Pass& pass)
{
    pass.fail(PassResult::Status::Refused,
              trc("sync", "another machine writes to %1 under this client's identity (its state %2 was copied, "
                          "or restored on two machines): nothing more is written. To go on as a new client on "
                          "this machine, stop Escale, move %2 away and start again; the files of %3 are "
                          "compared with the repository's, nothing is lost")
                  .arg(m_ctx.backend->describe(), m_ctx.statePath, m_ctx.settings.localPath));
    return false;
}

QString OwnJournal::digestOf(const QByteArray& text)
{
    return QString::fromLatin1(QCryptographicHash::hash(text, QCryptographicHash::Sha256).toHex());
}

} // namespace escale::sync::engine
