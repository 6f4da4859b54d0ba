#include "sync/engine/EngineContext.h"

#include "log/Logging.h"
#include "protocol/Layout.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>

namespace escale::sync::engine {

using protocol::JournalRecord;
using relay::RelayError;
using state::StateDb;
using Kind = JournalRecord::Kind;
namespace layout = protocol::layout;

EngineContext::EngineContext(const config::RepositoryConfig& configuration, relay::RelayBackend* relayBackend,
                             const QString& stateDbPath)
    : settings(configuration)
    , backend(relayBackend)
    , store(relayBackend)
    , statePath(stateDbPath)
    , filter(configuration)
    , clock([] { return QDateTime::currentMSecsSinceEpoch(); })
{}

qint64 EngineContext::now() const
{
    return clock();
}

EffectiveAccess EngineContext::accessOf(const QString& path) const
{
    return effectiveAccess(access, path);
}

QString EngineContext::localPath(const QString& relative) const
{
    return relative.isEmpty() ? settings.localPath : settings.localPath + QLatin1Char('/') + relative;
}

bool EngineContext::receives() const
{
    return settings.mode != config::SyncMode::Upload;
}

bool EngineContext::sends() const
{
    return settings.mode != config::SyncMode::Download;
}

QString EngineContext::selectionSignature() const
{
    // What decides which files are received here, but the access flags (followed on their own).
    const QStringList parts{config::syncModeName(settings.mode),
                            settings.hiddenFiles ? QStringLiteral("hidden") : QStringLiteral("visible"),
                            settings.include.join(QLatin1Char('\n')),
                            settings.exclude.join(QLatin1Char('\n')),
                            settings.fileExtensions.join(QLatin1Char('\n')),
                            settings.includeDirectories.join(QLatin1Char('\n')),
                            settings.excludeDirectories.join(QLatin1Char('\n'))};
    return QString::fromLatin1(
        QCryptographicHash::hash(parts.join(QChar(0)).toUtf8(), QCryptographicHash::Sha256).toHex().left(16));
}

bool EngineContext::selected(const QString& path, Kind kind) const
{
    if (!settings.hiddenFiles) {
        for (const QString& part : path.split(QLatin1Char('/')))
            if (part.startsWith(QLatin1Char('.')))
                return false;
    }
    if (!(kind == Kind::Directory ? filter.acceptsDirectory(path) : filter.acceptsFile(path)))
        return false;
    return accessOf(path).receive;
}

RelayError EngineContext::ensureFolder(const QString& folder)
{
    if (!backend->capabilities().needsDirectories || knownFolders.contains(folder))
        return {};
    const RelayError e = store.makeFolder(folder);
    if (e.ok())
        knownFolders.insert(folder);
    return e;
}

int EngineContext::transfers() const
{
    return backend->capabilities().parallelTransfers ? std::max(1, settings.transfers) : 1;
}

Resolution EngineContext::resolved(const QString& path)
{
    QList<JournalRecord> versions;
    for (const StateDb::Version& v : db.versions(path))
        versions.append(v.record);
    return resolve(path, versions);
}

void EngineContext::reportProgress(bool immediately)
{
    const qint64 t = now();
    if (!immediately && t - m_progressReportedMs < 250)
        return;
    m_progressReportedMs = t;
    if (progressSink)
        progressSink(progress);
}

void EngineContext::reportEvent(FileEvent::Kind kind, const QString& path, const QString& by, qint64 size)
{
    progress.current.clear();
    progress.currentDone = progress.currentSize = 0;
    if (eventSink)
        eventSink(FileEvent{kind, path, by, size, QDateTime::fromMSecsSinceEpoch(now(), Qt::UTC)});
    reportProgress();
}

void EngineContext::noteUnknown(const QString& path)
{
    // Not part of the format (a file a user or another tool put there): ignored, said once per
    // run at debug level (relay-format.md section 2).
    if (!m_unknownNoted.contains(path) && m_unknownNoted.size() < 1000) {
        m_unknownNoted.insert(path);
        qCDebug(lcEngine).noquote() << QStringLiteral("[%1] ignored on the relay: %2 (not part of the repository's "
                                                      "format)")
                                           .arg(settings.name, path);
    }
}

bool EngineContext::dropOwnObject(const QString& id)
{
    const RelayError e = store.remove(layout::dataPath(id));
    if (!e.ok() && e.kind != RelayError::Kind::NotFound)
        return false;
    db.removeOwnObject(id);
    return true;
}

void EngineContext::dropPartial(const QString& path)
{
    if (const auto partial = db.partial(path)) {
        QFile::remove(partial->temp);
        db.removePartial(path);
    }
}

const protocol::Chunker::Gear& EngineContext::gear()
{
    const QByteArray wanted = gearSeed();
    if (!m_gear || wanted != m_gearSeed) {
        m_gear = protocol::Chunker::gearFromSeed(wanted);
        m_gearSeed = wanted;
    }
    return *m_gear;
}

} // namespace escale::sync::engine
