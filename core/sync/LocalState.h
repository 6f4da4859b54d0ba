#pragma once

#include "config/Config.h"
#include "state/StateDb.h"
#include "sync/AccessFlags.h"

#include <QHash>
#include <QString>
#include <optional>

namespace escale::sync {

// A repository's state database as the tools open it beside a running engine (escalectl, the
// access dialog): the access flags, read and written (the engine reads them again at every
// pass), and when this machine last heard of each other client. Failures of the database (a full
// or read-only disk, a damaged file) come back as one line naming it, never as an exception.
class LocalState
{
public:
    explicit LocalState(const config::RepositoryConfig& repository);

    // The state database of a repository (under its 'state dir').
    static QString pathFor(const config::RepositoryConfig& repository);

    // Opens it, creating it (and its folder) when the engine has not yet.
    bool open(QString& error);
    std::optional<AccessTable> accessTable(QString& error);
    bool setAccess(const QString& path, const state::StateDb::Access& flags, QString& error);
    // Which machine made the version of `path` the folder holds, as this state last saw it: its
    // name, or `mine` for this machine (a change made here). std::nullopt when not known.
    struct Origin
    {
        QString name;
        bool mine = false;
    };
    std::optional<Origin> originOf(const QString& path);
    // When this machine last saw each other client's head change (its own clock, R3); empty when
    // the repository never ran here or its state cannot be read.
    static QHash<QString, qint64> lastHeard(const config::RepositoryConfig& repository);

private:
    config::RepositoryConfig m_repository;
    state::StateDb m_db;
};

} // namespace escale::sync
