#include "maintenance/ForgetClient.h"

#include "Tr.h"
#include "protocol/Layout.h"
#include "protocol/Records.h"
#include "protocol/TextObject.h"

#include <QDateTime>
#include <QSet>

namespace escale::sync {

using relay::RelayError;
namespace layout = protocol::layout;

ForgetResult forgetClient(RepositoryReader& reader, const QString& who, bool force, const LastHeard& lastHeard,
                          int recentHours)
{
    ForgetResult result;
    QStringList problems;
    const QList<RepositoryReader::ClientHead> clients = reader.clients(problems);
    QList<RepositoryReader::ClientHead> matches;
    for (const auto& c : clients)
        if (c.head.client == who || c.head.name == who)
            matches << c;
    if (matches.size() != 1) {
        result.status = ForgetResult::Status::NotFound;
        QStringList known;
        for (const auto& c : clients)
            known << QStringLiteral("%1 (%2)").arg(c.head.name, c.head.client);
        result.message = matches.isEmpty()
                             ? trc("maintenance", "no client '%1' in this repository (clients: %2)")
                                   .arg(who, known.isEmpty() ? trc("maintenance", "none")
                                                             : known.join(QLatin1String(", ")))
                             : trc("maintenance", "several clients are named '%1': give its id (clients: %2)")
                                   .arg(who, known.join(QLatin1String(", ")));
        return result;
    }
    const RepositoryReader::ClientHead target = matches.first();
    result.client = target.head.client;
    result.name = target.head.name;
    if (!force) {
        const std::optional<qint64> heard = lastHeard ? lastHeard(target.head.client) : std::nullopt;
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        if (!heard) {
            result.status = ForgetResult::Status::Refused;
            result.message =
                trc("maintenance", "this machine cannot tell when %1 (%2) was last heard of (it has "
                                   "no record of it: run a sync here first, and try again after %3 "
                                   "hours without news of it); --force forgets it anyway")
                    .arg(result.name, result.client)
                    .arg(recentHours);
            return result;
        }
        if (now - *heard < qint64(recentHours) * 3600 * 1000) {
            result.status = ForgetResult::Status::Refused;
            result.message =
                trc("maintenance", "%1 (%2) was heard of at %3, less than %4 hours ago: is it really gone? "
                                   "--force forgets it anyway (if it comes back, it stops and says so)")
                    .arg(result.name, result.client,
                         QDateTime::fromMSecsSinceEpoch(*heard, Qt::UTC).toString(Qt::ISODate))
                    .arg(recentHours);
            return result;
        }
        QStringList behind;
        for (const auto& c : clients)
            if (c.head.client != target.head.client && c.behind.value(target.head.client) > 0)
                behind << trc("maintenance", "%1 (%2 journal segments)")
                              .arg(c.head.name)
                              .arg(c.behind.value(target.head.client));
        if (!behind.isEmpty()) {
            result.status = ForgetResult::Status::Refused;
            result.message =
                trc("maintenance", "not everything %1 published has reached %2 yet: forgetting it now would "
                                   "lose those changes there; wait for their next pass, or --force")
                    .arg(result.name, behind.join(QLatin1String(", ")));
            return result;
        }
    }
    protocol::ObjectStore& store = reader.store();
    auto failed = [&](const QString& what, const RelayError& e) {
        result.status = ForgetResult::Status::Failed;
        result.message = trc("maintenance", "%1: %2").arg(what, e.message);
        return result;
    };
    // The record first: from then on every client ignores it, and it stops if it comes back.
    protocol::TextObject record;
    record.header = QJsonObject{{QStringLiteral("format"), protocol::kFormatVersion},
                                {QStringLiteral("type"), QStringLiteral("forgotten")},
                                {QStringLiteral("client"), result.client},
                                {QStringLiteral("name"), result.name},
                                {QStringLiteral("generation"), double(target.head.generation)},
                                {QStringLiteral("time"), double(QDateTime::currentMSecsSinceEpoch())}};
    RelayError e = store.putSmall(layout::forgottenPath(result.client), record.encode(),
                                  relay::WriteMode::CreateExclusive);
    if (!e.ok() && e.kind != RelayError::Kind::AlreadyExists)
        return failed(trc("maintenance", "cannot write %1").arg(layout::forgottenPath(result.client)), e);
    // Then its objects: the content its journal and snapshot name, then those, then its heads.
    QStringList segments, snapshots;
    for (const QString& n : reader.listNames(layout::journalFolderOf(result.client), false))
        segments << layout::journalFolderOf(result.client) + QLatin1Char('/') + n;
    for (const QString& n : reader.listNames(layout::snapshotFolderOf(result.client), false))
        snapshots << layout::snapshotFolderOf(result.client) + QLatin1Char('/') + n;
    // Its content: every chunk its journal segments name (a writer's records name only what it
    // uploaded), those of its snapshot that are its own (a snapshot also lists the others'
    // versions), and every object bearing its tag (R20) — uploads it never published, too.
    QSet<QString> chunks;
    for (const QString& path : segments + snapshots) {
        protocol::TextObject text;
        QString problem, error;
        const bool journal = path.startsWith(layout::journalFolder());
        if (!reader.readText(path, journal ? QStringLiteral("journal") : QStringLiteral("snapshot"), text, problem))
            continue; // damaged: its chunks cannot be named, but those bearing its tag go below
        for (const QJsonObject& o : std::as_const(text.records))
            if (const auto r = protocol::JournalRecord::fromJson(o, error))
                for (const protocol::BlobRef& c : r->blobs)
                    if (journal || r->origin == result.client || r->repush ||
                        protocol::isObjectOf(c.pack, result.client))
                        chunks.insert(c.pack);
    }
    for (const QString& prefix : reader.listNames(layout::dataFolder(), true))
        for (const QString& id : reader.listNames(layout::dataFolder() + QLatin1Char('/') + prefix, false))
            if (protocol::isObjectOf(id, result.client))
                chunks.insert(id);
    QStringList heads;
    for (const QString& n : reader.listNames(layout::headsFolder(), false))
        if (const auto h = layout::parseHeadName(n); h && h->client == result.client)
            heads << layout::headsFolder() + QLatin1Char('/') + n;
    QStringList doomed;
    for (const QString& id : std::as_const(chunks))
        doomed << layout::dataPath(id);
    doomed += segments + snapshots + heads;
    for (const QString& path : std::as_const(doomed)) {
        e = store.remove(path);
        if (e.ok())
            ++result.removed;
        else if (e.kind != RelayError::Kind::NotFound)
            return failed(trc("maintenance", "cannot remove %1").arg(path), e);
    }
    result.message =
        trc("maintenance", "forgot %1 (%2): %3 of its objects removed from the relay; the other clients "
                           "stop waiting for it at their next poll")
            .arg(result.name, result.client)
            .arg(result.removed);
    return result;
}

} // namespace escale::sync
