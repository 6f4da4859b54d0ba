#include "sync/LocalState.h"

#include "sync/SyncEngine.h"

#include <QFileInfo>

namespace escale::sync {

LocalState::LocalState(const config::RepositoryConfig& repository)
    : m_repository(repository)
{}

QString LocalState::pathFor(const config::RepositoryConfig& repository)
{
    return SyncEngine::defaultStatePath(repository.stateDir, repository.localPath);
}

bool LocalState::open(QString& error)
{
    return m_db.open(pathFor(m_repository), error); // creates its folder too
}

std::optional<LocalState::Origin> LocalState::originOf(const QString& path)
{
    try {
        const std::optional<state::StateDb::LocalEntry> entry = m_db.local(path);
        if (!entry || entry->origin.isEmpty())
            return std::nullopt;
        if (entry->origin == m_db.meta(state::Meta::Client))
            return Origin{m_repository.clientName, true};
        const QHash<QString, state::StateDb::Peer> peers = m_db.peers();
        const auto peer = peers.constFind(entry->origin);
        return Origin{peer != peers.cend() && !peer->name.isEmpty() ? peer->name : entry->origin, false};
    } catch (const state::StateError&) {
        m_db.abandon();
        return std::nullopt;
    }
}

std::optional<AccessTable> LocalState::accessTable(QString& error)
{
    try {
        return m_db.allAccess();
    } catch (const state::StateError& e) {
        m_db.abandon();
        error = e.message();
        return std::nullopt;
    }
}

bool LocalState::setAccess(const QString& path, const state::StateDb::Access& flags, QString& error)
{
    try {
        m_db.setAccess(path, flags);
        return true;
    } catch (const state::StateError& e) {
        m_db.abandon();
        error = e.message();
        return false;
    }
}

QHash<QString, qint64> LocalState::lastHeard(const config::RepositoryConfig& repository)
{
    QHash<QString, qint64> heard;
    const QString path = pathFor(repository);
    state::StateDb db;
    QString error;
    if (repository.localPath.isEmpty() || !QFileInfo::exists(path) || !db.open(path, error))
        return heard;
    try {
        for (const state::StateDb::Peer& p : db.peers())
            if (p.lastChangeMs > 0)
                heard.insert(p.client, p.lastChangeMs);
    } catch (const state::StateError&) {
        return {};
    }
    return heard;
}

} // namespace escale::sync
