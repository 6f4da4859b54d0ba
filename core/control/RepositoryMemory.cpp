#include "control/RepositoryMemory.h"

#include "sync/LocalState.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace escale::control {

namespace {
const QString kPaused = QStringLiteral("paused");
const QString kPausedUntil = QStringLiteral("paused_until");
const QString kSynced = QStringLiteral("synced");
} // namespace

RepositoryMemory::RepositoryMemory(const config::RepositoryConfig& repository)
{
    const QString statePath = sync::LocalState::pathFor(repository);
    m_path = QFileInfo(statePath).absolutePath() + QStringLiteral("/instance.json");
    QFile file(m_path);
    if (file.open(QIODevice::ReadOnly)) {
        const QJsonObject o = QJsonDocument::fromJson(file.read(64 * 1024)).object();
        m_paused = o.value(kPaused).toBool();
        m_pausedUntil = QDateTime::fromString(o.value(kPausedUntil).toString(), Qt::ISODate);
        m_synced = o.value(kSynced).toBool();
    } else {
        // A repository that ran here before this file existed has its first sync behind it; the
        // file is written now, so that a first pass that fails is not taken for that later.
        m_synced = QFileInfo::exists(statePath);
        QString ignored;
        write(ignored);
    }
}

bool RepositoryMemory::setPaused(bool paused, const QDateTime& until, QString& error)
{
    m_paused = paused;
    m_pausedUntil = paused ? until : QDateTime();
    return write(error);
}

bool RepositoryMemory::setSynced(QString& error)
{
    if (m_synced)
        return true;
    m_synced = true;
    return write(error);
}

bool RepositoryMemory::write(QString& error) const
{
    QJsonObject o{{kPaused, m_paused}, {kSynced, m_synced}};
    if (m_pausedUntil.isValid())
        o.insert(kPausedUntil, m_pausedUntil.toUTC().toString(Qt::ISODate));
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(o).toJson()) < 0 || !file.commit()) {
        error = QStringLiteral("cannot write %1: %2").arg(m_path, file.errorString());
        return false;
    }
    return true;
}

} // namespace escale::control
