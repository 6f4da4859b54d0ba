#include "sync/engine/EngineContext.h"

#include "Tr.h"
#include "log/Logging.h"
#include "protocol/Layout.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <sys/stat.h>

namespace escale::sync::engine {

using protocol::JournalRecord;
using relay::RelayError;
using state::Meta;
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
                            settings.temporaryFiles ? QStringLiteral("temporary") : QStringLiteral("lasting"),
                            settings.include.join(QLatin1Char('\n')),
                            settings.exclude.join(QLatin1Char('\n')),
                            settings.fileExtensions.join(QLatin1Char('\n')),
                            settings.includeDirectories.join(QLatin1Char('\n')),
                            settings.excludeDirectories.join(QLatin1Char('\n'))};
    return QString::fromLatin1(
        QCryptographicHash::hash(parts.join(QChar(0)).toUtf8(), QCryptographicHash::Sha256).toHex().left(16));
}

namespace {

bool hiddenPart(const QString& path)
{
    for (const QString& part : path.split(QLatin1Char('/')))
        if (part.startsWith(QLatin1Char('.')))
            return true;
    return false;
}

} // namespace

bool EngineContext::selected(const QString& path, Kind kind) const
{
    if (!settings.hiddenFiles && hiddenPart(path))
        return false;
    if (!(kind == Kind::Directory ? filter.acceptsDirectory(path) : filter.acceptsFile(path)))
        return false;
    return accessOf(path).receive;
}

bool EngineContext::looksAt(const QString& path) const
{
    return (settings.hiddenFiles || !hiddenPart(path)) && filter.acceptsFile(path) && accessOf(path).send;
}

bool EngineContext::entryHolds(const StateDb::LocalEntry& entry) const
{
    if (entry.kind != Kind::File)
        return false;
    if (looksAt(entry.path))
        return true;
    struct stat st;
    return ::lstat(QFile::encodeName(localPath(entry.path)).constData(), &st) == 0 && S_ISREG(st.st_mode);
}

bool EngineContext::anyHolds(const QList<StateDb::LocalEntry>& entries) const
{
    return std::any_of(entries.cbegin(), entries.cend(),
                       [this](const StateDb::LocalEntry& e) { return entryHolds(e); });
}

RelayError EngineContext::ensureFolder(const QString& folder)
{
    if (!backend->capabilities().needsDirectories || knownFolders.contains(folder))
        return {};
    const RelayError e = store.makeFolder(folder);
    if (e.ok()) {
        knownFolders.insert(folder);
        QStringList folders(knownFolders.cbegin(), knownFolders.cend());
        folders.sort();
        const QJsonObject saved{{QStringLiteral("relay"), backend->describe()},
                                {QStringLiteral("folders"), QJsonArray::fromStringList(folders)}};
        db.setMeta(Meta::RelayFolders, QString::fromUtf8(QJsonDocument(saved).toJson(QJsonDocument::Compact)));
    }
    return e;
}

void EngineContext::loadRelayFolders()
{
    const QJsonObject saved = QJsonDocument::fromJson(db.meta(Meta::RelayFolders).toUtf8()).object();
    if (saved.value(QStringLiteral("relay")).toString() != backend->describe())
        return; // another relay's (the repository moved)
    for (const QJsonValue& v : saved.value(QStringLiteral("folders")).toArray())
        knownFolders.insert(v.toString());
}

void EngineContext::loadSessionHint()
{
    const QJsonObject saved = QJsonDocument::fromJson(db.meta(Meta::RelaySession).toUtf8()).object();
    if (saved.value(QStringLiteral("relay")).toString() == backend->describe())
        backend->setSessionHint(saved.value(QStringLiteral("hint")).toString());
}

void EngineContext::saveSessionHint()
{
    const QString hint = backend->sessionHint();
    if (hint.isEmpty())
        return; // nothing learnt (yet): what was kept stays
    const QJsonObject saved{{QStringLiteral("relay"), backend->describe()}, {QStringLiteral("hint"), hint}};
    const QString text = QString::fromUtf8(QJsonDocument(saved).toJson(QJsonDocument::Compact));
    if (text != savedSessionHint) {
        if (db.meta(Meta::RelaySession) != text)
            db.setMeta(Meta::RelaySession, text);
        savedSessionHint = text;
    }
}

void EngineContext::forgetRelayFolders()
{
    if (knownFolders.isEmpty())
        return;
    knownFolders.clear();
    db.removeMeta(Meta::RelayFolders);
}

void EngineContext::removeOwnTemporary()
{
    QList<relay::RelayEntry> entries;
    if (!store.list(QStringLiteral("tmp"), entries).ok())
        return;
    for (const relay::RelayEntry& entry : std::as_const(entries))
        if (!entry.isDirectory && entry.name.startsWith(clientId + QLatin1Char('-')))
            store.remove(QStringLiteral("tmp/") + entry.name);
}

void EngineContext::markUploads()
{
    if (uploadsMarked)
        return;
    QFile mark(uploadMarkPath());
    if (mark.open(QIODevice::WriteOnly)) // at worst, tmp/ is not looked at after a crash
        uploadsMarked = true;
}

void EngineContext::uploadsSettled()
{
    if (uploadsMarked && QFile::remove(uploadMarkPath()))
        uploadsMarked = false;
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

void EngineContext::lookAgain(const QString& path)
{
    if (receives())
        db.putSetAside(path, trc("sync", "%1: compared again with the versions known").arg(path), now());
}

void EngineContext::readAgainAtNextScan(const StateDb::LocalEntry& entry)
{
    StateDb::LocalEntry stale = entry;
    stale.mtimeNs = -1;
    db.putLocal(stale);
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
