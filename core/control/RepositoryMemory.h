#pragma once

#include "config/Config.h"

#include <QDateTime>
#include <QString>

namespace escale::control {

// What an instance remembers of a repository across restarts, beside its state database (in
// `instance.json` of the same folder): whether it is paused and until when, and whether its
// first successful sync on this machine happened already (the desktop says "in sync" once ever,
// not at every start). Written atomically; a missing or unreadable file is an empty memory (it
// holds nothing that cannot be lost: a pause, a notification).
class RepositoryMemory
{
public:
    explicit RepositoryMemory(const config::RepositoryConfig& repository);

    bool paused() const { return m_paused; }
    QDateTime pausedUntil() const { return m_pausedUntil; } // invalid: until resumed
    bool synced() const { return m_synced; }               // a pass went well here once

    // Paused (until `until` when valid), or not; written at once. False with `error` when the
    // file cannot be written (the pause then holds until the instance stops).
    bool setPaused(bool paused, const QDateTime& until, QString& error);
    bool setSynced(QString& error);

    // The file (for messages and tests).
    QString path() const { return m_path; }

private:
    bool write(QString& error) const;

    QString m_path;
    bool m_paused = false;
    QDateTime m_pausedUntil;
    bool m_synced = false;
};

} // namespace escale::control
