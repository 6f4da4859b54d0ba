#include "sync/SyncEngine.h"

#include "Tr.h"
#include "config/Paths.h"
#include "log/Logging.h"
#include "protocol/LocalLayout.h"
#include "sync/Conflicts.h"
#include "sync/engine/CaseIndex.h"
#include "sync/engine/ContentFetcher.h"
#include "sync/engine/EngineContext.h"
#include "sync/engine/HeldFiles.h"
#include "sync/engine/LocalChanges.h"
#include "sync/engine/Materializer.h"
#include "sync/engine/OwnJournal.h"
#include "sync/engine/Pass.h"
#include "sync/engine/Puller.h"
#include "sync/engine/Pusher.h"
#include "sync/engine/RelayMoveClient.h"
#include "sync/engine/RelaySpace.h"
#include "sync/engine/RepositoryOpener.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTimeZone>
#include <cerrno>
#include <unistd.h>

namespace escale::sync {

using state::Meta;
using state::StateDb;

// The stages of a pass (docs/architecture.md, "One pass"), in the order they are built: each
// holds the context and the stages it hands work to.
struct SyncEngine::Stages
{
    explicit Stages(engine::EngineContext& ctx)
        : cases(ctx)
        , journal(ctx)
        , opener(ctx, journal)
        , local(ctx, cases)
        , fetcher(ctx)
        , materializer(ctx, cases, fetcher)
        , move(ctx)
        , puller(ctx, opener, journal, materializer, move)
        , pusher(ctx, journal)
        , space(ctx)
    {}

    engine::CaseIndex cases;
    engine::OwnJournal journal;
    engine::RepositoryOpener opener;
    engine::LocalChanges local;
    engine::ContentFetcher fetcher;
    engine::Materializer materializer;
    engine::RelayMoveClient move;
    engine::Puller puller;
    engine::Pusher pusher;
    engine::RelaySpace space;
};

SyncEngine::SyncEngine(const config::RepositoryConfig& config, relay::RelayBackend* relay,
                       const QString& stateDbPath, QObject* parent)
    : QObject(parent)
    , m_ctx(std::make_unique<engine::EngineContext>(config, relay, stateDbPath))
    , m_stages(std::make_unique<Stages>(*m_ctx))
{
    m_ctx->progressSink = [this](const PassProgress& p) { Q_EMIT progress(p); };
    m_ctx->eventSink = [this](const FileEvent& e) { Q_EMIT fileEvent(e); };
}

SyncEngine::~SyncEngine() = default;

QString SyncEngine::clientId() const
{
    return m_ctx->clientId;
}

state::StateDb& SyncEngine::database()
{
    return m_ctx->db;
}

void SyncEngine::confirmDeletions()
{
    m_stages->local.confirmDeletions();
}

void SyncEngine::sweepAtNextPass()
{
    m_stages->space.sweepAtNextPass();
}

void SyncEngine::setCodecFactory(CodecFactory factory)
{
    m_stages->opener.setCodecFactory(std::move(factory));
}

void SyncEngine::setRelayMoveHooks(RelayMoveHooks hooks)
{
    m_stages->move.setHooks(std::move(hooks));
}

void SyncEngine::setCaseInsensitive(bool insensitive)
{
    m_stages->cases.setInsensitive(insensitive);
}

void SyncEngine::setFolderWatcher(scan::FolderWatcher* watcher)
{
    m_ctx->watcher = watcher;
    m_stages->local.fullScan();
}

void SyncEngine::scanFolderAtNextPass()
{
    m_stages->local.fullScan();
}

void SyncEngine::setSnapshotInterval(int segments)
{
    m_stages->space.setSnapshotInterval(segments);
}

void SyncEngine::setClock(std::function<qint64()> clock)
{
    m_ctx->clock = std::move(clock);
}

QString SyncEngine::defaultStatePath(const QString& stateDir, const QString& localPath)
{
    const QByteArray id =
        QCryptographicHash::hash(QDir::cleanPath(localPath).toUtf8(), QCryptographicHash::Sha256)
            .toHex()
            .left(16);
    return stateDir + QLatin1Char('/') + QString::fromLatin1(id) + QLatin1String("/state.db");
}

bool SyncEngine::open(QString& error)
{
    if (!m_ctx->db.open(m_ctx->statePath, error))
        return false;
    try {
        m_ctx->access = m_ctx->db.allAccess();
        // The flags the folder was last made to match with: a flag turned back on while Escale was
        // not running, or just before it stopped, still brings what it lets in (model seed
        // 800015). A state of an earlier release has none: taken as they are now.
        const QString receivedWith = m_ctx->db.meta(Meta::ReceivedWith);
        m_ctx->receivedWith = receivedWith.isEmpty() ? m_ctx->access : accessTableFromText(receivedWith);
        m_ctx->clientId = m_ctx->db.meta(Meta::Client);
        if (m_ctx->clientId.isEmpty()) {
            m_ctx->clientId = protocol::newClientId();
            m_ctx->db.setMeta(Meta::Client, m_ctx->clientId);
            m_ctx->db.setMeta(Meta::LocalPath, m_ctx->settings.localPath);
        }
    } catch (const state::StateError& e) {
        error = e.message();
        m_ctx->db.abandon();
        m_ctx->db.close();
        return false;
    }
    m_ctx->backend->setTemporaryPrefix(m_ctx->clientId);
    m_ctx->loadRelayFolders();
    m_ctx->loadSessionHint();
    m_ctx->uploadsMarked = m_ctx->leftoversPossible = QFile::exists(m_ctx->uploadMarkPath());
    m_ctx->store.setBeforeWrite([ctx = m_ctx.get()] { ctx->markUploads(); });
    return true;
}

void SyncEngine::setAccess(const QString& path, std::optional<bool> send, std::optional<bool> receive)
{
    m_ctx->db.setAccess(path, StateDb::Access{send, receive});
    const AccessTable before = std::exchange(m_ctx->access, m_ctx->db.allAccess());
    engine::HeldFiles::accessChanged(*m_ctx, before);
    if (m_stages)
        m_stages->local.fullScan(); // (files now sent were not before)
}

SyncEngine::Access SyncEngine::access(const QString& path) const
{
    return effectiveAccess(m_ctx->access, path);
}

PassResult SyncEngine::runPass()
{
    engine::Pass pass;
    try {
        runStages(pass);
        if (pass.result.ok())
            m_ctx->uploadsSettled(); // every write of this run ended, in place or refused
        else if (pass.result.status == PassResult::Status::Failed)
            m_ctx->forgetRelayFolders(); // one may have gone: made again (MKCOL, mkdir) as needed
        if (!pass.result.ok())
            m_ctx->leftoversPossible = m_ctx->leftoversPossible || m_ctx->uploadsMarked;
        if (!pass.result.ok() || !pass.result.complete)
            m_stages->local.fullScan(); // something waits: the next pass looks at everything
        m_ctx->saveSessionHint();
    } catch (const state::StateError& e) {
        // The state database cannot go on (its disk full or read-only, the file damaged): what the
        // pass was doing is abandoned (its transaction rolled back, its staged downloads removed)
        // and the repository stops there, saying why; the next pass opens the database again.
        abandonPass();
        m_ctx->leftoversPossible = m_ctx->leftoversPossible || m_ctx->uploadsMarked;
        m_stages->local.fullScan(); // what the scan found was rolled back with the rest
        pass.result.status = PassResult::Status::LocalFolder;
        pass.result.error = e.message();
        pass.result.complete = false;
        qCWarning(lcEngine).noquote() << QStringLiteral("[%1] %2").arg(m_ctx->settings.name, e.message());
    }
    return pass.result;
}

void SyncEngine::interrupt(bool on)
{
    m_ctx->stopping.store(on);
}

void SyncEngine::abandonPass()
{
    m_ctx->db.abandon();
    m_stages->materializer.abandon();
    m_stages->fetcher.endBatch();
    m_stages->pusher.abandon();
    m_ctx->db.close();
}

void SyncEngine::runStages(engine::Pass& pass)
{
    m_ctx->progress = {};
    if (!m_ctx->db.isOpen()) {
        QString error;
        if (!open(error)) {
            pass.fail(PassResult::Status::LocalFolder, error);
            return;
        }
    }
    // Also what others wrote into the database since (escalectl access): then the folder is
    // looked at again whatever its watcher says (files now sent were not before).
    if (AccessTable access = m_ctx->db.allAccess(); access != m_ctx->access) {
        const AccessTable before = std::exchange(m_ctx->access, std::move(access));
        engine::HeldFiles::accessChanged(*m_ctx, before);
        m_stages->local.fullScan();
    }
    // The repository moved (R32) and this client knows it: straight to the new relay, even when the
    // old one cannot be read any more.
    if (const QString to = m_ctx->db.meta(Meta::MovedTo);
        !to.isEmpty() && to != m_ctx->settings.relay.toDisplayString() && !m_stages->move.switchRelay(pass, to))
        return;

    if (const QFileInfo folder(m_ctx->settings.localPath); !folder.isDir()) {
        pass.fail(PassResult::Status::LocalFolder,
                  folder.exists()
                      ? trc("sync", "the local folder %1 is a file, not a folder: check 'local path'")
                            .arg(m_ctx->settings.localPath)
                      : trc("sync", "the local folder %1 does not exist: create it, or mount the disk it is on")
                            .arg(m_ctx->settings.localPath));
        return;
    }
    // A folder on a read-only file system can receive nothing: said once, plainly (a systemd
    // sandbox that was not told of it is the usual cause), rather than path by path.
    if (m_ctx->receives() && ::access(QFile::encodeName(m_ctx->settings.localPath).constData(), W_OK) != 0 &&
        errno == EROFS) {
        pass.fail(PassResult::Status::LocalFolder,
                  trc("sync", "the local folder %1 is on a read-only file system: nothing can be received "
                              "there%2")
                      .arg(m_ctx->settings.localPath, config::sandboxHint()));
        return;
    }
    QElapsedTimer clock;
    clock.start();
    QStringList timings;
    auto lap = [&](const char* phase) {
        timings << QStringLiteral("%1 %2 ms").arg(QLatin1String(phase)).arg(clock.restart());
    };
    // The repository's key, when it must be derived, is derived while the folder is scanned.
    if (!m_stages->opener.openRepository(pass))
        return;
    if (!m_stages->cases.probed())
        m_stages->cases.probe();
    m_stages->cases.newPass();
    lap("header");
    // At the start of a run, a state left behind the relay (restored from a backup) is caught up
    // before the folder is compared with it: what this client published meanwhile is taken back
    // first (R13), so that the scan builds on it.
    if (!m_ctx->ownStateConfirmed && !m_ctx->db.meta(Meta::Repository).isEmpty()) {
        if (!m_stages->opener.completeRepository(pass) || !m_stages->journal.catchUpOwnState(pass))
            return;
        lap("own state");
    }
    m_stages->local.scanLocal(pass);
    m_ctx->scannedThisRun = true;
    lap("scan");
    if (pass.contentToSend > 0 && m_ctx->sends()) // the packs to write: connections opened meanwhile
        m_ctx->backend->expectTransfers(
            int(std::min<qint64>(64, 1 + pass.contentToSend / std::max<qint64>(1, m_ctx->settings.chunkSize))));
    const bool ready = m_stages->opener.completeRepository(pass);
    lap("key");
    if (!ready || !pass.result.ok())
        return;
    m_stages->opener.lookAtRelayFolder(pass);
    // The folder's marker, once the repository is known (the mass-delete safety above).
    // Its absence is an alarm only once it was written (a first pass can fail before).
    if (QFile marker(m_ctx->localPath(protocol::local::folderMarker()));
        !marker.exists() && (!marker.open(QIODevice::WriteOnly) ||
                             marker.write(m_ctx->db.meta(Meta::Repository).toUtf8() + '\n') < 0))
        pass.problem(trc("sync", "cannot write %1 (it tells an unmounted disk from an emptied folder): %2")
                         .arg(marker.fileName(), marker.errorString()));
    else if (m_ctx->db.meta(Meta::Marked).isEmpty())
        m_ctx->db.setMeta(Meta::Marked, QStringLiteral("1"));
    m_stages->puller.pull(pass);
    lap("pull");
    if (pass.result.status == PassResult::Status::Refused || !pass.result.movedTo.isEmpty())
        return;
    if (m_ctx->sends() && !pass.result.interrupted)
        m_stages->pusher.push(pass);
    lap("push");
    // (A snapshot answering another client's report, R35, also when this pass failed otherwise:
    // a failure that lasts, such as a file the relay keeps refusing, would keep that client
    // waiting for it.)
    if (pass.result.ok() || (pass.result.status == PassResult::Status::Failed && !pass.answering.isEmpty()))
        m_stages->space.writeSnapshot(pass);
    if (pass.result.ok() || pass.result.status == PassResult::Status::Failed)
        m_stages->space.writeHead(pass);
    if (pass.result.ok() && !pass.result.interrupted) {
        m_stages->space.freeSpace(pass);
        m_stages->space.deleteOldJournal(pass);
        m_stages->space.sweepOwnObjects(pass);
    }
    pruneArchive();
    summarize(pass);
    if (pass.result.interrupted)
        qCInfo(lcEngine).noquote()
            << QStringLiteral("[%1] stopped at a file's boundary, as Escale stops: %2 sent, %3 received; the rest "
                              "goes at the next start")
                   .arg(m_ctx->settings.name)
                   .arg(pass.result.uploaded)
                   .arg(pass.result.downloaded);
    lap("head and freeing");
    qCDebug(lcEngine).noquote()
        << QStringLiteral("[%1] pass: %2").arg(m_ctx->settings.name, timings.join(QLatin1String(", ")));
    }

void SyncEngine::summarize(engine::Pass& pass)
{
    PassResult& r = pass.result;
    r.conflictsWaiting = 0;
    for (const QString& p : m_ctx->db.localPathsContaining(QStringLiteral(" (conflict from ")))
        if (parseConflictCopy(p))
            ++r.conflictsWaiting;
    r.pendingUp = m_ctx->db.pendingCount();
    r.pendingDown = m_ctx->db.wants().size();
    for (const StateDb::SetAside& s : m_ctx->db.setAside())
        r.waiting << s.cause;
    QSet<QString> wanted;
    const QMultiHash<QByteArray, QString> wants = m_ctx->db.wants();
    for (auto it = wants.cbegin(); it != wants.cend(); ++it)
        wanted.insert(it.value());
    QStringList wantedPaths(wanted.cbegin(), wanted.cend());
    wantedPaths.sort();
    for (const QString& p : std::as_const(wantedPaths))
        r.waiting << trc("sync", "%1: its content is asked for again (gone or damaged on the relay)").arg(p);
    r.relayUsage = m_ctx->db.ownUsage();
    const quint64 journal = m_ctx->db.meta(Meta::Journal).toULongLong();
    for (const StateDb::Peer& p : std::as_const(pass.peers)) {
        const quint64 unapplied = p.journal > p.consumed ? p.journal - p.consumed : 0;
        r.pendingDown += qint64(unapplied);
        r.relayUsage += p.usage;
        const quint64 acked = p.acks.value(m_ctx->clientId, 0);
        r.peers.append(PeerState{p.client, p.name,
                                 p.lastChangeMs > 0 ? QDateTime::fromMSecsSinceEpoch(p.lastChangeMs, Qt::UTC)
                                                    : QDateTime(),
                                 journal > acked ? journal - acked : 0, unapplied, p.usage});
    }
}

void SyncEngine::pruneArchive()
{
    // The local archive keeps replaced and deleted files for 'archive retention'; its folders
    // are named by the time they were made (UTC), so old ones go whole.
    const qint64 now = m_ctx->now();
    if (now - m_lastArchivePrune < 3600 * 1000)
        return;
    m_lastArchivePrune = now;
    QDir archive(m_ctx->localPath(protocol::local::archiveFolder()));
    if (!archive.exists())
        return;
    for (const QString& name : archive.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QDateTime made = QDateTime::fromString(name.left(15), QStringLiteral("yyyyMMdd-HHmmss"));
        made.setTimeZone(QTimeZone::utc());
        if (!made.isValid())
            continue;
        if (m_ctx->settings.archiveRetentionMs == 0 ||
            now - made.toMSecsSinceEpoch() > m_ctx->settings.archiveRetentionMs) {
            if (QDir(archive.filePath(name)).removeRecursively())
                qCInfo(lcEngine).noquote()
                    << QStringLiteral("[%1] removed archived files of %2").arg(m_ctx->settings.name, name);
        }
    }
}

} // namespace escale::sync
