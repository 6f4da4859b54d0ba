#include "maintenance/RelayMigration.h"

#include "Tr.h"
#include "protocol/Layout.h"
#include "protocol/TextObject.h"
#include "relay/RelayCopy.h"
#include "relay/RelayJob.h"

#include <QDateTime>
#include <QHash>
#include <QSet>

namespace escale::sync {

using relay::RelayError;

namespace {

// Path -> size of every object of a relay repository (tmp/ and the forwarding record left out).
RelayError inventory(relay::RelayBackend& relay, QHash<QString, qint64>& objects)
{
    QList<relay::RelayEntry> entries;
    const RelayError e = relay::listObjects(relay, QString(), entries);
    if (!e.ok() && e.kind != RelayError::Kind::NotFound)
        return e;
    objects.clear();
    for (const relay::RelayEntry& entry : std::as_const(entries))
        if (entry.name != protocol::layout::forwardPath())
            objects.insert(entry.name, entry.size);
    return {};
}

class Copier
{
public:
    Copier(relay::RelayBackend& source, relay::RelayBackend& destination, MigrationResult& result,
           const std::function<void(const QString&)>& progress)
        : m_source(source)
        , m_destination(destination)
        , m_result(result)
        , m_progress(progress)
    {}

    // One round: what the source has and the destination lacks is copied; what this migration
    // copied and the source no longer has (freed by its writer) is removed. The number of changes,
    // or -1 on failure.
    int round(bool mirror)
    {
        ++m_result.rounds;
        QHash<QString, qint64> there, here;
        if (!check(inventory(m_source, there)) || !check(inventory(m_destination, here)))
            return -1;
        int changes = 0;
        // The header last on a first copy: a destination without it is not a repository yet.
        QStringList paths = there.keys();
        std::sort(paths.begin(), paths.end(), [](const QString& a, const QString& b) {
            const bool ah = a == protocol::layout::headerPath(), bh = b == protocol::layout::headerPath();
            return ah != bh ? bh : a < b;
        });
        for (const QString& path : std::as_const(paths)) {
            if (here.contains(path) && here.value(path) == there.value(path))
                continue;
            if (!makeParent(path))
                return -1;
            qint64 bytes = 0;
            const RelayError e = relay::copyObject(m_source, m_destination, path, bytes);
            if (e.kind == RelayError::Kind::NotFound)
                continue; // freed by its writer meanwhile
            if (!check(e))
                return -1;
            m_copied.insert(path);
            ++m_result.copied;
            m_result.bytes += bytes;
            ++changes;
            if (m_progress && m_result.copied % 200 == 0)
                m_progress(trc("maintenance", "%1 objects copied (%2 bytes)")
                               .arg(m_result.copied)
                               .arg(m_result.bytes));
        }
        // Before the forwarding record nobody else writes to the destination: it mirrors the
        // source. After it, only what this migration copied is taken back.
        for (auto it = here.cbegin(); it != here.cend(); ++it) {
            if (there.contains(it.key()) || (!mirror && !m_copied.contains(it.key())))
                continue;
            const RelayError e = relay::run(m_destination.remove(it.key()));
            if (e.kind == RelayError::Kind::NotFound)
                continue;
            if (!check(e))
                return -1;
            ++m_result.removed;
            ++changes;
            if (m_progress)
                m_progress(trc("maintenance", "removed %1 from %2 (freed on %3)")
                               .arg(it.key(), m_destination.describe(), m_source.describe()));
        }
        return changes;
    }

private:
    bool check(const RelayError& e)
    {
        if (e.ok())
            return true;
        m_result.error = e.message;
        return false;
    }
    bool makeParent(const QString& path)
    {
        if (!m_destination.capabilities().needsDirectories)
            return true;
        const QString parent = path.section(QLatin1Char('/'), 0, -2);
        if (m_folders.contains(parent))
            return true;
        // The destination itself first, asked for by name: a migration is made on purpose.
        if (!parent.isEmpty() && !m_folders.contains(QString())) {
            if (!check(relay::run(m_destination.makeFolder(QString()))))
                return false;
            m_folders.insert(QString());
        }
        if (!check(relay::run(m_destination.makeFolder(parent))))
            return false;
        m_folders.insert(parent);
        return true;
    }

    relay::RelayBackend& m_source;
    relay::RelayBackend& m_destination;
    MigrationResult& m_result;
    const std::function<void(const QString&)>& m_progress;
    QSet<QString> m_copied;
    QSet<QString> m_folders;
};

} // namespace

MigrationResult migrateRepository(protocol::ObjectStore& source, const protocol::RepositoryHeader& header,
                                  relay::RelayBackend& destination, const QString& destinationAddress,
                                  const std::function<void(const QString&)>& progress)
{
    MigrationResult result;
    relay::RelayBackend& from = *source.backend();
    // Migrated already? Only to the same place, to finish an interrupted run.
    QByteArray bytes;
    RelayError e = source.getSmall(protocol::layout::forwardPath(), bytes);
    bool forwarded = false;
    if (e.ok()) {
        QString error;
        const auto existing = decodeForward(bytes, error);
        if (!existing || existing->address != destinationAddress) {
            result.error = existing ? trc("maintenance", "%1 was migrated to %2 already")
                                          .arg(from.describe(), existing->address)
                                    : trc("maintenance", "%1 holds a damaged forwarding record: %2")
                                          .arg(from.describe(), error);
            return result;
        }
        forwarded = true;
    } else if (e.kind != RelayError::Kind::NotFound) {
        result.error = e.message;
        return result;
    }
    // The destination: empty, or this repository (an interrupted migration).
    protocol::ObjectStore target(&destination);
    e = target.getHeader(bytes);
    if (e.ok()) {
        QString error;
        const auto there = protocol::RepositoryHeader::fromBytes(bytes, error);
        if (!there || there->repository != header.repository) {
            result.error = trc("maintenance", "%1 holds another repository: migrate into an empty location")
                               .arg(destination.describe());
            result.destinationInUse = true;
            return result;
        }
        result.resumed = true;
    } else if (e.kind == RelayError::Kind::NotFound) {
        std::unique_ptr<relay::RelayJob> root(destination.list(QString()));
        const RelayError listed = relay::waitFor(root.get());
        if (listed.ok() && !root->entries().isEmpty()) {
            result.error =
                trc("maintenance",
                    "%1 is not empty and holds no Escale repository: migrate into an empty location")
                    .arg(destination.describe());
            result.destinationInUse = true;
            return result;
        }
        if (!listed.ok() && listed.kind != RelayError::Kind::NotFound) {
            result.error = listed.message;
            return result;
        }
    } else {
        result.error = e.message;
        return result;
    }

    Copier copier(from, destination, result, progress);
    if (!forwarded) {
        // Clients go on writing: rounds until one finds nothing new (a few at most).
        for (int i = 0; i < 8; ++i) {
            const int changes = copier.round(true);
            if (changes < 0)
                return result;
            if (changes == 0)
                break;
        }
        const Forward forward{header.repository, destinationAddress, QDateTime::currentMSecsSinceEpoch()};
        e = source.putSmall(protocol::layout::forwardPath(), encodeForward(forward),
                            relay::WriteMode::CreateExclusive);
        if (!e.ok()) {
            result.error = trc("maintenance", "cannot write the forwarding record on %1: %2")
                               .arg(from.describe(), e.message);
            return result;
        }
        if (progress)
            progress(trc("maintenance", "forwarding record written on %1").arg(from.describe()));
    }
    // What clients wrote before they saw the record.
    if (copier.round(false) < 0)
        return result;
    result.ok = true;
    return result;
}

} // namespace escale::sync
