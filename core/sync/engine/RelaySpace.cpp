#include "sync/engine/RelaySpace.h"

#include "Tr.h"
#include "log/Logging.h"
#include "protocol/JournalObjects.h"
#include "protocol/Layout.h"
#include "protocol/PathCheck.h"
#include "protocol/TextObject.h"
#include "sync/engine/EngineContext.h"
#include "sync/engine/LocalFiles.h"
#include "sync/engine/Pass.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>

namespace escale::sync::engine {

using protocol::JournalRecord;
using relay::RelayError;
using relay::WriteMode;
using state::Meta;
using state::StateDb;
using Kind = JournalRecord::Kind;
namespace layout = protocol::layout;

RelaySpace::RelaySpace(EngineContext& context)
    : m_ctx(context)
{}

void RelaySpace::writeSnapshot(Pass& pass)
{
    const quint64 journal = m_ctx.db.meta(Meta::Journal).toULongLong();
    const quint64 covered = m_ctx.db.meta(Meta::SnapshotJournal).toULongLong();
    if (journal == 0 || (!pass.snapshotWanted && journal < covered + quint64(m_snapshotInterval)))
        return;
    const quint64 seq = m_ctx.db.meta(Meta::Snapshot).toULongLong() + 1;
    protocol::Snapshot text{m_ctx.clientId, seq, {{m_ctx.clientId, journal}}, {}, {}};
    QJsonObject acks{{m_ctx.clientId, double(journal)}};
    for (const StateDb::Peer& p : std::as_const(pass.peers))
        if (p.consumed > 0) {
            text.acks.insert(p.client, p.consumed);
            acks.insert(p.client, double(p.consumed));
        }
    for (const StateDb::Version& v : m_ctx.db.publishedVersions())
        text.recordLines.append(v.record.toJsonText());
    RelayError e = m_ctx.ensureFolder(layout::snapshotFolderOf(m_ctx.clientId));
    if (e.ok())
        e = m_ctx.store.putSmall(layout::snapshotPath(m_ctx.clientId, seq), text.encode(), WriteMode::Replace);
    if (!e.ok()) {
        pass.problem(trc("sync", "cannot write a snapshot: %1").arg(e.message));
        return;
    }
    m_ctx.db.begin();
    m_ctx.db.setMeta(Meta::Snapshot, QString::number(seq));
    m_ctx.db.setMeta(Meta::SnapshotJournal, QString::number(journal));
    m_ctx.db.setMeta(Meta::SnapshotAcks,
                 QString::fromUtf8(QJsonDocument(acks).toJson(QJsonDocument::Compact)));
    if (!pass.answering.isEmpty()) { // the reports it answers (R35), not answered again
        QJsonObject answered = QJsonDocument::fromJson(m_ctx.db.meta(Meta::AnsweredMissing).toUtf8()).object();
        for (auto it = pass.answering.cbegin(); it != pass.answering.cend(); ++it)
            answered.insert(it.key(), double(it.value()));
        m_ctx.db.setMeta(Meta::AnsweredMissing,
                         QString::fromUtf8(QJsonDocument(answered).toJson(QJsonDocument::Compact)));
    }
    m_ctx.db.commit();
    if (seq > 1)
        m_ctx.store.remove(layout::snapshotPath(m_ctx.clientId, seq - 1));
    qCInfo(lcEngine).noquote() << QStringLiteral("[%1] wrote snapshot %2 (%3 versions, journal %4)")
                                      .arg(m_ctx.settings.name)
                                      .arg(seq)
                                      .arg(text.recordLines.size())
                                      .arg(journal);
}

void RelaySpace::writeHead(Pass& pass)
{
    if (!pass.headSeen)
        return;
    protocol::Head head;
    head.client = m_ctx.clientId;
    head.name = m_ctx.settings.clientName;
    head.journal = m_ctx.db.meta(Meta::Journal).toULongLong();
    head.usage = m_ctx.db.ownUsage();
    head.wants = currentWants();
    head.lacks = currentLacks(pass, head.wants);
    head.snapshot = m_ctx.db.meta(Meta::Snapshot).toULongLong();
    if (head.snapshot > 0) {
        const QJsonObject acks =
            QJsonDocument::fromJson(m_ctx.db.meta(Meta::SnapshotAcks).toUtf8()).object();
        for (auto it = acks.begin(); it != acks.end(); ++it)
            head.snapshotAcks.insert(it.key(), quint64(it.value().toDouble()));
    }
    for (const StateDb::Peer& p : std::as_const(pass.peers))
        if (p.consumed > 0)
            head.acks.insert(p.client, p.consumed);
    head.missing = pass.missing;
    // Publish a new head only when what it says changed since the last one that made it to
    // the relay (or when none is there).
    const QString signature = QString::fromUtf8(QJsonDocument(head.toJson()).toJson(QJsonDocument::Compact));
    if (!pass.ownHeads.isEmpty() && signature == m_ctx.db.meta(Meta::Head))
        return;
    head.generation = std::max(m_ctx.db.meta(Meta::Generation).toULongLong(), pass.ownGeneration) + 1;
    protocol::TextObject text;
    text.header = head.toJson();
    const RelayError e =
        m_ctx.store.putSmall(layout::headPath(m_ctx.clientId, head.generation), text.encode(), WriteMode::Replace);
    if (!e.ok()) {
        pass.fail(PassResult::Status::Failed,
                  trc("sync", "cannot publish this client's head: %1").arg(e.message));
        return;
    }
    m_ctx.db.begin();
    m_ctx.db.setMeta(Meta::Generation, QString::number(head.generation));
    m_ctx.db.setMeta(Meta::Head, signature);
    m_ctx.db.commit();
    qCDebug(lcEngine).noquote() << QStringLiteral("[%1] head %2 of %3: journal %4, %5 wanted")
                                       .arg(m_ctx.settings.name)
                                       .arg(head.generation)
                                       .arg(m_ctx.settings.clientName)
                                       .arg(head.journal)
                                       .arg(head.wants.size());
    for (const QString& old : std::as_const(pass.ownHeads))
        if (old != layout::headName(m_ctx.clientId, head.generation))
            m_ctx.store.remove(layout::headsFolder() + QLatin1Char('/') + old);
}

QList<QByteArray> RelaySpace::currentWants()
{
    QList<QByteArray> out;
    const QMultiHash<QByteArray, QString> wants = m_ctx.db.wants();
    // Still needed: the content of the name or of one of its conflict copies, not there yet.
    auto missing = [this](const QString& path, const QByteArray& hash) {
        const auto local = m_ctx.db.local(path);
        return !local || local->kind != Kind::File || local->hash != hash;
    };
    for (auto it = wants.cbegin(); it != wants.cend(); ++it) {
        const Resolution r = m_ctx.resolved(it.value());
        bool needed = r.kind == Kind::File && r.winner.hash == it.key() && missing(it.value(), it.key());
        // A copy edited or deleted since (a newer version of its own path) needs nothing more.
        for (const JournalRecord& copy : r.copies) {
            bool replaced = false;
            for (const StateDb::Version& v : m_ctx.db.versions(copy.path))
                replaced = replaced || v.record.vv.supersedes(copy.vv);
            needed = needed || (copy.hash == it.key() && !replaced && missing(copy.path, it.key()));
        }
        if (!needed) {
            m_ctx.db.removeWant(it.key(), it.value());
            // The name waited for that content (its conflict copy's): what it holds is made to
            // match at the next pass, now that it waits for nothing (model seed 70451: the copy
            // came as a version of its own path, and the name kept its old file).
            m_ctx.lookAgain(it.value());
            continue;
        }
        // A file here holds it already (a copy of a copy, a file received since): the path takes
        // it from there when it is tried again; nobody needs to send it.
        if (!m_ctx.anyHolds(m_ctx.db.localWithHash(it.key())))
            out.append(it.key());
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

QList<QByteArray> RelaySpace::currentLacks(const Pass& pass, const QList<QByteArray>& wants)
{
    // Any file here with that content counts, whether or not it could be sent this pass (changed
    // since its scan, waiting for room): only a content this client surely cannot send is said
    // lacking, so that a content said lacking by all is one nobody can send. At most 256 (the
    // lowest hashes): one left out only keeps the others from finding it lost.
    constexpr qsizetype kMostLacks = 256;
    const QSet<QByteArray> own(wants.cbegin(), wants.cend());
    QSet<QByteArray> asked;
    for (const StateDb::Peer& p : pass.peers)
        for (const QByteArray& hash : p.wants)
            if (!own.contains(hash))
                asked.insert(hash);
    QList<QByteArray> out;
    if (asked.isEmpty() && own.isEmpty())
        return out;
    if (asked.size() > 1000) { // (a newcomer catching up: every local hash read once)
        QSet<QByteArray> held;
        for (const StateDb::LocalEntry& e : m_ctx.db.allLocal())
            if (m_ctx.entryHolds(e))
                held.insert(e.hash);
        for (const QByteArray& hash : std::as_const(asked))
            if (!held.contains(hash))
                out.append(hash);
    } else {
        for (const QByteArray& hash : std::as_const(asked))
            if (!m_ctx.anyHolds(m_ctx.db.localWithHash(hash)))
                out.append(hash);
    }
    std::sort(out.begin(), out.end());
    if (out.size() > kMostLacks)
        out.resize(kMostLacks);
    // A file of the folder that this client does not track may hold it: where a known version had
    // that content, something on disk that no local entry records (a path its filters, hidden files
    // or access flags leave out, or one its scan passed over: unreadable, still being written).
    // Not said lacking then (model seed 620028: alice's restored state had no entry for a file
    // '*.md' left out, which held the content bob asked for; said lacking, it was settled as lost).
    // A folder there holds no file's content.
    const QMultiHash<QByteArray, QString> paths =
        out.isEmpty() ? QMultiHash<QByteArray, QString>()
                      : m_ctx.db.pathsWithContents(QSet<QByteArray>(out.cbegin(), out.cend()));
    out.removeIf([&](const QByteArray& hash) {
        for (auto it = paths.constFind(hash); it != paths.cend() && it.key() == hash; ++it) {
            bool special = false;
            if (m_ctx.db.local(it.value()))
                continue;
            if (const auto disk = statLocal(m_ctx.localPath(it.value()), it.value(), &special);
                special || (disk && disk->kind == JournalRecord::Kind::File))
                return true;
        }
        return false;
    });
    // A content asked for here only under names this client cannot publish (a download-only
    // folder, a path whose send flag is off) is said lacking too: wanted and lacking, so that the
    // others do not wait for this client to settle it when nobody holds it.
    if (!own.isEmpty()) {
        const QMultiHash<QByteArray, QString> wantedAt = m_ctx.db.wants();
        for (const QByteArray& hash : own) {
            bool publishable = false;
            for (auto it = wantedAt.constFind(hash); it != wantedAt.cend() && it.key() == hash && !publishable; ++it)
                publishable = m_ctx.sends() && m_ctx.accessOf(it.value()).send;
            if (!publishable && out.size() < kMostLacks)
                out.append(hash);
        }
        std::sort(out.begin(), out.end());
    }
    return out;
}

void RelaySpace::freeSpace(Pass& pass)
{
    const QList<StateDb::OwnObject> objects = m_ctx.db.ownObjects();
    if (objects.isEmpty())
        return;
    // Until another client has taken a copy, the relay keeps it for newcomers.
    const auto active = [this](const StateDb::Peer& p) { return m_ctx.isActive(p); };
    if (std::none_of(pass.peers.cbegin(), pass.peers.cend(), active))
        return;
    // A segment counts as read (R22) once every active client but its writer acknowledged it, and
    // `pullers` clients in all; for another client's segment naming these objects (R41), this
    // client read it too.
    auto acknowledged = [&](const QString& writer, quint64 segment) {
        int enough = writer == m_ctx.clientId ? 0 : 1;
        for (const StateDb::Peer& p : std::as_const(pass.peers)) {
            if (p.client == writer)
                continue;
            const bool acked = p.acks.value(writer, 0) >= segment;
            if (!acked && m_ctx.isActive(p))
                return false;
            enough += acked ? 1 : 0;
        }
        return enough >= std::max(1, m_ctx.settings.pullers);
    };
    const QMultiHash<QString, StateDb::PackRef> refs = m_ctx.db.packRefs();
    for (const StateDb::OwnObject& o : objects) {
        if (o.segment == 0 || !acknowledged(m_ctx.clientId, o.segment))
            continue;
        // Named by a segment not read yet (a forgotten writer's versions are no longer read).
        bool named = false;
        for (auto it = refs.find(o.id); it != refs.end() && it.key() == o.id && !named; ++it)
            named = pass.peers.contains(it->client) && !acknowledged(it->client, it->segment);
        if (named)
            continue;
        if (m_ctx.dropOwnObject(o.id))
            ++pass.result.freed;
    }
}

void RelaySpace::deleteOldJournal(Pass& pass)
{
    // A segment goes once this client's snapshot covers it and every active client read it (R18).
    quint64 limit = m_ctx.db.meta(Meta::SnapshotJournal).toULongLong();
    const quint64 floor = m_ctx.db.meta(Meta::JournalFloor).toULongLong();
    if (limit <= floor || pass.peers.isEmpty())
        return;
    bool anyActive = false;
    for (const StateDb::Peer& p : std::as_const(pass.peers)) {
        if (!m_ctx.isActive(p))
            continue;
        anyActive = true;
        limit = std::min(limit, p.acks.value(m_ctx.clientId, 0));
    }
    if (!anyActive || limit <= floor)
        return;
    for (quint64 s = floor + 1; s <= limit; ++s) {
        const RelayError e = m_ctx.store.remove(layout::journalPath(m_ctx.clientId, s));
        if (!e.ok() && e.kind != RelayError::Kind::NotFound)
            return;
        m_ctx.db.setMeta(Meta::JournalFloor, QString::number(s));
    }
}

void RelaySpace::sweepOwnObjects(Pass& pass)
{
    constexpr qint64 kSweepEveryMs = 24LL * 3600 * 1000;
    const qint64 now = m_ctx.now();
    const QString last = m_ctx.db.meta(Meta::Swept);
    const bool due = m_sweepRequested || !m_ctx.db.meta(Meta::SweepDue).isEmpty();
    if (last.isEmpty() && !due) {
        m_ctx.db.setMeta(Meta::Swept, QString::number(now)); // a day from now
        return;
    }
    if (!due && now - last.toLongLong() < kSweepEveryMs && now >= last.toLongLong())
        return;
    // Everything this client must keep: what its state records as its own (published, or being
    // sent), and whatever a version it knows names.
    QSet<QString> kept = m_ctx.db.referencedObjects();
    for (const StateDb::OwnObject& o : m_ctx.db.ownObjects())
        kept.insert(o.id);
    QList<relay::RelayEntry> prefixes;
    RelayError e = m_ctx.store.list(layout::dataFolder(), prefixes);
    if (!e.ok() && e.kind != RelayError::Kind::NotFound)
        return; // looked through at a later pass
    int swept = 0;
    for (const relay::RelayEntry& prefix : std::as_const(prefixes)) {
        if (!prefix.isDirectory)
            continue;
        QList<relay::RelayEntry> entries;
        e = m_ctx.store.list(layout::dataFolder() + QLatin1Char('/') + prefix.name, entries);
        if (!e.ok() && e.kind != RelayError::Kind::NotFound)
            return;
        for (const relay::RelayEntry& entry : std::as_const(entries)) {
            if (entry.isDirectory || !protocol::isObjectId(entry.name))
                m_ctx.noteUnknown(layout::dataFolder() + QLatin1Char('/') + prefix.name + QLatin1Char('/') + entry.name);
            // Only objects this client wrote (their name ends with its tag): another client's
            // upload in progress is named by nothing yet either.
            if (entry.isDirectory || !protocol::isObjectOf(entry.name, m_ctx.clientId) || kept.contains(entry.name))
                continue;
            e = m_ctx.store.remove(layout::dataPath(entry.name));
            if (!e.ok() && e.kind != RelayError::Kind::NotFound)
                return;
            ++swept;
        }
    }
    m_ctx.removeOwnTemporary(); // and whatever a lost upload left in tmp/
    m_sweepRequested = false;
    m_ctx.db.removeMeta(Meta::SweepDue);
    m_ctx.db.setMeta(Meta::Swept, QString::number(now));
    pass.result.swept = swept;
    if (swept > 0)
        qCInfo(lcEngine).noquote()
            << QStringLiteral("[%1] deleted %2 contents this client had sent to the relay and nothing names (an "
                              "upload whose record was lost, e.g. with a state put back from a backup)")
                   .arg(m_ctx.settings.name)
                   .arg(swept);
}

} // namespace escale::sync::engine
