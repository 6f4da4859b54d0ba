#include "sync/SyncEngine.h"

#include "config/ConfigLoader.h"
#include "config/ConfigWriter.h"
#include "config/Secrets.h"
#include "config/Units.h"
#include "crypto/RepositoryKeys.h"
#include "log/Logging.h"
#include "protocol/Layout.h"
#include "protocol/PathCheck.h"
#include "protocol/TextObject.h"
#include "relay/RelayCopy.h"
#include "relay/RelayFactory.h"
#include "relay/RelayJob.h"
#include "scan/Hasher.h"
#include "scan/Scanner.h"
#include "sync/Conflicts.h"
#include "sync/DeletionGuard.h"
#include "sync/LocalArchive.h"
#include "sync/RelayMigration.h"
#include "sync/Resolution.h"
#include "sync/Streams.h"
#include "protocol/LocalLayout.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QTimeZone>
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <deque>
#include <fcntl.h>
#include <future>
#include <memory>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

namespace escale::sync {

using protocol::JournalRecord;
using protocol::VersionVector;
using relay::RelayError;
using relay::WriteMode;
using state::Meta;
using state::StateDb;
using Kind = JournalRecord::Kind;
namespace layout = protocol::layout;

namespace {

constexpr int kMaxRecordsPerSegment = 2000;

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

// The on-disk state of a local path, in the terms of the state database.
std::optional<StateDb::LocalEntry> statLocal(const QString& absolute, const QString& relative)
{
    struct stat st;
    if (::lstat(QFile::encodeName(absolute).constData(), &st) != 0)
        return std::nullopt;
    StateDb::LocalEntry e;
    e.path = relative;
    if (S_ISDIR(st.st_mode)) {
        e.kind = Kind::Directory;
        return e;
    }
    if (!S_ISREG(st.st_mode))
        return std::nullopt;
    e.kind = Kind::File;
    e.size = qint64(st.st_size);
    e.mtimeNs = qint64(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
    e.inode = quint64(st.st_ino);
    e.mode = int(st.st_mode & 0777);
    return e;
}

// Something that is neither a file nor a folder (a symbolic link, a FIFO, a socket, a device).
bool isSpecial(const QString& absolute)
{
    struct stat st;
    return ::lstat(QFile::encodeName(absolute).constData(), &st) == 0 && !S_ISDIR(st.st_mode) &&
           !S_ISREG(st.st_mode);
}

bool sameStat(const StateDb::LocalEntry& a, const StateDb::LocalEntry& b)
{
    if (a.kind != b.kind)
        return false;
    return a.kind != Kind::File || (a.size == b.size && a.mtimeNs == b.mtimeNs && a.inode == b.inode &&
                                    (a.mode == b.mode || a.mode == 0 || b.mode == 0));
}

// The file creation mask of this process (read once: it is not changed while Escale runs).
int creationMask()
{
    static const int mask = [] {
        const mode_t m = ::umask(0);
        ::umask(m);
        return int(m);
    }();
    return mask;
}

QString randomTag()
{
    return QString::number(QRandomGenerator::system()->generate64(), 36);
}

// Why a file of the folder could not be written, in words that name the cause: Qt says "Unknown
// error" for a full disk.
QString writeFailure(const QFileDevice& file)
{
    const int err = errno;
    struct statvfs st;
    const QByteArray folder = QFile::encodeName(QFileInfo(file.fileName()).absolutePath());
    if (err == ENOSPC || err == EDQUOT ||
        (::statvfs(folder.constData(), &st) == 0 && qint64(st.f_bavail) * qint64(st.f_frsize) < 64 * 1024))
        return QStringLiteral("the disk is full (free some room on it; nothing was replaced)");
    if (err == EROFS)
        return QStringLiteral("the disk is read-only");
    const QString said = file.errorString();
    return said.isEmpty() || said == QLatin1String("Unknown error") ? QString::fromLocal8Bit(std::strerror(err)) : said;
}

// Whether a known version is the content the folder holds at its path.
bool holds(const StateDb::LocalEntry& local, const JournalRecord& v)
{
    return v.kind == local.kind && (v.kind != Kind::File || v.hash == local.hash);
}

// The vector the content at a path descends from (R24): the vector recorded with the local
// entry, with every known version of the same content; with nothing there, every known deletion.
// An entry of an earlier release, without a vector, takes every known version, as it did then.
VersionVector baseVector(const std::optional<StateDb::LocalEntry>& local, const QList<StateDb::Version>& versions)
{
    VersionVector base = local && local->vv ? *local->vv : VersionVector();
    for (const StateDb::Version& v : versions)
        if (local ? (!local->vv || holds(*local, v.record)) : v.record.kind == Kind::Deleted)
            base = base.merged(v.record.vv);
    return base;
}

// A new version made here from `base`: this client's counter above every one it used for the
// path, so that two versions it made never share a vector.
VersionVector newLocalVector(const VersionVector& base, const QList<StateDb::Version>& versions,
                             const QString& self)
{
    quint64 mine = base.counter(self);
    for (const StateDb::Version& v : versions)
        mine = std::max(mine, v.record.vv.counter(self));
    return base.withCounter(self, mine + 1);
}

// The known versions `stored` with `incoming` added (R25): versions it supersedes go, the others
// keep their flags. std::nullopt when a known version is equal or newer.
std::optional<QList<StateDb::Version>> integrated(const QList<StateDb::Version>& stored,
                                                  const StateDb::Version& incoming)
{
    QList<JournalRecord> records;
    for (const StateDb::Version& v : stored)
        records.append(v.record);
    if (!integrateVersion(records, incoming.record))
        return std::nullopt;
    QList<StateDb::Version> out;
    for (const JournalRecord& r : std::as_const(records)) {
        StateDb::Version kept = incoming;
        for (const StateDb::Version& v : stored)
            if (v.record.vv == r.vv)
                kept = v;
        out.append(kept);
    }
    return out;
}

// The element-wise maximum of every known version of a path: what the folder reflects once it
// holds their resolution (R26), the winner under the name and the others as copies.
VersionVector mergedVector(const QList<StateDb::Version>& versions)
{
    VersionVector all;
    for (const StateDb::Version& v : versions)
        all = all.merged(v.record.vv);
    return all;
}

void setModificationTime(const QString& path, qint64 mtimeMs)
{
    struct timespec times[2];
    times[0].tv_sec = 0;
    times[0].tv_nsec = UTIME_OMIT;
    times[1].tv_sec = mtimeMs / 1000;
    times[1].tv_nsec = (mtimeMs % 1000) * 1'000'000;
    ::utimensat(AT_FDCWD, QFile::encodeName(path).constData(), times, AT_SYMLINK_NOFOLLOW);
}

} // namespace

struct SyncEngine::Pass
{
    PassResult result;
    QHash<QString, StateDb::Peer> peers;
    QStringList ownHeads; // names of this client's heads seen in the listing
    bool headSeen = false;
    QList<QPair<JournalRecord, QString>> repushes; // contents to send again, and for whom (R23)
    bool segmentGone = false;                      // the last journal segment read was not found
    bool segmentInvalid = false;                   // ... or did not check (damaged, cut short)
    QString invalidReason;
    QMap<QString, quint64> missing;                // segments of others this client cannot read (R35)
    bool snapshotWanted = false;                   // a snapshot is written this pass whatever the interval
    bool relayFull = false;                        // the relay refused an upload for want of room
    QStringList affected;                          // paths whose versions the journals read touched
    quint64 ownGeneration = 0;                     // this client's highest head generation listed
    std::optional<QList<relay::RelayEntry>> headsListing; // heads/ listed early in the pass
    QSet<QString> scannedNow;                      // paths this pass's scan hashed
    QList<JournalRecord> pieces;                   // pieces read (R28), in journal order

    void fail(PassResult::Status status, const QString& error)
    {
        if (result.status == PassResult::Status::Ok) {
            result.status = status;
            result.error = error;
        }
    }
    void problem(const QString& line)
    {
        qCWarning(lcEngine).noquote() << line;
        result.problems << line;
    }
};

SyncEngine::SyncEngine(const config::RepositoryConfig& config, relay::RelayBackend* relay,
                       const QString& stateDbPath, QObject* parent)
    : QObject(parent)
    , m_config(config)
    , m_relay(relay)
    , m_store(relay)
    , m_statePath(stateDbPath)
    , m_filter(config)
{}

SyncEngine::~SyncEngine() = default;

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
    if (!m_db.open(m_statePath, error))
        return false;
    m_access = m_db.allAccess();
    m_receivedWith = m_access;
    m_clientId = m_db.meta(Meta::Client);
    if (m_clientId.isEmpty()) {
        m_clientId = protocol::newClientId();
        m_db.setMeta(Meta::Client, m_clientId);
        m_db.setMeta(Meta::LocalPath, m_config.localPath);
    }
    m_relay->setTemporaryPrefix(m_clientId);
    return true;
}

QString SyncEngine::localPath(const QString& relative) const
{
    return relative.isEmpty() ? m_config.localPath : m_config.localPath + QLatin1Char('/') + relative;
}

bool SyncEngine::receives() const
{
    return m_config.mode != config::SyncMode::Upload;
}

bool SyncEngine::sends() const
{
    return m_config.mode != config::SyncMode::Download;
}

void SyncEngine::setAccess(const QString& path, std::optional<bool> send, std::optional<bool> receive)
{
    m_db.setAccess(path, StateDb::Access{send, receive});
    m_access = m_db.allAccess();
}

SyncEngine::Access SyncEngine::access(const QString& path) const
{
    return effectiveAccess(m_access, path);
}

QString SyncEngine::selectionSignature() const
{
    // What decides which files are received here, but the access flags (followed on their own).
    const QStringList parts{config::syncModeName(m_config.mode),
                            m_config.hiddenFiles ? QStringLiteral("hidden") : QStringLiteral("visible"),
                            m_config.include.join(QLatin1Char('\n')),
                            m_config.exclude.join(QLatin1Char('\n')),
                            m_config.fileExtensions.join(QLatin1Char('\n')),
                            m_config.includeDirectories.join(QLatin1Char('\n')),
                            m_config.excludeDirectories.join(QLatin1Char('\n'))};
    return QString::fromLatin1(
        QCryptographicHash::hash(parts.join(QChar(0)).toUtf8(), QCryptographicHash::Sha256).toHex().left(16));
}

bool SyncEngine::selected(const QString& path, Kind kind) const
{
    if (!m_config.hiddenFiles) {
        for (const QString& part : path.split(QLatin1Char('/')))
            if (part.startsWith(QLatin1Char('.')))
                return false;
    }
    if (!(kind == Kind::Directory ? m_filter.acceptsDirectory(path) : m_filter.acceptsFile(path)))
        return false;
    return access(path).receive;
}

RelayError SyncEngine::ensureFolder(const QString& folder)
{
    if (!m_relay->capabilities().needsDirectories || m_knownFolders.contains(folder))
        return {};
    const RelayError e = m_store.makeFolder(folder);
    if (e.ok())
        m_knownFolders.insert(folder);
    return e;
}

PassResult SyncEngine::runPass()
{
    Pass pass;
    m_progress = {};
    if (!m_db.isOpen()) {
        QString error;
        if (!open(error)) {
            pass.fail(PassResult::Status::LocalFolder, error);
            return pass.result;
        }
    }
    m_access = m_db.allAccess(); // also what others wrote into the database since
    // The repository moved (R32) and this client knows it: straight to the new relay, even when the
    // old one cannot be read any more.
    if (const QString to = m_db.meta(Meta::MovedTo);
        !to.isEmpty() && to != m_config.relay.toDisplayString() && !switchRelay(pass, to))
        return pass.result;

    if (const QFileInfo folder(m_config.localPath); !folder.isDir()) {
        pass.fail(PassResult::Status::LocalFolder,
                  folder.exists()
                      ? QStringLiteral("the local folder %1 is a file, not a folder: check 'local path'")
                            .arg(m_config.localPath)
                      : QStringLiteral("the local folder %1 does not exist: create it, or mount the disk it is on")
                            .arg(m_config.localPath));
        return pass.result;
    }
    QElapsedTimer clock;
    clock.start();
    QStringList timings;
    auto lap = [&](const char* phase) {
        timings << QStringLiteral("%1 %2 ms").arg(QLatin1String(phase)).arg(clock.restart());
    };
    // The repository's key, when it must be derived, is derived while the folder is scanned.
    if (!openRepository(pass))
        return pass.result;
    if (!m_caseProbed)
        probeCase();
    m_caseNames.clear();
    lap("header");
    // At the start of a run, a state left behind the relay (restored from a backup) is caught up
    // before the folder is compared with it: what this client published meanwhile is taken back
    // first (R13), so that the scan builds on it.
    if (!m_ownStateConfirmed && !m_db.meta(Meta::Repository).isEmpty()) {
        if (!completeRepository(pass) || !catchUpOwnState(pass))
            return pass.result;
        lap("own state");
    }
    scanLocal(pass);
    m_scannedThisRun = true;
    lap("scan");
    const bool ready = completeRepository(pass);
    lap("key");
    if (!ready || !pass.result.ok())
        return pass.result;
    // The folder's marker, once the repository is known (the mass-delete safety above).
    // Its absence is an alarm only once it was written (a first pass can fail before).
    if (QFile marker(localPath(protocol::local::folderMarker()));
        !marker.exists() && (!marker.open(QIODevice::WriteOnly) ||
                             marker.write(m_db.meta(Meta::Repository).toUtf8() + '\n') < 0))
        pass.problem(QStringLiteral("cannot write %1 (it tells an unmounted disk from an emptied folder): %2")
                         .arg(marker.fileName(), marker.errorString()));
    else if (m_db.meta(Meta::Marked).isEmpty())
        m_db.setMeta(Meta::Marked, QStringLiteral("1"));
    pull(pass);
    lap("pull");
    if (pass.result.status == PassResult::Status::Refused || !pass.result.movedTo.isEmpty())
        return pass.result;
    if (sends())
        push(pass);
    lap("push");
    if (pass.result.ok())
        writeSnapshot(pass);
    if (pass.result.ok() || pass.result.status == PassResult::Status::Failed)
        writeHead(pass);
    if (pass.result.ok()) {
        freeSpace(pass);
        deleteOldJournal(pass);
        sweepOwnObjects(pass);
    }
    pruneArchive();
    summarize(pass);
    lap("head and freeing");
    ++m_passesRun;
    qCDebug(lcEngine).noquote()
        << QStringLiteral("[%1] pass: %2").arg(m_config.name, timings.join(QLatin1String(", ")));
    return pass.result;
}

// One chunk of a file on its way to the relay.
struct SyncEngine::ChunkUpload
{
    StateDb::OwnObject own;
    qint64 size = 0;
    std::unique_ptr<QFile> file;
    std::unique_ptr<HashingReader> reader;
    protocol::ObjectStore::PendingPut put;
};

// Key derivation (scrypt or Argon2id, about half a second) runs on its own thread while the
// pass scans the local folder; completeRepository() waits for it.
struct SyncEngine::KeyWork
{
    struct Outcome
    {
        std::optional<crypto::RepositoryKeys> keys;
        QString error;
        protocol::RepositoryHeader header; // when creating: the header the new key is sealed into
    };
    bool creating = false;
    QByteArray headerBytes; // when opening: the header the key is opened from
    std::future<Outcome> result;
};

bool SyncEngine::ensureRepository(Pass& pass)
{
    return openRepository(pass) && completeRepository(pass);
}

bool SyncEngine::openRepository(Pass& pass)
{
    // The header is checked once per run: an idle poll is then one listing (R11).
    if (m_repositoryChecked || m_keyWork || m_pendingCodec)
        return true;
    QByteArray bytes;
    RelayError e = m_store.getHeader(bytes);
    if (e.kind == RelayError::Kind::NotFound && !m_db.meta(Meta::Repository).isEmpty()) {
        // A client that has synced with a repository never creates one: the relay location is
        // missing (a drive unplugged, a share not mounted, a folder moved away) or was emptied.
        // Nothing is written there; the next passes look again.
        QList<relay::RelayEntry> root;
        const bool gone = m_store.list(QString(), root).kind == RelayError::Kind::NotFound;
        pass.fail(PassResult::Status::Failed,
                  gone ? QStringLiteral("the relay folder %1 is not there: is the drive plugged in, the share "
                                        "mounted? Nothing was written; Escale looks again")
                             .arg(m_relay->describe())
                       : QStringLiteral("%1 holds no repository any more (moved, emptied or replaced?): nothing "
                                        "was written there. If the repository moved, set 'relay address' to its "
                                        "new place")
                             .arg(m_relay->describe()));
        pass.result.cause = RelayError::Kind::NotFound;
        return false;
    }
    if (e.kind == RelayError::Kind::NotFound) {
        protocol::RepositoryHeader header;
        header.repository = protocol::newRepositoryId();
        header.created = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
        header.encryption = QStringLiteral("off");
        if (m_config.encryption != config::Encryption::Off) {
            // A new encrypted repository: a fresh master key sealed under the passphrase.
            QString why;
            const auto passphrase =
                config::readSecret(m_config.passphrase, "ESCALE_PASSPHRASE", QStringLiteral("passphrase"),
                                   why, m_config.name + QStringLiteral("/passphrase"));
            if (!passphrase) {
                pass.fail(PassResult::Status::Auth,
                          QStringLiteral("cannot create the encrypted repository: %1").arg(why));
                return false;
            }
            const crypto::Suite suite = m_config.encryption == config::Encryption::ChaCha20Poly1305
                                            ? crypto::Suite::ChaCha20Poly1305
                                            : crypto::Suite::Aes256Gcm;
            crypto::RepositoryKeys::Cost cost;
            cost.scryptLogN = m_config.kdfLogN;
            cost.preferArgon2id = m_config.kdfLogN >= 17;
            m_keyWork = std::make_unique<KeyWork>();
            m_keyWork->creating = true;
            m_keyWork->result = std::async(std::launch::async, [header, suite, secret = *passphrase, cost] {
                KeyWork::Outcome o;
                o.header = header;
                o.keys = crypto::RepositoryKeys::create(o.header, suite, secret, cost, o.error);
                return o;
            });
            return true;
        }
        e = publishHeader(header, bytes);
    }
    if (!e.ok()) {
        failOnHeader(pass, e);
        return false;
    }
    return examineHeader(pass, bytes);
}

RelayError SyncEngine::publishHeader(const protocol::RepositoryHeader& header, QByteArray& bytes)
{
    RelayError e = ensureFolder(QString());
    if (e.ok())
        e = m_store.putHeader(header.toBytes());
    if (e.ok() || e.kind == RelayError::Kind::AlreadyExists)
        e = m_store.getHeader(bytes); // whoever won the race, read what is there
    if (e.ok())
        qCInfo(lcEngine).noquote()
            << QStringLiteral("[%1] repository ready on %2").arg(m_config.name, m_relay->describe());
    return e;
}

void SyncEngine::failOnHeader(Pass& pass, const RelayError& e)
{
    pass.fail(e.kind == RelayError::Kind::Auth         ? PassResult::Status::Auth
              : e.kind == RelayError::Kind::Permission ? PassResult::Status::Refused
                                                       : PassResult::Status::Failed,
              QStringLiteral("cannot read the relay %1: %2").arg(m_relay->describe(), e.message));
    pass.result.cause = e.kind;
}

bool SyncEngine::examineHeader(Pass& pass, const QByteArray& bytes)
{
    QString error;
    const auto header = protocol::RepositoryHeader::fromBytes(bytes, error);
    if (!header) {
        pass.fail(PassResult::Status::Refused,
                  QStringLiteral("%1 on the relay: %2").arg(layout::headerPath(), error));
        return false;
    }
    if (header->format != protocol::kFormatVersion) {
        pass.fail(
            PassResult::Status::Refused,
            QStringLiteral("the relay holds a repository in format %1; this Escale speaks format %2: update "
                           "Escale on this machine")
                .arg(header->format)
                .arg(protocol::kFormatVersion));
        return false;
    }
    const QString wanted = config::encryptionName(m_config.encryption);
    if ((header->encryption == QLatin1String("off")) != (m_config.encryption == config::Encryption::Off)) {
        pass.fail(
            PassResult::Status::Refused,
            header->encryption == QLatin1String("off")
                ? QStringLiteral("the repository on the relay is not encrypted but 'encryption = %1' is set: "
                                 "a repository cannot change to encrypted; use a new relay folder")
                      .arg(wanted)
                : QStringLiteral("the repository on the relay is encrypted (%1): set 'encryption = on' and "
                                 "the passphrase")
                      .arg(header->encryption));
        return false;
    }
    m_pendingRepository = header->repository;
    // Every object but the header goes through the codec the header names (section 4).
    if (m_codecFactory) {
        m_pendingCodec = m_codecFactory(*header, error);
        if (!m_pendingCodec) {
            pass.fail(PassResult::Status::Refused, error);
            return false;
        }
        return true;
    }
    if (header->encryption == QLatin1String("off")) {
        m_pendingCodec = std::make_shared<protocol::PlainCodec>();
        return true;
    }
    if (m_keys && m_keysFor == bytes) {
        m_pendingCodec = m_keys->codec(); // the header did not change since the key was opened
        return true;
    }
    const auto passphrase =
        config::readSecret(m_config.passphrase, "ESCALE_PASSPHRASE", QStringLiteral("passphrase"), error,
                           m_config.name + QStringLiteral("/passphrase"));
    if (!passphrase) {
        pass.fail(PassResult::Status::Auth, error);
        return false;
    }
    if (header->encryption != wanted)
        qCInfo(lcEngine).noquote() << QStringLiteral("[%1] the repository is encrypted with %2 (chosen "
                                                     "when it was created), not %3")
                                          .arg(m_config.name, header->encryption, wanted);
    m_keyWork = std::make_unique<KeyWork>();
    m_keyWork->headerBytes = bytes;
    m_keyWork->result = std::async(std::launch::async, [header = *header, secret = *passphrase] {
        KeyWork::Outcome o;
        o.keys = crypto::RepositoryKeys::unlock(header, secret, o.error);
        return o;
    });
    return true;
}

bool SyncEngine::completeRepository(Pass& pass)
{
    if (m_repositoryChecked)
        return true;
    while (m_keyWork) {
        const std::unique_ptr<KeyWork> work = std::move(m_keyWork);
        KeyWork::Outcome o = work->result.get();
        if (work->creating) {
            if (!o.keys) {
                pass.fail(PassResult::Status::Refused,
                          QStringLiteral("cannot create the encrypted repository: %1").arg(o.error));
                return false;
            }
            m_keys = std::make_unique<crypto::RepositoryKeys>(*o.keys);
            m_keysFor = o.header.toBytes();
            QByteArray bytes;
            if (const RelayError e = publishHeader(o.header, bytes); !e.ok()) {
                failOnHeader(pass, e);
                return false;
            }
            // Another client may have created it first: its header is examined (and its key
            // opened) instead.
            if (!examineHeader(pass, bytes))
                return false;
            continue;
        }
        if (!o.keys) {
            const bool wrong = o.error == QLatin1String("wrong passphrase");
            pass.fail(wrong ? PassResult::Status::Auth : PassResult::Status::Refused,
                      wrong ? QStringLiteral("wrong passphrase for the encrypted repository on %1: check "
                                             "'passphrase'; nothing was changed")
                                  .arg(m_relay->describe())
                            : QStringLiteral("cannot open the encrypted repository on %1: %2")
                                  .arg(m_relay->describe(), o.error));
            return false;
        }
        m_keys = std::make_unique<crypto::RepositoryKeys>(*o.keys);
        m_keysFor = work->headerBytes;
        m_pendingCodec = m_keys->codec();
    }
    if (!m_pendingCodec) { // openRepository() did not succeed: its failure was reported there
        pass.fail(PassResult::Status::Failed,
                  QStringLiteral("the repository header of %1 was not read").arg(m_relay->describe()));
        return false;
    }
    m_store.setCodec(std::move(m_pendingCodec));
    m_pendingCodec.reset();
    const QString known = m_db.meta(Meta::Repository);
    if (known.isEmpty()) {
        m_db.setMeta(Meta::Repository, m_pendingRepository);
    } else if (known != m_pendingRepository) {
        pass.fail(
            PassResult::Status::Refused,
            QStringLiteral("the relay %1 holds another repository than the one this folder was synchronised "
                           "with: check 'relay address' (or start over with a new state)")
                .arg(m_relay->describe()));
        return false;
    }
    for (const QString& folder :
         {layout::headsFolder(), layout::journalFolderOf(m_clientId), layout::dataFolder()}) {
        const RelayError e = ensureFolder(folder);
        if (!e.ok()) {
            pass.fail(PassResult::Status::Failed,
                      QStringLiteral("cannot prepare the relay: %1").arg(e.message));
            return false;
        }
    }
    if (!m_cleanedTemporary) {
        // Leftovers of an upload interrupted by a crash (relay-format.md section 2).
        QList<relay::RelayEntry> entries;
        if (m_store.list(QStringLiteral("tmp"), entries).ok()) {
            for (const relay::RelayEntry& entry : std::as_const(entries))
                if (!entry.isDirectory && entry.name.startsWith(m_clientId + QLatin1Char('-')))
                    m_store.remove(QStringLiteral("tmp/") + entry.name);
        }
        // Chunks written by a run that stopped before publishing the segment naming them
        // (unless that segment made it to the relay after all).
        QList<StateDb::OwnObject> unpublished;
        for (const StateDb::OwnObject& o : m_db.ownObjects())
            if (o.segment == 0)
                unpublished.append(o);
        QByteArray next;
        if (!unpublished.isEmpty()) {
            const RelayError e = m_store.getSmall(
                layout::journalPath(m_clientId, m_db.meta(Meta::Journal).toULongLong() + 1), next);
            if (e.kind == RelayError::Kind::NotFound) {
                for (const StateDb::OwnObject& o : std::as_const(unpublished))
                    dropOwnObject(o.id);
            } else if (e.ok() && !recoverOwnJournal(pass)) {
                return false; // it did make it: adopted (its chunks are published)
            }
        }
        m_cleanedTemporary = true;
    }
    m_repositoryChecked = true;
    return true;
}

void SyncEngine::scanLocal(Pass& pass)
{
    scan::Scanner::Options options;
    options.hiddenFiles = m_config.hiddenFiles;
    options.stableAfterMs = m_config.settleMs;
    if (!m_filter.isEmpty() || !m_access.isEmpty()) {
        // What this client sends: its filters, and the 'send' access flags (r+/r-).
        options.acceptFile = [this](const QString& p) {
            return m_filter.acceptsFile(p) && access(p).send;
        };
        options.acceptDirectory = [this](const QString& p) {
            return m_filter.acceptsDirectory(p) && access(p).send;
        };
        options.descend = [this](const QString& p) {
            return m_filter.descendsInto(p);
        };
    }
    const QHash<QString, StateDb::LocalEntry> known = m_db.allLocal();
    const scan::Scanner::Result scanned = scan::Scanner::scan(m_config.localPath, known, options);
    if (scanned.rootMissing) {
        pass.fail(PassResult::Status::LocalFolder,
                  QStringLiteral("the local folder %1 does not exist: create it, or mount the disk it is on")
                      .arg(m_config.localPath));
        return;
    }
    for (const QString& p : scanned.problems)
        pass.problem(p);
    // Said once per run (they stay as they are until renamed), never taken for missing files.
    for (const QString& p : scanned.unsupportedNames)
        if (!m_reportedNames.contains(p)) {
            m_reportedNames.insert(p);
            pass.problem(p);
        }
    for (const QString& p : scanned.skipped)
        if (!m_reportedNames.contains(p)) {
            m_reportedNames.insert(p);
            qCInfo(lcEngine).noquote() << QStringLiteral("[%1] %2").arg(m_config.name, p);
        }
    if (scanned.unstable > 0)
        pass.result.complete = false; // come back soon for the files being written
    // Mass-delete safety: a folder that lost its marker (an unmounted disk leaves an empty
    // mount point) or that lost many files at once keeps its deletions until confirmed.
    const QString marker = localPath(protocol::local::folderMarker());
    const bool marked = m_db.meta(Meta::Marked) == QLatin1String("1");
    if (marked && !QFileInfo::exists(marker) && !m_deletionsConfirmed) {
        pass.fail(PassResult::Status::LocalFolder,
                  QStringLiteral(
                      "the folder %1 lost its marker .escale-folder: is the disk mounted? If you emptied it "
                      "on purpose, confirm the deletions (escalectl confirm-deletions, or escale "
                      "--confirm-deletions)")
                      .arg(m_config.localPath));
        return;
    }
    int knownFiles = 0;
    for (const StateDb::LocalEntry& e : known)
        knownFiles += e.kind == Kind::File ? 1 : 0;
    int removedFiles = 0;
    for (const QString& path : scanned.removed)
        removedFiles += known.value(path).kind == Kind::File ? 1 : 0;
    // Counted over time: files still disappearing wait for the deletion to end, and what was
    // published within the window counts with what is found now (DeletionGuard).
    DeletionGuard::Settings guard;
    guard.percent = m_config.deleteThresholdPercent;
    guard.count = m_config.deleteThresholdCount;
    guard.quietMs = 3 * m_config.settleMs;
    const qint64 now = nowMs();
    if (removedFiles > m_goneSeen)
        m_goneGrewMs = now;
    m_goneSeen = removedFiles;
    QList<DeletionGuard::Published> recent;
    for (const QJsonValue& v : QJsonDocument::fromJson(m_db.meta(Meta::Deletions).toUtf8()).array())
        if (const QJsonArray a = v.toArray(); now - qint64(a.at(0).toDouble()) <= guard.windowMs)
            recent.append(DeletionGuard::Published{qint64(a.at(0).toDouble()), a.at(1).toInt()});
    const DeletionGuard::Verdict verdict =
        DeletionGuard::decide(guard, removedFiles, knownFiles, recent, now, m_goneGrewMs, m_deletionsConfirmed);
    const bool holdDeletions = verdict != DeletionGuard::Verdict::Publish;
    if (verdict == DeletionGuard::Verdict::Hold) {
        const int earlier = DeletionGuard::recentCount(guard, recent, now);
        pass.result.deletionsHeld = int(scanned.removed.size());
        pass.problem(QStringLiteral(
                         "%1 of %2 files are gone from %3%4: their deletion waits for confirmation "
                         "(escalectl confirm-deletions, the activity window, or escale --confirm-deletions)")
                         .arg(removedFiles + earlier)
                         .arg(knownFiles + earlier)
                         .arg(m_config.localPath,
                              earlier > 0 ? QStringLiteral(" within the last hour") : QString()));
    } else if (verdict == DeletionGuard::Verdict::Wait) {
        pass.result.complete = false; // looked at again once files stop disappearing
    } else if (removedFiles > 0) {
        recent.append(DeletionGuard::Published{now, removedFiles});
        QJsonArray list;
        for (const DeletionGuard::Published& p : std::as_const(recent))
            list.append(QJsonArray{double(p.atMs), p.files});
        m_db.setMeta(Meta::Deletions, QString::fromUtf8(QJsonDocument(list).toJson(QJsonDocument::Compact)));
        m_goneSeen = 0;
    }
    if (m_deletionsConfirmed && removedFiles > 0)
        m_db.removeMeta(Meta::Deletions); // what the user confirmed starts a new window
    m_deletionsConfirmed = false;

    // Downloads cut short by a crash: nothing refers to them any more (section 10).
    // Temporary downloads of an interrupted pass go; files being received in pieces stay (R28).
    QSet<QString> partials;
    for (const StateDb::Partial& p : m_db.partials())
        partials.insert(QFileInfo(p.temp).fileName()); // random names: unique
    for (const QString& leftover : scanned.leftovers)
        if (!partials.contains(QFileInfo(leftover).fileName()))
            QFile::remove(leftover);

    m_db.begin();
    // A new local version descends from what the folder held (R24): the vector of the content
    // at the path, never a version known but not placed here (which stays concurrent with it,
    // so that R26 keeps both).
    auto newVersion = [this](const QString& path, const std::optional<StateDb::LocalEntry>& before,
                             const QList<StateDb::Version>& versions) {
        JournalRecord r;
        r.path = path;
        r.vv = newLocalVector(baseVector(before, versions), versions, m_clientId);
        r.origin = m_clientId;
        r.originName = m_config.clientName;
        return r;
    };
    auto previous = [&known](const QString& path) -> std::optional<StateDb::LocalEntry> {
        const auto it = known.constFind(path);
        return it == known.cend() ? std::nullopt : std::optional<StateDb::LocalEntry>(*it);
    };
    // Renames and moves: a new file whose content is that of a file gone in the same scan.
    // Others hold that content already; its record goes out without chunks (R27).
    QMultiHash<QByteArray, QString> goneByHash;
    if (!holdDeletions) {
        for (const QString& path : scanned.removed) {
            const StateDb::LocalEntry gone = known.value(path);
            if (gone.kind == Kind::File && gone.size > 0)
                goneByHash.insert(gone.hash, path);
        }
    }
    for (StateDb::LocalEntry e : scanned.changed) {
        pass.scannedNow.insert(e.path);
        e.origin = m_clientId;
        const std::optional<StateDb::LocalEntry> before = previous(e.path);
        const QList<StateDb::Version> current = m_db.versions(e.path);
        if (!sends()) {
            // Not published: the content keeps the vector it had (a newer version replaces it).
            e.vv = baseVector(before, current);
            m_db.putLocal(e);
            continue;
        }
        JournalRecord r = newVersion(e.path, before, current);
        r.kind = e.kind;
        if (e.kind == Kind::File) {
            r.size = e.size;
            r.mtimeMs = e.mtimeNs / 1'000'000;
            r.hash = e.hash;
            r.mode = m_modes ? e.mode : 0;
        }
        // Content already known for this path (e.g. a touched file, or the very edit another
        // machine made) is no new version: the folder now holds that version.
        const JournalRecord& only = current.size() == 1 ? current.first().record : r;
        if (current.size() == 1 && only.sameContent(r) &&
            (only.mode == r.mode || only.mode == 0 || r.mode == 0)) {
            e.vv = current.first().record.vv.merged(baseVector(before, current));
            m_db.putLocal(e);
            continue;
        }
        e.vv = r.vv;
        m_db.putLocal(e);
        // The same content as a version already published (a change of permission bits alone):
        // the others have it, nothing travels but the record (R27).
        bool renamed = false;
        for (const StateDb::Version& v : current)
            renamed = renamed || (!v.pending && e.kind == Kind::File && v.record.sameContent(r));
        if (e.kind == Kind::File && !before) {
            const auto source = goneByHash.find(e.hash);
            if (source != goneByHash.end()) {
                // Only when the source's content was published, so that others can have it.
                for (const StateDb::Version& v : m_db.versions(source.value()))
                    renamed =
                        renamed || (!v.pending && v.record.kind == Kind::File && v.record.hash == e.hash);
                if (renamed)
                    goneByHash.erase(source);
            }
        }
        // The new version supersedes what the folder held; a version known but not placed here
        // stays beside it, concurrent (R26).
        if (const auto updated = integrated(current, StateDb::Version{r, true, renamed}))
            m_db.setVersions(e.path, *updated);
    }
    for (StateDb::LocalEntry e : scanned.restatted) {
        e.origin = known.value(e.path).origin;
        e.vv = known.value(e.path).vv;
        m_db.putLocal(e);
    }
    for (const QString& path : holdDeletions ? QStringList() : scanned.removed) {
        const std::optional<StateDb::LocalEntry> before = previous(path);
        m_db.removeLocal(path);
        if (!sends())
            continue;
        const QList<StateDb::Version> current = m_db.versions(path);
        if (current.isEmpty())
            continue;
        JournalRecord r = newVersion(path, before, current);
        r.kind = Kind::Deleted;
        if (const auto updated = integrated(current, StateDb::Version{r, true}))
            m_db.setVersions(path, *updated);
    }
    // Paths no longer selected (filters, hidden files, access flags) keep their entry: nothing is
    // published for them while they are left out, and when they are let in again, what changed
    // meanwhile builds on what the folder held (R24).
    // A conflict copy edited, renamed or deleted here resolves its conflict (R26): the name keeps
    // what it holds, under a version that supersedes the losing one, so that the losing version
    // never needs its content again (it lives on in the copy's new version, or was let go).
    if (sends()) {
        QSet<QString> touched;
        for (const StateDb::LocalEntry& e : scanned.changed)
            touched.insert(e.path);
        QStringList copies;
        for (const StateDb::LocalEntry& e : scanned.changed)
            if (known.contains(e.path))
                copies << e.path;
        if (!holdDeletions)
            copies += scanned.removed;
        for (const QString& copy : std::as_const(copies))
            if (const auto conflict = parseConflictCopy(copy); conflict && !touched.contains(conflict->original))
                settleConflict(conflict->original, copy);
    }
    m_db.commit();
    qCDebug(lcEngine).noquote() << QStringLiteral("[%1] scanned %2 files: %3 changed, %4 removed")
                                       .arg(m_config.name)
                                       .arg(scanned.filesSeen)
                                       .arg(scanned.changed.size())
                                       .arg(scanned.removed.size());
}

void SyncEngine::answerMissing(Pass& pass)
{
    // Another client cannot read one of this client's segments (gone, damaged, or the relay put
    // back from an older copy): a snapshot of everything this client knows stands for it (R35),
    // written once for each such report.
    QJsonObject answered = QJsonDocument::fromJson(m_db.meta(Meta::AnsweredMissing).toUtf8()).object();
    bool changed = false;
    for (const StateDb::Peer& p : std::as_const(pass.peers)) {
        const quint64 seq = p.missing.value(m_clientId, 0);
        if (seq == 0) {
            if (answered.contains(p.client)) {
                answered.remove(p.client);
                changed = true;
            }
            continue;
        }
        if (quint64(answered.value(p.client).toDouble()) == seq)
            continue;
        pass.snapshotWanted = true;
        answered.insert(p.client, double(seq));
        changed = true;
        pass.problem(QStringLiteral("%1 cannot read %2: a snapshot that stands for it is sent")
                         .arg(p.name, layout::journalPath(m_clientId, seq)));
    }
    if (changed)
        m_db.setMeta(Meta::AnsweredMissing,
                     QString::fromUtf8(QJsonDocument(answered).toJson(QJsonDocument::Compact)));
}

bool SyncEngine::refuseClone(Pass& pass)
{
    pass.fail(PassResult::Status::Refused,
              QStringLiteral("another machine writes to %1 under this client's identity (its state %2 was copied, "
                             "or restored on two machines): nothing more is written. To go on as a new client on "
                             "this machine, stop Escale, move %2 away and start again; the files of %3 are "
                             "compared with the repository's, nothing is lost")
                  .arg(m_relay->describe(), m_statePath, m_config.localPath));
    return false;
}

QString SyncEngine::digestOf(const QByteArray& text)
{
    return QString::fromLatin1(QCryptographicHash::hash(text, QCryptographicHash::Sha256).toHex());
}

bool SyncEngine::recoverOwnJournal(Pass& pass)
{
    // Until what the relay holds is taken back, no head is written: it would name a journal
    // behind the relay's (the others refuse it as a replay).
    const bool headSeen = std::exchange(pass.headSeen, false);
    const quint64 journal = m_db.meta(Meta::Journal).toULongLong();
    QList<relay::RelayEntry> entries;
    const RelayError e = m_store.list(layout::journalFolderOf(m_clientId), entries);
    if (!e.ok() && e.kind != RelayError::Kind::NotFound) {
        pass.fail(PassResult::Status::Failed,
                  QStringLiteral("cannot list this client's journal on the relay: %1").arg(e.message));
        return false;
    }
    quint64 highest = 0;
    for (const relay::RelayEntry& entry : std::as_const(entries)) {
        bool ok = false;
        const quint64 seq = entry.name.toULongLong(&ok);
        if (ok && !entry.isDirectory)
            highest = std::max(highest, seq);
    }
    if (highest <= journal) {
        pass.headSeen = headSeen;
        m_ownStateConfirmed = true;
        return true;
    }
    // Two machines with one identity (a state database copied with the machine, both running):
    // the last segment this one wrote is not the relay's. Nothing is written, and it says how to
    // become a new client.
    const QString digest = m_db.meta(Meta::JournalDigest);
    QByteArray mine;
    if (journal > 0 && !digest.isEmpty() && m_store.getSmall(layout::journalPath(m_clientId, journal), mine).ok() &&
        digestOf(mine) != digest) {
        return refuseClone(pass);
    }
    // Read first, adopted after: a record that is not a version waiting here to be sent is one
    // this client made before its state was left behind; found while it runs (not at its start),
    // it is another machine's.
    struct Segment
    {
        quint64 seq = 0;
        QByteArray text;
        QList<JournalRecord> records;
    };
    QList<Segment> segments;
    bool foreign = false;
    for (quint64 seq = journal + 1; seq <= highest; ++seq) {
        QByteArray bytes;
        const QString path = layout::journalPath(m_clientId, seq);
        const RelayError ge = m_store.getSmall(path, bytes);
        QString error;
        const auto text = ge.ok() ? protocol::TextObject::decode(bytes, QStringLiteral("journal"), error)
                                  : std::nullopt;
        if (!text || text->header.value(QStringLiteral("client")).toString() != m_clientId ||
            quint64(text->header.value(QStringLiteral("seq")).toDouble()) != seq) {
            if (ge.kind == RelayError::Kind::NotFound)
                continue; // deleted once a snapshot covered it
            if (!ge.ok() && ge.kind != RelayError::Kind::Corrupt) {
                pass.fail(PassResult::Status::Failed,
                          QStringLiteral("cannot read this client's journal on the relay: %1").arg(ge.message));
                return false;
            }
            pass.problem(QStringLiteral("cannot take back %1 (%2): later segments of this client are numbered "
                                        "after it")
                             .arg(path, ge.ok() ? error : ge.message));
            segments.append(Segment{seq, {}, {}});
            continue;
        }
        Segment segment{seq, bytes, {}};
        for (const QJsonObject& o : text->records) {
            auto record = JournalRecord::fromJson(o, error);
            if (!record || !protocol::checkRelayPath(record->path).isEmpty())
                continue;
            if (!record->piece) {
                bool waiting = false;
                for (const StateDb::Version& v : m_db.versions(record->path))
                    waiting = waiting || (v.pending && v.record.vv == record->vv && v.record.sameContent(*record));
                foreign = foreign || !waiting;
            }
            segment.records.append(*record);
        }
        segments.append(segment);
    }
    if (foreign && m_ownStateConfirmed) {
        return refuseClone(pass);
    }
    qCWarning(lcEngine).noquote()
        << QStringLiteral("[%1] this client's state is behind the relay (journal %2 here, %3 there): taking "
                          "back what it published")
               .arg(m_config.name)
               .arg(journal)
               .arg(highest);
    m_db.begin();
    // Versions made here since the state was left behind (a scan of this run, before this) may
    // carry counters the adopted ones used: nothing says whether their author had the adopted
    // versions on disk, so before those come in, they are made concurrent with them (R26 keeps
    // both) under a counter of their own. Taken back before this run's first scan, every version
    // waiting here predates the adopted ones, which were made after it on this machine: they stay
    // as they are (one the adopted ones descend from goes, like any version superseded).
    QHash<QString, quint64> adoptedCounter; // path -> highest own counter among adopted versions
    for (const Segment& segment : std::as_const(segments))
        for (const JournalRecord& record : segment.records)
            if (!record.piece) {
                quint64& counter = adoptedCounter[record.path];
                counter = std::max(counter, record.vv.counter(m_clientId));
            }
    for (auto it = adoptedCounter.cbegin(); m_scannedThisRun && it != adoptedCounter.cend(); ++it) {
        QList<StateDb::Version> versions = m_db.versions(it.key());
        bool changed = false;
        for (StateDb::Version& v : versions) {
            const quint64 own = v.record.vv.counter(m_clientId);
            if (!v.pending || own == 0 || own > it.value())
                continue;
            bool published = false; // the very version, sent before the state was left behind
            for (const Segment& segment : std::as_const(segments))
                for (const JournalRecord& record : segment.records)
                    published = published || (!record.piece && record.path == it.key() &&
                                               record.vv == v.record.vv && record.sameContent(v.record));
            if (published)
                continue;
            const VersionVector before = v.record.vv;
            const QString fresh = protocol::newClientId();
            v.record.vv = before.withCounter(m_clientId, own - 1).merged(VersionVector({{fresh, 1}}));
            v.record.origin = fresh;
            changed = true;
            if (auto local = m_db.local(it.key()); local && local->vv == before) {
                local->vv = v.record.vv;
                m_db.putLocal(*local);
            }
        }
        if (changed)
            m_db.setVersions(it.key(), versions);
    }
    quint64 reached = journal;
    QByteArray lastText;
    for (const Segment& segment : std::as_const(segments)) {
        reached = segment.seq;
        lastText = segment.text;
        for (JournalRecord record : segment.records) {
            for (const protocol::ChunkRef& c : record.chunks)
                m_db.putOwnObject(StateDb::OwnObject{c.id, segment.seq, m_store.codec().encodedSize(c.size)});
            if (record.piece)
                continue;
            QList<StateDb::Version> versions = m_db.versions(record.path);
            bool matched = false;
            for (StateDb::Version& v : versions) {
                if (v.pending && v.record.vv == record.vv && v.record.sameContent(record)) {
                    v.pending = false; // published after all: its record here was lost
                    v.renamed = false;
                    v.record.chunks = record.chunks;
                    v.record.from = record.from;
                    matched = true;
                }
            }
            if (matched) {
                m_db.setVersions(record.path, versions);
                continue;
            }
            const bool repushed = record.repush;
            record.repush = false;
            if (const auto updated = integrated(versions, StateDb::Version{record}))
                m_db.setVersions(record.path, *updated);
            // A version this client made from its folder, before the scan of a run's first pass:
            // the folder held it then. The scan compares the folder with it, and what changed since
            // builds on it (R24); a file gone since is a deletion. So with every version its
            // journal carries but a repush: a conflict copy it made (its origin the copy's own key)
            // or a version renumbered at an earlier recovery was in its folder too.
            if (!m_ownStateConfirmed && !repushed) {
                if (record.kind == Kind::Deleted) {
                    m_db.removeLocal(record.path);
                } else {
                    StateDb::LocalEntry held{record.path, record.kind, record.size, record.mtimeMs * 1'000'000,
                                             0, record.hash, m_clientId, record.vv, record.mode};
                    m_db.putLocal(held);
                }
            }
            // The folder is made to match at this pass or, adopted while sending, at the next.
            pass.affected << record.path;
            m_db.putSetAside(record.path, QStringLiteral("%1: taken back from the relay").arg(record.path),
                             nowMs());
        }
    }
    m_db.setMeta(Meta::Journal, QString::number(reached));
    // What it uploaded after the state it went back to and never published is known nowhere: the
    // relay is looked through for it at the end of the pass (R20).
    m_db.setMeta(Meta::SweepDue, QStringLiteral("1"));
    if (lastText.isEmpty())
        m_db.removeMeta(Meta::JournalDigest);
    else
        m_db.setMeta(Meta::JournalDigest, digestOf(lastText));
    m_db.commit();
    pass.headSeen = headSeen;
    // From now on in this run, a segment of its own it does not know is another machine's.
    m_ownStateConfirmed = true;
    return true;
}

void SyncEngine::settleConflict(const QString& path, const QString& copy)
{
    const QList<StateDb::Version> versions = m_db.versions(path);
    QList<JournalRecord> records;
    for (const StateDb::Version& v : versions)
        records.append(v.record);
    const Resolution resolution = resolve(path, records);
    const bool listed = std::any_of(resolution.copies.cbegin(), resolution.copies.cend(),
                                    [&](const JournalRecord& c) { return c.path == copy; });
    const auto local = m_db.local(path);
    // Only where the folder holds the resolution: the winner under the name.
    if (!listed || resolution.kind != Kind::File || !local || local->kind != Kind::File ||
        local->hash != resolution.winner.hash)
        return;
    JournalRecord r = resolution.winner;
    r.vv = newLocalVector(baseVector(local, versions), versions, m_clientId);
    r.origin = m_clientId;
    r.originName = m_config.clientName;
    r.chunks.clear();
    r.from = 0;
    r.repush = false;
    // Its content is the winner's, which the others have: no chunks travel (as for a rename, R27),
    // unless the winner is a version of this client not sent yet.
    bool published = false;
    for (const StateDb::Version& v : versions)
        published = published || (!v.pending && v.record.sameContent(r));
    if (const auto updated = integrated(versions, StateDb::Version{r, true, published})) {
        m_db.setVersions(path, *updated);
        StateDb::LocalEntry settled = *local;
        settled.vv = r.vv;
        m_db.putLocal(settled);
        qCInfo(lcEngine).noquote() << QStringLiteral("[%1] the conflict on %2 is settled: %3 was changed here")
                                          .arg(m_config.name, path, copy);
        // A copy of a copy: the name it is the copy of is settled too (its losing version lived on
        // in the version of `path` just replaced).
        if (const auto outer = parseConflictCopy(path))
            settleConflict(outer->original, path);
    }
}

bool SyncEngine::catchUpOwnState(Pass& pass)
{
    QList<relay::RelayEntry> entries;
    const RelayError e = m_store.list(layout::headsFolder(), entries);
    if (!e.ok() && e.kind != RelayError::Kind::NotFound) {
        pass.fail(e.kind == RelayError::Kind::Auth ? PassResult::Status::Auth : PassResult::Status::Failed,
                  QStringLiteral("cannot list the relay: %1").arg(e.message));
        pass.result.cause = e.kind;
        return false;
    }
    pass.headsListing = entries; // the pull's listing, too
    quint64 own = 0;
    for (const relay::RelayEntry& entry : std::as_const(entries))
        if (const auto name = layout::parseHeadName(entry.name); name && !entry.isDirectory && name->client == m_clientId)
            own = std::max(own, name->generation);
    if (own > m_db.meta(Meta::Generation).toULongLong()) {
        if (!recoverOwnJournal(pass))
            return false;
        m_db.setMeta(Meta::Generation, QString::number(own));
        m_db.removeMeta(Meta::Head); // what the relay's head says is not known here
    }
    return true;
}

void SyncEngine::pull(Pass& pass)
{
    QList<relay::RelayEntry> entries;
    RelayError e;
    if (pass.headsListing)
        entries = *std::exchange(pass.headsListing, std::nullopt);
    else
        e = m_store.list(layout::headsFolder(), entries);
    // Object stores have no folders: no heads yet lists as "not found".
    if (!e.ok() && e.kind != RelayError::Kind::NotFound) {
        pass.fail(e.kind == RelayError::Kind::Auth ? PassResult::Status::Auth : PassResult::Status::Failed,
                  QStringLiteral("cannot list the relay: %1").arg(e.message));
        pass.result.cause = e.kind;
        return;
    }
    pass.peers = m_db.peers();
    QHash<QString, quint64> listed; // highest generation listed per client
    QSet<QString> forgotten;        // clients removed from the repository (R33): nobody waits for them
    for (const relay::RelayEntry& entry : std::as_const(entries)) {
        if (entry.name == layout::forwardName() && !entry.isDirectory) {
            // The repository moved (R32): nothing more is written here.
            followForward(pass);
            return;
        }
        if (const auto gone = layout::parseForgottenName(entry.name); gone && checkForgotten(pass, *gone)) {
            if (*gone == m_clientId) {
                pass.fail(
                    PassResult::Status::Refused,
                    QStringLiteral("this client was removed from the repository on %1 (escalectl "
                                   "forget-client): it writes nothing more there. To join again as a new "
                                   "client, move its state %2 away and restart Escale; the files of %3 are "
                                   "compared with the repository's, nothing is lost")
                        .arg(m_relay->describe(), m_statePath, m_config.localPath));
                return;
            }
            forgotten.insert(*gone);
            continue;
        }
        const auto name = layout::parseHeadName(entry.name);
        if (!name || entry.isDirectory) {
            noteUnknown(layout::headsFolder() + QLatin1Char('/') + entry.name);
            continue;
        }
        if (name->client == m_clientId) {
            pass.ownHeads << entry.name;
            pass.ownGeneration = std::max(pass.ownGeneration, name->generation);
            continue;
        }
        listed[name->client] = std::max(listed.value(name->client), name->generation);
    }
    // This client's own head gone from the listing: the relay folder may hold another
    // repository now (restored, replaced); check the header again before going on.
    if (pass.ownHeads.isEmpty() && m_db.meta(Meta::Generation).toULongLong() > 0) {
        m_repositoryChecked = false;
        if (!ensureRepository(pass))
            return;
    }
    // A head of this client newer than the last one it remembers writing: its state is behind
    // the relay (restored from a backup, or copied with the machine). What the relay holds under
    // its id is adopted before anything more is written.
    // This client's head older than the last it wrote: the relay was put back from an older copy.
    // Its segments written since are gone: a snapshot stands for them (R35).
    if (!pass.ownHeads.isEmpty() && pass.ownGeneration < m_db.meta(Meta::Generation).toULongLong()) {
        qCWarning(lcEngine).noquote() << QStringLiteral("[%1] the relay holds an older head of this client than "
                                                        "the last one it wrote: put back from an older copy? "
                                                        "Writing a snapshot of all it knows")
                                             .arg(m_config.name);
        pass.snapshotWanted = true;
    }
    if (pass.ownGeneration > m_db.meta(Meta::Generation).toULongLong()) {
        if (!recoverOwnJournal(pass))
            return;
        m_db.setMeta(Meta::Generation, QString::number(pass.ownGeneration));
        m_db.removeMeta(Meta::Head); // what the relay's head says is not known here
    }
    // What the relay's heads say of this client is known here: a head may be written.
    pass.headSeen = true;

    for (const QString& client : std::as_const(forgotten)) {
        listed.remove(client);
        if (pass.peers.remove(client) > 0)
            m_db.removePeer(client);
    }
    for (auto it = listed.cbegin(); it != listed.cend(); ++it) {
        StateDb::Peer peer = pass.peers.value(it.key());
        peer.client = it.key();
        if (it.value() < peer.generation) {
            pass.problem(
                QStringLiteral("the relay shows an older head of %1 (generation %2, already saw %3): "
                               "refused as a possible replay")
                    .arg(peer.name.isEmpty() ? peer.client : peer.name)
                    .arg(it.value())
                    .arg(peer.generation));
            continue;
        }
        if (it.value() == peer.generation)
            continue;
        QByteArray bytes;
        const RelayError ge = m_store.getSmall(layout::headPath(it.key(), it.value()), bytes);
        if (!ge.ok()) {
            if (ge.kind != RelayError::Kind::NotFound) // replaced meanwhile: next poll
                pass.problem(QStringLiteral("cannot read the head of %1: %2").arg(it.key(), ge.message));
            continue;
        }
        QString error;
        const auto text = protocol::TextObject::decode(bytes, QStringLiteral("head"), error);
        const auto head = text ? protocol::Head::fromJson(text->header, error) : std::nullopt;
        if (!head || head->client != it.key() || head->generation != it.value()) {
            pass.problem(QStringLiteral("head %1 is invalid (%2); waiting for a good one")
                             .arg(layout::headName(it.key(), it.value()),
                                  error.isEmpty() ? QStringLiteral("mismatch") : error));
            continue;
        }
        if (head->journal < peer.journal) {
            pass.problem(
                QStringLiteral("the head of %1 names journal %2 after %3: refused as a possible replay")
                    .arg(head->name)
                    .arg(head->journal)
                    .arg(peer.journal));
            continue;
        }
        peer.name = head->name;
        peer.generation = head->generation;
        peer.journal = head->journal;
        peer.acks = head->acks;
        peer.wants = head->wants;
        peer.usage = head->usage;
        peer.snapshot = head->snapshot;
        peer.snapshotAcks = head->snapshotAcks;
        peer.missing = head->missing;
        peer.lastChangeMs = nowMs();
        m_db.putPeer(peer);
        pass.peers.insert(peer.client, peer);
    }
    answerMissing(pass);

    // Read each other client's journal in order (R14), integrating what it says into the known
    // versions; then the folder is made to match them, once for every path touched (R16), with
    // the paths set aside earlier and those waiting for content sent again. The positions reached
    // are acknowledged only then (R15).
    m_contentSeen.clear();
    const QHash<QString, StateDb::Peer> before = pass.peers;
    for (auto it = pass.peers.begin(); it != pass.peers.end(); ++it) {
        StateDb::Peer& peer = it.value();
        while (peer.consumed < peer.journal) {
            const quint64 seq = peer.consumed + 1;
            pass.segmentGone = pass.segmentInvalid = false;
            if (!readSegment(pass, peer, seq)) {
                const bool unreadable = pass.segmentGone || pass.segmentInvalid;
                // Its writer deleted it (R17, R18), or sent a snapshot for it (R35): the snapshot
                // stands for it.
                if (unreadable && peer.snapshotAcks.value(peer.client, 0) >= seq && loadSnapshot(pass, peer))
                    continue;
                // Gone or damaged: said in this client's head, its writer answers with a snapshot.
                if (unreadable) {
                    pass.missing.insert(peer.client, seq);
                    pass.problem(QStringLiteral("%1 of %2 %3; %2 is asked to send what it holds")
                                     .arg(layout::journalPath(peer.client, seq), peer.name,
                                          pass.segmentGone ? QStringLiteral("is missing from the relay although "
                                                                            "its head names it")
                                                           : QStringLiteral("is damaged (%1)").arg(pass.invalidReason)));
                }
                pass.result.complete = false;
                break;
            }
            peer.consumed = seq;
        }
    }

    bool applied = true;
    if (receives()) {
        QStringList paths = pass.affected;
        for (const StateDb::SetAside& s : m_db.setAside())
            paths << s.path;
        const QMultiHash<QByteArray, QString> wants = m_db.wants();
        for (auto it = wants.cbegin(); it != wants.cend(); ++it)
            paths << it.value();
        // Access flags changed since the last pass (here, or by escalectl or the access dialog):
        // what a flag let in again is received now, from the versions already known.
        if (m_access != m_receivedWith) {
            for (const QString& p : m_db.versionPaths())
                if (effectiveAccess(m_access, p).receive && !effectiveAccess(m_receivedWith, p).receive)
                    paths << p;
            m_receivedWith = m_access;
        }
        // Filters, hidden files or the mode changed since the folder was last made to match: the
        // files they now let in come from the versions already known (or are asked for); those they
        // now leave out stay where they are.
        const QString selection = selectionSignature();
        if (m_db.meta(Meta::Selection) != selection) {
            if (!m_db.meta(Meta::Selection).isEmpty())
                paths += m_db.versionPaths();
            m_db.setMeta(Meta::Selection, selection);
        }
        applied = materializePaths(pass, paths, pass.pieces);
    }
    m_contentSeen.clear();
    // Acknowledged from now on; a relay that failed while content was fetched has the same
    // segments read again at the next pass.
    m_db.begin();
    for (auto it = pass.peers.begin(); it != pass.peers.end(); ++it) {
        const quint64 was = before.value(it.key()).consumed;
        if (!applied)
            it->consumed = was;
        else if (it->consumed != was)
            m_db.putPeer(*it);
    }
    m_db.commit();
    if (sends())
        planRepushes(pass);
}

void SyncEngine::planRepushes(Pass& pass)
{
    QHash<QByteArray, int> planned; // hash -> index in pass.repushes
    for (const StateDb::Peer& peer : std::as_const(pass.peers)) {
        for (const QByteArray& hash : peer.wants) {
            const quint64 inFlight = m_db.repushedIn(hash, peer.client);
            if (inFlight > 0 && peer.acks.value(m_clientId, 0) < inFlight)
                continue; // already sent again; the peer has not read it yet
            if (const auto it = planned.constFind(hash); it != planned.cend()) {
                pass.repushes[*it].second += QLatin1Char(',') + peer.client;
                continue;
            }
            for (const StateDb::LocalEntry& local : m_db.localWithHash(hash)) {
                const auto disk = statLocal(localPath(local.path), local.path);
                if (local.kind != Kind::File || !disk || !sameStat(*disk, local))
                    continue;
                bool found = false;
                for (const StateDb::Version& v : m_db.versions(local.path)) {
                    if (v.record.kind == Kind::File && v.record.hash == hash) {
                        JournalRecord r = v.record;
                        r.repush = true;
                        r.chunks.clear();
                        r.from = 0;
                        planned.insert(hash, int(pass.repushes.size()));
                        pass.repushes.append({r, peer.client});
                        qCInfo(lcEngine).noquote() << QStringLiteral("[%1] sending %2 again for %3")
                                                          .arg(m_config.name, local.path, peer.name);
                        found = true;
                        break;
                    }
                }
                if (found)
                    break;
            }
        }
    }
}

QList<QByteArray> SyncEngine::currentWants()
{
    QList<QByteArray> out;
    const QMultiHash<QByteArray, QString> wants = m_db.wants();
    // Still needed: the content of the name or of one of its conflict copies, not there yet.
    auto missing = [this](const QString& path, const QByteArray& hash) {
        const auto local = m_db.local(path);
        return !local || local->kind != Kind::File || local->hash != hash;
    };
    for (auto it = wants.cbegin(); it != wants.cend(); ++it) {
        const Resolution r = resolved(it.value());
        bool needed = r.kind == Kind::File && r.winner.hash == it.key() && missing(it.value(), it.key());
        // A copy edited or deleted since (a newer version of its own path) needs nothing more.
        for (const JournalRecord& copy : r.copies) {
            bool replaced = false;
            for (const StateDb::Version& v : m_db.versions(copy.path))
                replaced = replaced || v.record.vv.supersedes(copy.vv);
            needed = needed || (copy.hash == it.key() && !replaced && missing(copy.path, it.key()));
        }
        if (!needed) {
            m_db.removeWant(it.key(), it.value());
            continue;
        }
        // A file here holds it already (a copy of a copy, a file received since): the path takes
        // it from there when it is tried again; nobody needs to send it.
        bool held = false;
        for (const StateDb::LocalEntry& e : m_db.localWithHash(it.key()))
            held = held || e.kind == Kind::File;
        if (!held)
            out.append(it.key());
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

bool SyncEngine::readSegment(Pass& pass, const StateDb::Peer& peer, quint64 seq)
{
    const QString path = layout::journalPath(peer.client, seq);
    QByteArray bytes;
    const RelayError e = m_store.getSmall(path, bytes);
    if (!e.ok()) {
        pass.segmentGone = e.kind == RelayError::Kind::NotFound;
        pass.segmentInvalid = e.kind == RelayError::Kind::Corrupt;
        if (!pass.segmentGone && !pass.segmentInvalid)
            pass.problem(QStringLiteral("cannot read %1 of %2: %3").arg(path, peer.name, e.message));
        return false;
    }
    QString error;
    const auto text = protocol::TextObject::decode(bytes, QStringLiteral("journal"), error);
    if (!text || text->header.value(QStringLiteral("client")).toString() != peer.client ||
        quint64(text->header.value(QStringLiteral("seq")).toDouble()) != seq) {
        pass.segmentInvalid = true;
        if (error.isEmpty())
            error = QStringLiteral("header mismatch");
        pass.invalidReason = error;
        return false;
    }

    integrateRecords(pass, text->records, path, peer.name);
    return true;
}

// The one-chunk files of a batch, fetched ahead in the order they are written: while one is
// checked and written, the next `transfers` are on their way (at most 64 MiB held). A file
// the batch skips has its chunk dropped; one not listed is fetched as usual.
class SyncEngine::Prefetch
{
public:
    Prefetch(protocol::ObjectStore& store, int transfers)
        : m_store(store)
        , m_transfers(std::max(1, transfers))
    {}
    ~Prefetch()
    {
        for (Entry& e : m_queue)
            if (e.started)
                m_store.finish(e.get); // its buffer goes with it
    }
    void add(const protocol::ChunkRef& chunk) { m_queue.push_back(Entry{chunk, {}, {}, false}); }
    // The decoded bytes of `chunkId` if it was listed: true, with the download's error in `e`.
    bool take(const QString& chunkId, QByteArray& bytes, RelayError& e)
    {
        auto it = std::find_if(m_queue.begin(), m_queue.end(),
                               [&](const Entry& x) { return x.chunk.id == chunkId; });
        if (it == m_queue.end())
            return false;
        while (m_queue.begin() != it) { // skipped by the batch (deque: `it` stays valid)
            if (m_queue.front().started) {
                m_store.finish(m_queue.front().get);
                m_held -= m_queue.front().chunk.size;
                --m_inFlight;
            }
            m_queue.pop_front();
        }
        Entry& entry = m_queue.front();
        if (!entry.started)
            start(entry); // even over the memory bound: it is needed now
        topUp();          // the next ones travel while this one is finished
        e = m_store.finish(entry.get);
        bytes = entry.buffer->data();
        m_held -= entry.chunk.size;
        --m_inFlight;
        m_queue.pop_front();
        topUp();
        return true;
    }

private:
    struct Entry
    {
        protocol::ChunkRef chunk;
        std::unique_ptr<QBuffer> buffer;
        protocol::ObjectStore::PendingGet get;
        bool started = false;
    };
    void start(Entry& e)
    {
        e.buffer = std::make_unique<QBuffer>();
        e.buffer->buffer().reserve(e.chunk.size);
        e.buffer->open(QIODevice::WriteOnly);
        e.get = m_store.startGet(layout::dataPath(e.chunk.id), e.buffer.get());
        e.started = true;
        m_held += e.chunk.size;
        ++m_inFlight;
    }
    void topUp()
    {
        for (Entry& e : m_queue) {
            if (m_inFlight >= m_transfers || m_held >= 64LL * 1024 * 1024)
                return;
            if (!e.started)
                start(e);
        }
    }

    protocol::ObjectStore& m_store;
    int m_transfers;
    std::deque<Entry> m_queue;
    int m_inFlight = 0; // started, not yet taken
    qint64 m_held = 0;
};

void SyncEngine::integrateRecords(Pass& pass, const QList<QJsonObject>& records, const QString& path,
                                  const QString& from)
{
    QString error;
    m_db.begin();
    for (const QJsonObject& o : records) {
        auto record = JournalRecord::fromJson(o, error);
        if (!record) {
            pass.problem(QStringLiteral("%1 of %2: %3; record skipped").arg(path, from, error));
            continue;
        }
        QString normalised;
        const QString refusal = protocol::checkRelayPath(record->path, &normalised);
        if (!refusal.isEmpty()) {
            pass.problem(
                QStringLiteral("refused a path from %1 (%2): %3")
                    .arg(from, refusal,
                         QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)).left(200)));
            continue;
        }
        record->path = normalised;
        if (record->piece) {
            pass.pieces.append(*record); // content ahead of its version (R28), not a version
            continue;
        }
        // Where this pass can find a content, also when the version that brought it is replaced
        // by a later one before the folder is made to match (a rename's record has no chunks).
        if (record->kind == Kind::File && record->from == 0 && !record->chunks.isEmpty())
            m_contentSeen.insert(record->hash, record->chunks);
        // Materialise every path read, also when its version is already known: an earlier
        // attempt may have stopped before the folder matched (R15).
        pass.affected << record->path;
        QList<StateDb::Version> stored = m_db.versions(record->path);
        if (record->repush) {
            // Content sent again for a known version: only its chunks are new (R23).
            bool known = false;
            for (StateDb::Version& v : stored) {
                if (v.record.vv == record->vv && v.record.sameContent(*record)) {
                    v.record.chunks = record->chunks;
                    v.record.from = record->from;
                    known = true;
                }
            }
            if (known) {
                m_db.setVersions(record->path, stored);
                continue;
            }
            record->repush = false;
        }
        if (const auto updated = integrated(stored, StateDb::Version{*record}))
            m_db.setVersions(record->path, *updated);
    }
    m_db.commit();
}

bool SyncEngine::materializePaths(Pass& pass, QStringList affected, const QList<JournalRecord>& pieces)
{
    // Pieces first, in journal order (R28); then folders (parents before children), files, and
    // deletions (children first). One transaction for the batch: what is written to disk is
    // recorded together. A path that cannot be placed is set aside with its cause and tried
    // again at every pass; only a relay that fails makes the batch wait (false).
    m_db.begin();
    affected.removeDuplicates();
    std::sort(affected.begin(), affected.end());
    QStringList deletions;
    QStringList late;
    bool reachable = true;
    auto settle = [&](const QString& p, Outcome o) {
        if (o == Outcome::Retry)
            reachable = false;
        if (o == Outcome::Done)
            m_db.removeWantsOf(p); // it waits for nothing any more
        if (o != Outcome::Deferred && o != Outcome::Retry)
            m_db.removeSetAside(p);
    };
    for (const JournalRecord& piece : pieces)
        if (selected(piece.path, Kind::File) && receivePiece(pass, piece) == Outcome::Retry)
            reachable = false;
    QList<std::pair<QString, Resolution>> targets;
    for (const QString& p : std::as_const(affected))
        targets.append({p, resolved(p)});
    // The files this batch will fetch: counted for the progress, and the one-chunk ones, in the
    // order it writes them, go ahead.
    std::unique_ptr<Prefetch> prefetch;
    if (transfers() > 1)
        prefetch = std::make_unique<Prefetch>(m_store, transfers());
    for (const auto& [p, target] : std::as_const(targets)) {
        if (target.kind != Kind::File || !selected(p, Kind::File))
            continue;
        const auto local = m_db.local(p);
        if (local && local->kind == Kind::File && local->hash == target.winner.hash)
            continue; // already here
        ++m_progress.filesToReceive;
        m_progress.bytesToReceive += target.winner.size;
        if (prefetch && target.winner.chunks.size() == 1 && target.winner.from == 0)
            prefetch->add(target.winner.chunks.first());
    }
    m_prefetch = prefetch.get();
    reportProgress();
    for (const auto& [p, target] : std::as_const(targets)) {
        const Kind kind = target.kind;
        const auto local = m_db.local(p);
        if (!selected(p, kind == Kind::Deleted && local ? local->kind : kind)) {
            m_db.removeSetAside(p);
            continue; // not received here (filters): known, acknowledged, not written
        }
        if (kind == Kind::Deleted) {
            deletions << p;
            continue;
        }
        // A file where a folder is: after the deletions, which may empty it.
        if (kind == Kind::File && local && local->kind == Kind::Directory) {
            late << p;
            continue;
        }
        settle(p, materialize(pass, p));
    }
    m_prefetch = nullptr;
    prefetch.reset();
    std::sort(deletions.begin(), deletions.end(), std::greater<>());
    for (const QString& p : std::as_const(deletions))
        settle(p, materialize(pass, p));
    for (const QString& p : std::as_const(late))
        settle(p, materialize(pass, p));
    commitStaged(pass);
    m_db.commit();
    return reachable;
}

Resolution SyncEngine::resolved(const QString& path)
{
    QList<JournalRecord> versions;
    for (const StateDb::Version& v : m_db.versions(path))
        versions.append(v.record);
    return resolve(path, versions);
}

SyncEngine::Outcome SyncEngine::materialize(Pass& pass, const QString& path)
{
    const Resolution target = resolved(path);
    const QString absolute = localPath(path);
    // Nothing is ever written or deleted through a symbolic link (R4): a link where the others
    // have a folder goes to the archive and a real folder takes its name (makeFolders); what is
    // deleted under a link is not this folder's.
    if (throughLink(path)) {
        if (target.kind == Kind::Deleted)
            return Outcome::Done;
        QString problem;
        if (!makeFolders(path.section(QLatin1Char('/'), 0, -2), problem))
            return setAside(pass, path, problem);
    }
    // On a file system that does not tell case apart, a name differing only by case from one
    // already here would land on it (R4): one of them stays on the relay only.
    if (m_caseInsensitive && target.kind != Kind::Deleted) {
        const QString twin = caseTwin(path);
        if (!twin.isEmpty()) {
            QList<JournalRecord> twinVersions;
            for (const StateDb::Version& v : m_db.versions(twin))
                twinVersions.append(v.record);
            // A rename that only changes case: the file is renamed in place, or the old name goes
            // first.
            const bool twinGoes =
                !twinVersions.isEmpty() && resolve(twin, twinVersions).kind == Kind::Deleted;
            if (twinGoes && target.kind == Kind::File && renameCaseTwin(twin, path, target.winner))
                return Outcome::Done;
            if (!twinGoes || materialize(pass, twin) != Outcome::Done || !caseTwin(path).isEmpty()) {
                pass.problem(QStringLiteral("%1 is not written here: this file system does not tell it apart "
                                            "from %2; rename one of them on another machine")
                                 .arg(path, twin));
                return Outcome::Done;
            }
        }
    }
    const std::optional<StateDb::LocalEntry> known = m_db.local(path);
    std::optional<StateDb::LocalEntry> disk = statLocal(absolute, path);
    if (disk && m_caseInsensitive && !caseTwin(path).isEmpty())
        disk.reset(); // what answers under this name is its twin
    // A symbolic link (or a FIFO, a socket, a device) is never synchronised; where the others have
    // a file or a folder, the newer version takes the name and the link goes to the archive.
    if (!disk && target.kind != Kind::Deleted && isSpecial(absolute)) {
        QString error;
        if (!moveToArchive(m_config.localPath, path, error))
            return setAside(pass, path, error);
        qCInfo(lcEngine).noquote() << QStringLiteral("[%1] %2: the symbolic link or special file there went to "
                                                     "the archive (another machine has a %3 there)")
                                          .arg(m_config.name, path,
                                               target.kind == Kind::File ? QStringLiteral("file")
                                                                         : QStringLiteral("folder"));
    }

    // A local change not yet scanned: leave the path alone; the next pass publishes it first.
    const bool diskMatches = (!known && !disk) || (known && disk && sameStat(*known, *disk));
    if (!diskMatches && !(target.kind == Kind::Directory && disk && disk->kind == Kind::Directory)) {
        // The known version waits: the next scan publishes the local change, which does not
        // replace it (R24), and the two are resolved like any concurrent versions (R26).
        pass.result.complete = false;
        // A file this machine cannot read is a version it cannot see: it stays, and says why.
        if (disk && disk->kind == Kind::File) {
            const int fd = ::open(QFile::encodeName(absolute).constData(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
            if (fd < 0 && errno != ENOENT)
                return setAside(pass, path,
                                QStringLiteral("%1 cannot be read here (%2): it stays as it is, and the version "
                                               "from %3 waits until it can be read (check its permissions)")
                                    .arg(path, QString::fromLocal8Bit(std::strerror(errno)),
                                         target.winner.originName.isEmpty() ? QStringLiteral("another machine")
                                                                            : target.winner.originName));
            if (fd >= 0)
                ::close(fd);
        }
        return setAside(pass, path,
                        QStringLiteral("%1 changed locally meanwhile; it will be compared on the next pass")
                            .arg(path));
    }

    // Conservative mode: a file this machine changed is never overwritten nor deleted by others.
    if (m_config.mode == config::SyncMode::Conservative && known && disk && known->origin == m_clientId) {
        const bool same =
            target.kind == known->kind && (target.kind != Kind::File || known->hash == target.winner.hash);
        if (!same) {
            pass.problem(QStringLiteral("kept this machine's version of %1 (conservative mode)").arg(path));
            return Outcome::Done;
        }
    }

    // Conflict copies first, while the local file may still hold their content. Each copy is a
    // version of its own path with the losing version's vector, published (R26): a client that
    // never sees the two versions side by side (a later version replaced both before it read
    // them) gets the copy from it. Every client that finds the conflict makes the same copy; the
    // others' identical records are equal versions, ignored. Its content is with the others
    // already (the losing version's): the record goes without chunks, as a rename's (R27).
    for (const JournalRecord& copy : target.copies) {
        QList<StateDb::Version> stored = m_db.versions(copy.path);
        if (const auto updated = integrated(stored, StateDb::Version{copy, true, true})) {
            // A copy made here is kept (and published) only once it is in the folder: one whose
            // content cannot be had is asked for under the name it conflicts with, and made again
            // when it comes (or not at all, when a later version replaces the one it holds).
            m_db.begin();
            m_db.setVersions(copy.path, *updated);
            m_db.commit();
            const Outcome o = materialize(pass, copy.path);
            if (o != Outcome::Done) {
                m_db.begin();
                m_db.setVersions(copy.path, stored);
                if (o == Outcome::Wanted)
                    m_db.addWant(copy.hash, path);
                m_db.commit();
                return o == Outcome::Deferred
                           ? setAside(pass, path,
                                      QStringLiteral("%1: its conflict copy %2 cannot be written yet").arg(path, copy.path))
                           : o;
            }
            ++pass.result.conflicts;
            reportEvent(FileEvent::Kind::Conflict, copy.path, copy.originName, copy.size);
            qCInfo(lcEngine).noquote()
                << QStringLiteral("[%1] conflict on %2: the version of %3 is kept as %4")
                       .arg(m_config.name, path, copy.originName, copy.path);
            continue;
        }
        // Another client published this copy first, without chunks: the losing version's chunks,
        // known here, bring its content.
        bool filled = false;
        for (StateDb::Version& v : stored)
            if (v.record.vv == copy.vv && v.record.sameContent(copy) && v.record.chunks.isEmpty() &&
                !copy.chunks.isEmpty() && copy.from == 0) {
                v.record.chunks = copy.chunks;
                filled = true;
            }
        if (filled)
            m_db.setVersions(copy.path, stored);
        if (const Outcome o = materialize(pass, copy.path); o != Outcome::Done) {
            // The name waits for its copy: tried again with it.
            if (o == Outcome::Wanted)
                m_db.addWant(copy.hash, path);
            return o == Outcome::Deferred
                       ? setAside(pass, path,
                                  QStringLiteral("%1: its conflict copy %2 cannot be written yet").arg(path, copy.path))
                       : o;
        }
    }

    switch (target.kind) {
    case Kind::Deleted: {
        dropPartial(path);
        if (!disk) {
            m_db.removeLocal(path);
            return Outcome::Done;
        }
        if (disk->kind == Kind::Directory) {
            if (::rmdir(QFile::encodeName(absolute).constData()) != 0) {
                // It still holds what others did not delete (made here or elsewhere meanwhile): a
                // change beats a deletion (R26), the folder stays, and a version of it made here
                // tells the others so.
                keepFolder(path);
                return Outcome::Done;
            }
        } else {
            // Keep what sync deletes in the local archive (section 10).
            QString error;
            if (!moveToArchive(m_config.localPath, path, error))
                return setAside(pass, path, error);
        }
        m_db.removeLocal(path);
        noteName(path, false);
        ++pass.result.deleted;
        reportEvent(FileEvent::Kind::Deleted, path, target.winner.originName, 0);
        // A deleted folder kept for the files it still held goes with its last one.
        for (QString parent = path.section(QLatin1Char('/'), 0, -2); !parent.isEmpty();
             parent = parent.section(QLatin1Char('/'), 0, -2)) {
            const auto folder = m_db.local(parent);
            if (!folder || folder->kind != Kind::Directory || resolved(parent).kind != Kind::Deleted ||
                ::rmdir(QFile::encodeName(localPath(parent)).constData()) != 0)
                break;
            m_db.removeLocal(parent);
            noteName(parent, false);
        }
        return Outcome::Done;
    }
    case Kind::Directory: {
        if (disk && disk->kind == Kind::File) {
            // A folder replaced the file (it supersedes every version of it, R25): the file, as
            // scanned, goes to the archive.
            QString error;
            if (!moveToArchive(m_config.localPath, path, error))
                return setAside(pass, path, error);
            m_db.removeLocal(path);
            disk.reset();
        }
        QString problem;
        if (!disk && !makeFolders(path, problem))
            return setAside(pass, path, problem);
        m_db.putLocal(
            StateDb::LocalEntry{path, Kind::Directory, 0, 0, 0, {}, m_clientId, mergedVector(m_db.versions(path)), 0});
        noteName(path, true);
        return Outcome::Done;
    }
    case Kind::File: {
        if (known && known->kind == Kind::File && known->hash == target.winner.hash) {
            // Already there: the folder now reflects every known version (R26), with the
            // winner's permission bits (R34).
            StateDb::LocalEntry reflected = *known;
            reflected.vv = mergedVector(m_db.versions(path));
            if (const int mode = modeFor(target.winner, known->mode); mode > 0 && mode != known->mode) {
                if (::chmod(QFile::encodeName(absolute).constData(), mode_t(mode)) == 0)
                    reflected.mode = mode;
                else
                    pass.problem(QStringLiteral("cannot change the permissions of %1: %2")
                                     .arg(absolute, QString::fromLocal8Bit(std::strerror(errno))));
            }
            if (reflected != *known)
                m_db.putLocal(reflected);
            return Outcome::Done;
        }
        if (disk && disk->kind == Kind::Directory) {
            // An empty folder makes room for the file. One that holds files keeps its name: the
            // file goes beside it as a conflict copy, and a version of the folder made here,
            // newer than every one known, tells the others (R26).
            if (::rmdir(QFile::encodeName(absolute).constData()) == 0) {
                m_db.removeLocal(path);
                noteName(path, false);
            } else {
                JournalRecord copy = target.winner;
                copy.path = conflictCopyPath(path, copy);
                copy.vv = conflictCopyVector(path, copy);
                copy.origin = copy.vv.counters().firstKey();
                copy.repush = false;
                const QList<StateDb::Version> stored = m_db.versions(copy.path);
                if (const auto updated = integrated(stored, StateDb::Version{copy, true, true})) {
                    m_db.setVersions(copy.path, *updated);
                    const Outcome o = materialize(pass, copy.path);
                    if (o != Outcome::Done) {
                        m_db.setVersions(copy.path, stored);
                        if (o == Outcome::Wanted)
                            m_db.addWant(copy.hash, path);
                        return o == Outcome::Deferred
                                   ? setAside(pass, path,
                                              QStringLiteral("%1 is a folder here: the file from %2 waits to be "
                                                             "written beside it")
                                                  .arg(path, target.winner.originName))
                                   : o;
                    }
                    ++pass.result.conflicts;
                    reportEvent(FileEvent::Kind::Conflict, copy.path, copy.originName, copy.size);
                    qCInfo(lcEngine).noquote()
                        << QStringLiteral("[%1] %2 is a folder here and a file elsewhere: the file is kept as %3")
                               .arg(m_config.name, path, copy.path);
                }
                keepFolder(path);
                return Outcome::Done;
            }
        }
        QString problem;
        m_progress.current = path;
        m_progress.currentSending = false;
        m_progress.currentDone = 0;
        m_progress.currentSize = target.winner.size;
        m_fileStartBytes = m_progress.bytesReceived;
        switch (obtainContent(target.winner, path, problem)) {
        case Content::Written:
            noteName(path, true);
            ++pass.result.downloaded;
            ++m_progress.filesReceived;
            m_progress.bytesReceived = m_fileStartBytes + target.winner.size;
            reportEvent(FileEvent::Kind::Received, path, target.winner.originName, target.winner.size);
            return Outcome::Done;
        case Content::Gone:
            // Freed before this client got it (it joined late, or came back after a long
            // absence): ask for it in the head; the path waits, the journal goes on (R23).
            pass.problem(problem);
            m_db.addWant(target.winner.hash, path);
            pass.result.complete = false;
            return Outcome::Wanted;
        case Content::Failed:
            return setAside(pass, path, problem);
        case Content::Unreachable:
            pass.problem(problem);
            pass.result.complete = false;
            return Outcome::Retry;
        }
        return Outcome::Retry;
    }
    }
    return Outcome::Done;
}

void SyncEngine::keepFolder(const QString& path)
{
    // A folder others deleted, kept here for what it holds: a change beats a deletion (R26). A
    // version made here, newer than every one known, brings it back everywhere.
    const auto known = m_db.local(path);
    if (!sends() || !known || known->kind != Kind::Directory)
        return;
    const QList<StateDb::Version> versions = m_db.versions(path);
    JournalRecord r;
    r.path = path;
    r.kind = Kind::Directory;
    r.vv = newLocalVector(mergedVector(versions), versions, m_clientId);
    r.origin = m_clientId;
    r.originName = m_config.clientName;
    if (const auto updated = integrated(versions, StateDb::Version{r, true})) {
        m_db.setVersions(path, *updated);
        StateDb::LocalEntry kept = *known;
        kept.vv = r.vv;
        m_db.putLocal(kept);
    }
}

int SyncEngine::modeFor(const JournalRecord& version, int replaced) const
{
    // A version's permission bits, never wider than this machine's file creation mask allows;
    // without any (an earlier release sent it, or a file system without them), those of the file
    // it replaces; else the default of new files (R34).
    if (!m_modes)
        return 0;
    if (version.mode > 0)
        return version.mode & ~creationMask() & 0777;
    return replaced;
}

void SyncEngine::applyMode(const QString& temp, const JournalRecord& version, const QString& target)
{
    const auto replaced = statLocal(localPath(target), target);
    const int mode = modeFor(version, replaced && replaced->kind == Kind::File ? replaced->mode : 0);
    if (mode > 0)
        ::chmod(QFile::encodeName(temp).constData(), mode_t(mode));
}

SyncEngine::Outcome SyncEngine::setAside(Pass& pass, const QString& path, const QString& cause)
{
    pass.problem(cause);
    m_db.putSetAside(path, cause, nowMs());
    return Outcome::Deferred;
}

RelayError SyncEngine::fetchChunks(const QString& path, const QList<protocol::ChunkRef>& chunks, QFile& file,
                                   Sha256* whole)
{
    // Up to 'transfers' chunks travel at once, each decoded (decrypted) on the relay's threads
    // into its own buffer; they are checked and written to the file in order, oldest first,
    // by this thread (parallel writers to one file only contend for its inode lock). One at a
    // time, a chunk streams straight into the file. Buffers are capped at 64 MiB in all.
    // When the caller checks the whole file's hash, the chunks' own hashes are not taken too:
    // one bad chunk fails the whole, which is then discarded (pieces check each chunk).
    const qint64 cap = 64LL * 1024 * 1024;
    const int transfers =
        int(std::clamp<qint64>(cap / std::max<qint64>(1, m_config.chunkSize), 1, this->transfers()));
    struct InFlight
    {
        protocol::ChunkRef chunk;
        std::unique_ptr<QBuffer> buffer; // its own byte array: stays put when moved
        std::unique_ptr<HashingWriter> writer;
        protocol::ObjectStore::PendingGet get;
    };
    std::deque<InFlight> inFlight;
    const qint64 start = file.pos();
    std::future<void> hashing;
    // Every hash started is finished when this returns (the caller reads `whole`).
    const auto hashed = qScopeGuard([&hashing] {
        if (hashing.valid())
            hashing.get();
    });
    // The verdict on one chunk; buffered `bytes` go to the file here.
    auto accept = [&](const RelayError& e, const protocol::ChunkRef& chunk, qint64 got,
                      const QByteArray& hash, const QByteArray* bytes) -> RelayError {
        if (e.kind == RelayError::Kind::NotFound)
            return {e.kind,
                    QStringLiteral("%1: its content is no longer on the relay; asked the others to send "
                                   "it again")
                        .arg(path)};
        if (!e.ok())
            return {e.kind, QStringLiteral("cannot download %1: %2").arg(path, e.message)};
        if (got != chunk.size || (!whole && hash != chunk.hash))
            return {RelayError::Kind::Corrupt,
                    QStringLiteral("%1: a chunk from the relay failed its check; it will be fetched again")
                        .arg(path)};
        if (bytes) {
            if (whole) {
                // The whole file's hash, in order; a big chunk's is taken beside its write, on
                // another thread (or, when no thread can be had, when it is waited for).
                if (hashing.valid())
                    hashing.get();
                if (bytes->size() >= 1024 * 1024)
                    hashing = std::async(std::launch::async | std::launch::deferred, [whole, data = *bytes] {
                        whole->update(data.constData(), data.size());
                    });
                else
                    whole->update(bytes->constData(), bytes->size());
            }
            // In pieces: with one write() per 8 MiB chunk, receiving 1 GiB through WebDAV took
            // 3.3 to 5.8 s on the benchmark machine (the page cache throttles big writes in big
            // steps); with 256 KiB pieces, a steady 2.7 s.
            bool written = true;
            for (qsizetype at = 0; written && at < bytes->size(); at += 256 * 1024) {
                const qsizetype n = std::min<qsizetype>(256 * 1024, bytes->size() - at);
                written = file.write(bytes->constData() + at, n) == n;
            }
            if (!written) {
                m_localWriteFailed = true; // the folder's disk, not the relay
                return {RelayError::Kind::Other,
                        QStringLiteral("cannot write %1: %2").arg(path, writeFailure(file))};
            }
        }
        m_progress.bytesReceived += chunk.size;
        m_progress.currentDone += chunk.size;
        reportProgress(true); // a chunk is megabytes: each one shows
        return {};
    };
    RelayError failure;
    if (QByteArray bytes;
        m_prefetch && chunks.size() == 1 && m_prefetch->take(chunks.first().id, bytes, failure)) {
        QByteArray hash;
        if (!whole) {
            Sha256 own;
            own.update(bytes.constData(), bytes.size());
            hash = own.finish();
        }
        failure = accept(failure, chunks.first(), bytes.size(), hash, &bytes);
        if (!failure.ok())
            file.seek(start);
        return failure;
    }
    auto collect = [&] {
        InFlight f = std::move(inFlight.front());
        inFlight.pop_front();
        const RelayError e = m_store.finish(f.get);
        if (failure.ok())
            failure = accept(e, f.chunk, f.writer->bytesWritten(), whole ? QByteArray() : f.writer->hash(),
                             f.buffer ? &f.buffer->data() : nullptr);
    };
    for (const protocol::ChunkRef& chunk : chunks) {
        if (!failure.ok())
            break;
        InFlight f;
        f.chunk = chunk;
        if (transfers > 1) {
            f.buffer = std::make_unique<QBuffer>();
            f.buffer->buffer().reserve(chunk.size);
            f.buffer->open(QIODevice::WriteOnly);
            f.writer = std::make_unique<HashingWriter>(f.buffer.get(), nullptr, !whole);
        } else {
            f.writer = std::make_unique<HashingWriter>(&file, whole, !whole);
        }
        f.get = m_store.startGet(layout::dataPath(chunk.id), f.writer.get());
        inFlight.push_back(std::move(f));
        if (int(inFlight.size()) >= transfers)
            collect();
    }
    while (!inFlight.empty())
        collect();
    if (!failure.ok())
        file.seek(start);
    return failure;
}

void SyncEngine::dropPartial(const QString& path)
{
    if (const auto partial = m_db.partial(path)) {
        QFile::remove(partial->temp);
        m_db.removePartial(path);
    }
}

SyncEngine::Outcome SyncEngine::receivePiece(Pass& pass, const JournalRecord& piece)
{
    const auto known = m_db.local(piece.path);
    if (known && known->kind == Kind::File && known->hash == piece.hash)
        return Outcome::Done; // already here
    for (const StateDb::Version& v : m_db.versions(piece.path))
        if (v.record.vv.supersedes(piece.vv))
            return Outcome::Done; // a piece of a version already replaced
    if (throughLink(piece.path)) {
        pass.problem(
            QStringLiteral("refused %1: it leads through a symbolic link in the folder").arg(piece.path));
        return Outcome::Done;
    }
    qint64 total = 0;
    for (const protocol::ChunkRef& c : piece.chunks)
        total += c.size;
    std::optional<StateDb::Partial> partial = m_db.partial(piece.path);
    const bool continues = partial && partial->hash == piece.hash && partial->size == piece.size;
    if (continues && partial->received >= piece.from + total)
        return Outcome::Done; // this piece is already here (the segment is read again)
    if (piece.from == 0) {
        dropPartial(piece.path);
        QString problem;
        if (!makeFolders(piece.path.section(QLatin1Char('/'), 0, -2), problem)) {
            pass.problem(problem);
            return Outcome::Retry;
        }
        const QString temp =
            QFileInfo(localPath(piece.path)).absolutePath() + QLatin1Char('/') + protocol::local::piecePrefix() + randomTag();
        partial = StateDb::Partial{piece.path, piece.hash, piece.size, 0, temp};
        QFile create(temp);
        if (!create.open(QIODevice::WriteOnly | QIODevice::NewOnly)) {
            pass.problem(QStringLiteral("cannot write %1: %2").arg(temp, writeFailure(create)));
            return Outcome::Retry;
        }
        m_db.putPartial(*partial);
    } else if (!continues || partial->received != piece.from) {
        // An earlier piece was missed (this client joined during the transfer): the version
        // that ends the file will be found incomplete and asked for again (R23).
        dropPartial(piece.path);
        return Outcome::Done;
    }

    QFile out(partial->temp);
    if (!out.open(QIODevice::ReadWrite)) {
        dropPartial(piece.path);
        return Outcome::Done;
    }
    // Bytes past `received` are what a crash left of an unfinished piece.
    out.resize(partial->received);
    out.seek(partial->received);
    const RelayError e = fetchChunks(piece.path, piece.chunks, out);
    if (e.kind == RelayError::Kind::NotFound) {
        out.close();
        dropPartial(piece.path);
        return Outcome::Done;
    }
    if (e.kind == RelayError::Kind::Corrupt) {
        // Damaged on the relay: the version that ends the file asks for the whole (R23).
        pass.problem(e.message);
        out.close();
        dropPartial(piece.path);
        return Outcome::Done;
    }
    if (!e.ok()) {
        out.resize(partial->received);
        pass.problem(e.message);
        return Outcome::Retry;
    }
    if (!out.flush() || ::fdatasync(out.handle()) != 0) {
        out.resize(partial->received);
        pass.problem(QStringLiteral("cannot write %1: %2").arg(partial->temp, writeFailure(out)));
        return Outcome::Retry;
    }
    partial->received = piece.from + total;
    m_db.putPartial(*partial);
    qCInfo(lcEngine).noquote() << QStringLiteral("[%1] received %2 of %3 of %4 (sent in pieces)")
                                      .arg(m_config.name, config::formatSize(partial->received),
                                           config::formatSize(piece.size), piece.path);
    return Outcome::Done;
}

void SyncEngine::probeCase()
{
    // A probe name in mixed case, looked up in lower case.
    const QString probe = localPath(protocol::local::probePrefix() + randomTag());
    QFile f(probe);
    if (!f.open(QIODevice::WriteOnly | QIODevice::NewOnly))
        return; // read-only or missing folder: probed again at the next pass
    f.close();
    struct stat st;
    m_caseInsensitive = ::lstat(QFile::encodeName(probe.toLower()).constData(), &st) == 0;
    // Whether files keep the permission bits they are given (not on FAT, exFAT, most SMB mounts).
    m_modes = ::chmod(QFile::encodeName(probe).constData(), 0640) == 0 &&
              ::lstat(QFile::encodeName(probe).constData(), &st) == 0 && (st.st_mode & 0777) == 0640;
    if (!m_modes)
        qCInfo(lcEngine).noquote() << QStringLiteral("[%1] %2 does not keep permission bits: none are sent "
                                                     "or applied")
                                          .arg(m_config.name, m_config.localPath);
    QFile::remove(probe);
    m_caseProbed = true;
    if (m_caseInsensitive)
        qCInfo(lcEngine).noquote() << QStringLiteral("[%1] %2 does not tell names apart by case")
                                          .arg(m_config.name, m_config.localPath);
}

QString SyncEngine::caseTwin(const QString& relative)
{
    // Another entry of the same folder whose name differs only by case: on disk (each folder
    // read once per pass), or staged by this pass.
    const QString name = relative.section(QLatin1Char('/'), -1);
    const QString parent = relative.section(QLatin1Char('/'), 0, -2);
    const QString present = caseNames(parent).value(name.toCaseFolded());
    if (present.isEmpty() || present == name)
        return {};
    return parent.isEmpty() ? present : parent + QLatin1Char('/') + present;
}

bool SyncEngine::renameCaseTwin(const QString& twin, const QString& path, const JournalRecord& winner)
{
    const auto known = m_db.local(twin);
    const auto disk = statLocal(localPath(twin), twin);
    if (!known || !disk || !sameStat(*known, *disk) || known->kind != Kind::File ||
        known->hash != winner.hash || m_db.local(path))
        return false;
    if (::rename(QFile::encodeName(localPath(twin)).constData(),
                 QFile::encodeName(localPath(path)).constData()) != 0)
        return false;
    StateDb::LocalEntry moved = *known;
    moved.path = path;
    moved.origin = winner.origin;
    moved.vv = mergedVector(m_db.versions(path));
    m_db.removeLocal(twin);
    m_db.putLocal(moved);
    noteName(twin, false);
    noteName(path, true);
    return true;
}

QHash<QString, QString>& SyncEngine::caseNames(const QString& folder)
{
    auto it = m_caseNames.find(folder);
    if (it == m_caseNames.end()) {
        it = m_caseNames.insert(folder, {});
        QDir dir(folder.isEmpty() ? m_config.localPath : localPath(folder));
        for (const QString& entry :
             dir.entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot))
            if (!protocol::isReservedName(entry))
                it->insert(entry.toCaseFolded(), entry);
    }
    return *it;
}

void SyncEngine::noteName(const QString& relative, bool present)
{
    if (!m_caseInsensitive)
        return;
    QHash<QString, QString>& folder = caseNames(relative.section(QLatin1Char('/'), 0, -2));
    const QString name = relative.section(QLatin1Char('/'), -1);
    if (present)
        folder.insert(name.toCaseFolded(), name);
    else if (folder.value(name.toCaseFolded()) == name)
        folder.remove(name.toCaseFolded());
}

bool SyncEngine::throughLink(const QString& relative) const
{
    // Every folder between the synchronised folder and the path must be a real folder: a
    // symbolic link there could lead the write, or the deletion, out of the folder (R4).
    QString prefix;
    const QStringList parts = relative.split(QLatin1Char('/'));
    for (qsizetype i = 0; i + 1 < parts.size(); ++i) {
        prefix = prefix.isEmpty() ? parts.at(i) : prefix + QLatin1Char('/') + parts.at(i);
        struct stat st;
        if (::lstat(QFile::encodeName(localPath(prefix)).constData(), &st) == 0 && S_ISLNK(st.st_mode))
            return true;
    }
    return false;
}

bool SyncEngine::makeFolders(const QString& relative, QString& problem)
{
    QString prefix;
    for (const QString& part : relative.split(QLatin1Char('/'), Qt::SkipEmptyParts)) {
        prefix = prefix.isEmpty() ? part : prefix + QLatin1Char('/') + part;
        const QByteArray native = QFile::encodeName(localPath(prefix));
        struct stat st;
        if (::lstat(native.constData(), &st) == 0) {
            if (S_ISDIR(st.st_mode))
                continue;
            if (S_ISREG(st.st_mode)) {
                problem = QStringLiteral("%1 is a file here, a folder elsewhere").arg(localPath(prefix));
                return false;
            }
            // Never written through (R4): the link goes to the archive, a real folder takes its name.
            QString error;
            if (!moveToArchive(m_config.localPath, prefix, error)) {
                problem = error;
                return false;
            }
            qCInfo(lcEngine).noquote() << QStringLiteral("[%1] %2: the symbolic link or special file there went "
                                                         "to the archive (another machine has a folder there)")
                                              .arg(m_config.name, prefix);
        }
        if (::mkdir(native.constData(), 0777) != 0 && errno != EEXIST) {
            problem = QStringLiteral("cannot create the folder %1: %2")
                          .arg(localPath(prefix), QString::fromLocal8Bit(std::strerror(errno)));
            return false;
        }
        // Remembered, so that the next scan does not take it for a new local folder; a folder the
        // others deleted comes back for what it holds (R26), and says so.
        if (!m_db.local(prefix))
            m_db.putLocal(StateDb::LocalEntry{prefix, Kind::Directory, 0, 0, 0, {}, {}, VersionVector(), 0});
        if (resolved(prefix).kind == Kind::Deleted && !m_db.versions(prefix).isEmpty())
            keepFolder(prefix);
    }
    return true;
}

// What a failed download means for the path: content gone from the relay or damaged there is
// asked for again (R23); a file that could not be written is a local problem; the rest is the
// relay failing, tried again with the journals.
SyncEngine::Content SyncEngine::contentFailure(const RelayError& e, const QFile& file)
{
    const bool local = std::exchange(m_localWriteFailed, false) || file.error() != QFileDevice::NoError;
    if (e.kind == RelayError::Kind::NotFound || e.kind == RelayError::Kind::Corrupt)
        return Content::Gone;
    return local ? Content::Failed : Content::Unreachable;
}

SyncEngine::Content SyncEngine::obtainContent(const JournalRecord& record, const QString& targetPath,
                                              QString& problem)
{
    const QString target = localPath(targetPath);
    const QString folder = QFileInfo(target).absolutePath();
    if (!makeFolders(targetPath.section(QLatin1Char('/'), 0, -2), problem))
        return Content::Failed;
    const QString temp = folder + QLatin1Char('/') + protocol::local::downloadPrefix() + randomTag();
    QFile out(temp);
    if (!out.open(QIODevice::WriteOnly | QIODevice::NewOnly)) {
        problem = QStringLiteral("cannot write in %1: %2").arg(folder, writeFailure(out));
        return Content::Failed;
    }
    auto abandon = [&](const QString& why, Content outcome = Content::Failed) {
        out.close();
        QFile::remove(temp);
        problem = why;
        return outcome;
    };

    qint64 total = 0;
    bool fromLocal = false;
    // A local file with the same content (a rename, a copy, a conflict copy) saves a download.
    for (const StateDb::LocalEntry& candidate : m_db.localWithHash(record.hash)) {
        if (candidate.kind != Kind::File)
            continue;
        const auto now = statLocal(localPath(candidate.path), candidate.path);
        if (!now || !sameStat(*now, candidate))
            continue;
        QFile in(localPath(candidate.path));
        if (!in.open(QIODevice::ReadOnly))
            continue;
        out.resize(0);
        out.seek(0);
        Sha256 copyHash;
        qint64 copied = 0;
        QByteArray buffer(1 << 20, Qt::Uninitialized);
        bool ok = true;
        for (;;) {
            const qint64 n = in.read(buffer.data(), buffer.size());
            if (n < 0) {
                ok = false;
                break;
            }
            if (n == 0)
                break;
            if (out.write(buffer.constData(), n) != n) {
                ok = false;
                break;
            }
            copyHash.update(buffer.constData(), n);
            copied += n;
        }
        if (ok && copyHash.finish() == record.hash && copied == record.size) {
            fromLocal = true;
            total = copied;
            break;
        }
        if (ok) {
            // Changed in place, keeping its size and time (no scan saw it): read again at the next
            // scan, which publishes what it holds; meanwhile it is no source of that content.
            StateDb::LocalEntry stale = candidate;
            stale.mtimeNs = -1;
            m_db.putLocal(stale);
        }
    }
    if (fromLocal) {
        dropPartial(targetPath);
    } else if (record.from > 0) {
        // The first bytes came in pieces (R28): the partial file continues with these chunks.
        const auto partial = m_db.partial(targetPath);
        out.close();
        QFile::remove(temp);
        if (!partial || partial->hash != record.hash || partial->received != record.from) {
            problem = QStringLiteral("%1: its first pieces are not here; asked the others to send it again")
                          .arg(targetPath);
            return Content::Gone;
        }
        QFile part(partial->temp);
        if (!part.open(QIODevice::ReadWrite)) {
            dropPartial(targetPath);
            problem = QStringLiteral("%1: its first pieces are lost; asked the others to send it again")
                          .arg(targetPath);
            return Content::Gone;
        }
        part.resize(record.from);
        part.seek(record.from);
        if (const RelayError e = fetchChunks(targetPath, record.chunks, part); !e.ok()) {
            const Content outcome = contentFailure(e, part);
            part.resize(record.from);
            problem = e.message;
            return outcome;
        }
        // The whole file is checked once more, pieces included.
        part.seek(0);
        Sha256 check;
        QByteArray buffer(1 << 20, Qt::Uninitialized);
        qint64 n = 0;
        while ((n = part.read(buffer.data(), buffer.size())) > 0)
            check.update(buffer.constData(), n);
        if (n < 0 || !part.flush() || part.size() != record.size || check.finish() != record.hash) {
            part.close();
            dropPartial(targetPath);
            problem = QStringLiteral("%1: the file assembled from pieces failed its check; asked the others "
                                     "to send it again")
                          .arg(targetPath);
            return Content::Gone;
        }
        part.close();
        m_db.removePartial(targetPath); // the staged download from now on
        applyMode(partial->temp, record, targetPath);
        setModificationTime(partial->temp, record.mtimeMs);
        m_staged.append(
            Staged{partial->temp, targetPath, record.hash, record.origin, mergedVector(m_db.versions(targetPath))});
        return Content::Written;
    } else {
        out.resize(0);
        out.seek(0);
        // A record without chunks (a rename, a conflict copy): the chunks another record of the
        // journals read brought for that content (R27).
        const QList<protocol::ChunkRef> chunks =
            record.chunks.isEmpty() ? m_contentSeen.value(record.hash) : record.chunks;
        if (record.size > 0 && chunks.isEmpty())
            return abandon(
                QStringLiteral("%1: the content is not on the relay; asked the others to send it again")
                    .arg(targetPath),
                Content::Gone);
        QByteArray digest;
        auto fetchAll = [&](const QList<protocol::ChunkRef>& list) {
            out.resize(0);
            out.seek(0);
            Sha256 whole;
            const RelayError r = fetchChunks(targetPath, list, out, &whole);
            if (r.ok())
                digest = whole.finish();
            return r;
        };
        RelayError e = fetchAll(chunks);
        // Its chunks gone, the same content may have come with another record this pass (sent
        // again for another version of it, R23): content is content, whoever's version named it.
        if (const QList<protocol::ChunkRef> other = m_contentSeen.value(record.hash);
            !e.ok() && e.kind == RelayError::Kind::NotFound && !other.isEmpty() && other != chunks)
            e = fetchAll(other);
        if (!e.ok())
            return abandon(e.message, contentFailure(e, out));
        total = out.pos();
        // Damaged on the relay (or by the way): asked for again, from whoever holds it (R23).
        if (digest != record.hash || total != record.size)
            return abandon(
                QStringLiteral("%1: the downloaded content failed its check; asked the others to send it again")
                    .arg(targetPath),
                Content::Gone);
    }
    if (!out.flush())
        return abandon(QStringLiteral("cannot write %1: %2").arg(temp, writeFailure(out)));
    out.close();
    applyMode(temp, record, targetPath);
    setModificationTime(temp, record.mtimeMs);
    // Renamed into place by commitStaged(), after one file system sync for the whole batch.
    m_staged.append(Staged{temp, targetPath, record.hash, record.origin, mergedVector(m_db.versions(targetPath))});
    return Content::Written;
}

bool SyncEngine::commitStaged(Pass& pass)
{
    if (m_staged.isEmpty())
        return true;
    // One sync makes every staged file durable before any of them replaces a user's file, so
    // a crash never leaves an empty or partial file under a real name (section 10).
    const int rootFd =
        ::open(QFile::encodeName(m_config.localPath).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (rootFd >= 0) {
        if (::syncfs(rootFd) != 0)
            pass.problem(QStringLiteral("cannot flush %1 to disk: %2")
                             .arg(m_config.localPath, QString::fromLocal8Bit(std::strerror(errno))));
        ::close(rootFd);
    }
    bool all = true;
    const QString stamp = archiveStamp();
    for (const Staged& staged : std::as_const(m_staged)) {
        const QString target = localPath(staged.path);
        // Last check before replacing: the target must still be what the state database says.
        const auto known = m_db.local(staged.path);
        const auto disk = statLocal(target, staged.path);
        const bool unchanged =
            (!known && !disk && !isSpecial(target)) || (known && disk && sameStat(*known, *disk));
        if (!unchanged) {
            QFile::remove(staged.temp);
            setAside(pass, staged.path,
                     QStringLiteral("%1 changed locally meanwhile; it will be compared on the next pass")
                         .arg(staged.path));
            pass.result.complete = false;
            all = false;
            continue;
        }
        if (disk && disk->kind == Kind::File) {
            // The replaced version goes to the local archive, or it is not replaced.
            QString error;
            if (!copyToArchive(m_config.localPath, stamp, staged.path, error)) {
                QFile::remove(staged.temp);
                setAside(pass, staged.path,
                         QStringLiteral("%1 is not replaced: %2").arg(staged.path, error));
                all = false;
                continue;
            }
        }
        if (::rename(QFile::encodeName(staged.temp).constData(), QFile::encodeName(target).constData()) !=
            0) {
            const int err = errno;
            QFile::remove(staged.temp);
            pass.problem(QStringLiteral("cannot write %1: %2")
                             .arg(target, QString::fromLocal8Bit(std::strerror(err))));
            all = false;
            continue;
        }
        if (auto entry = statLocal(target, staged.path)) {
            entry->hash = staged.hash;
            entry->origin = staged.origin;
            entry->vv = staged.vv;
            m_db.putLocal(*entry);
        }
        m_db.removeWant(staged.hash, staged.path);
    }
    m_staged.clear();
    return all;
}

void SyncEngine::push(Pass& pass)
{
    const auto [files, bytes] = m_db.pendingContent();
    m_progress.filesToSend = m_progress.filesSent + files;
    m_progress.bytesToSend = m_progress.bytesSent + bytes;
    reportProgress(true);
    // Chunks uploaded by a pass that never published them are leftovers: delete them first (kept
    // in the state until the relay confirms, so that a failed deletion is tried again).
    for (const StateDb::OwnObject& o : m_db.ownObjects())
        if (o.segment == 0)
            dropOwnObject(o.id);

    struct Item
    {
        JournalRecord record;
        QStringList repushFor; // peers that asked for this content; empty for a new version
        bool renamed = false;  // content already with the others: no chunks (R27)
        bool piece = false;    // a piece of a file larger than the quota (R28), not a version
    };
    // Pending versions are read a segment's worth at a time, in path order, so a first pass
    // over a big folder never holds all of them in memory; re-pushes come last.
    QString cursor;
    QString cursorVv;
    bool versionsLeft = true;
    qsizetype repushesTaken = 0;
    auto nextBatch = [&] {
        QList<Item> batch;
        if (versionsLeft) {
            const QList<StateDb::Version> page =
                m_db.pendingVersions(cursor, cursorVv, kMaxRecordsPerSegment);
            versionsLeft = page.size() == kMaxRecordsPerSegment;
            for (const StateDb::Version& v : page)
                batch.append(Item{v.record, {}, v.renamed});
            if (!page.isEmpty()) {
                cursor = page.last().record.path;
                cursorVv = page.last().record.vv.toString();
            }
        }
        while (batch.size() < kMaxRecordsPerSegment && repushesTaken < pass.repushes.size()) {
            const auto& [record, peers] = pass.repushes.at(repushesTaken++);
            batch.append(Item{record, peers.split(QLatin1Char(','))});
        }
        return batch;
    };
    quint64 journal = m_db.meta(Meta::Journal).toULongLong();

    while (pass.result.ok()) {
        QList<Item> batch = nextBatch();
        if (batch.isEmpty())
            break;
        // Smallest content first: on a relay near full, what fits goes out before what waits.
        std::stable_sort(batch.begin(), batch.end(), [](const Item& x, const Item& y) {
            const qint64 a = x.renamed || x.record.kind != Kind::File ? -1 : x.record.size;
            const qint64 b = y.renamed || y.record.kind != Kind::File ? -1 : y.record.size;
            return a < b;
        });

        QList<Item> ready;
        // One-chunk files travel `transfers` at a time, collected in order; any other item
        // waits until they are in, so the segment keeps the batch's order.
        struct SmallUpload
        {
            Item item;
            StateDb::LocalEntry known;
            ChunkUpload chunk;
        };
        std::deque<SmallUpload> pipeline;
        auto collect = [&] {
            SmallUpload u = std::move(pipeline.front());
            pipeline.pop_front();
            const RelayError e = m_store.finish(u.chunk.put);
            const auto after = statLocal(localPath(u.known.path), u.known.path);
            const QByteArray sent = e.ok() ? u.chunk.reader->hash() : QByteArray(); // once: it ends the hash
            if (e.ok() && u.chunk.reader->bytesRead() == u.chunk.size && after && sameStat(*after, u.known) &&
                confirmContent(pass, u.item.record, u.known, !u.item.repushFor.isEmpty(), sent)) {
                u.item.record.chunks = {protocol::ChunkRef{u.chunk.own.id, u.chunk.size, sent}};
                ++pass.result.uploaded;
                ++m_progress.filesSent;
                m_progress.bytesSent += u.chunk.size;
                reportEvent(FileEvent::Kind::Sent, u.item.record.path, m_config.clientName, u.chunk.size);
                ready.append(u.item);
                return;
            }
            // Failed, or changed while read (the next scan makes a newer version).
            dropOwnObject(u.chunk.own.id);
            if (!e.ok())
                failUpload(pass, u.item.record.path, e);
        };
        // Starts a one-chunk file's upload; false when it changed since the scan.
        auto startSmall = [&](const Item& item) {
            SmallUpload u;
            u.item = item;
            const auto known = contentSource(item.record);
            if (!known)
                return false;
            u.known = *known;
            RelayError e;
            if (!startChunk(localPath(known->path), 0, item.record.size, u.chunk, e)) {
                if (!e.ok())
                    failUpload(pass, item.record.path, e);
                return false;
            }
            pipeline.push_back(std::move(u));
            return true;
        };
        int chunksAhead = 0;
        for (const Item& item : std::as_const(batch))
            if (!item.renamed && item.record.kind == Kind::File && item.record.size > 0)
                chunksAhead += int(std::min<qint64>(100'000, (item.record.size + m_config.chunkSize - 1) /
                                                                 m_config.chunkSize));
        reserveChunkIds(std::min(chunksAhead, 20'000));
        m_db.begin(); // the chunk records of the batch, together
        for (Item& item : batch) {
            const bool small = !item.renamed && transfers() > 1 && item.record.kind == Kind::File &&
                               item.record.size > 0 && item.record.size <= m_config.chunkSize &&
                               pass.result.ok();
            if (!small)
                while (!pipeline.empty())
                    collect();
            if (item.renamed) {
                item.record.chunks.clear();
                item.record.from = 0;
                ready.append(item);
                continue;
            }
            if (pass.relayFull && item.record.kind == Kind::File && item.record.size > 0)
                continue; // waits for room, with the larger files
            if (m_config.diskQuota && item.record.kind == Kind::File && item.record.size > 0) {
                // Back-pressure: wait for room rather than go over 'disk quota' (relay-format.md 8).
                qint64 used = m_db.ownUsage();
                for (const StateDb::Peer& p : std::as_const(pass.peers))
                    used += p.usage;
                if (m_store.codec().encodedSize(item.record.size) > *m_config.diskQuota) {
                    // It never fits whole: it goes in pieces, each as large as the room (R28).
                    if (!uploadPiece(pass, item.record, *m_config.diskQuota - used))
                        continue;
                    item.piece = item.record.piece;
                    if (!item.piece) {
                        ++pass.result.uploaded;
                        ++m_progress.filesSent;
                        reportEvent(FileEvent::Kind::Sent, item.record.path, m_config.clientName,
                                    item.record.size);
                    }
                    ready.append(item);
                    continue;
                }
                if (used + m_store.codec().encodedSize(item.record.size) > *m_config.diskQuota) {
                    pass.result.waitingForSpace = true;
                    pass.result.complete = false;
                    pass.problem(QStringLiteral("waiting for relay space to send %1: %2 of %3 in use")
                                     .arg(item.record.path, config::formatSize(used),
                                          config::formatSize(*m_config.diskQuota)));
                    continue;
                }
            }
            if (small) {
                if (!startSmall(item))
                    withdrawIfGone(pass, item.record, !item.repushFor.isEmpty());
                else if (int(pipeline.size()) >= transfers())
                    collect();
                continue;
            }
            if (item.record.kind == Kind::File && item.record.size > 0) {
                StateDb::LocalEntry source;
                if (!uploadFile(pass, item.record, 0, item.record.size, &source)) {
                    withdrawIfGone(pass, item.record, !item.repushFor.isEmpty());
                    continue;
                }
                if (!confirmContent(pass, item.record, source, !item.repushFor.isEmpty(),
                                    item.record.chunks.size() == 1 ? item.record.chunks.first().hash : QByteArray())) {
                    for (const protocol::ChunkRef& c : item.record.chunks)
                        dropOwnObject(c.id);
                    continue;
                }
                ++pass.result.uploaded;
                ++m_progress.filesSent;
                reportEvent(FileEvent::Kind::Sent, item.record.path, m_config.clientName, item.record.size);
            }
            ready.append(item);
        }
        while (!pipeline.empty())
            collect();
        releaseChunkIds();
        m_db.commit();
        if (!pass.result.ok() || ready.isEmpty())
            break;

        const quint64 seq = journal + 1;
        protocol::TextObject segment;
        segment.header = QJsonObject{{QStringLiteral("format"), protocol::kFormatVersion},
                                     {QStringLiteral("type"), QStringLiteral("journal")},
                                     {QStringLiteral("client"), m_clientId},
                                     {QStringLiteral("seq"), double(seq)}};
        for (const Item& item : std::as_const(ready))
            segment.records.append(item.record.toJson());
        const QByteArray text = segment.encode();
        RelayError e = m_store.putSmall(layout::journalPath(m_clientId, seq), text, WriteMode::CreateExclusive);
        if (e.kind == RelayError::Kind::AlreadyExists) {
            // This client's own segment is there already: a publication whose answer was lost (the
            // very same text), or a state behind the relay (restored, or a crash between the
            // publication and its record here): what the relay holds is adopted, and this batch
            // goes out again, numbered after it, at the next pass.
            QByteArray there;
            if (m_store.getSmall(layout::journalPath(m_clientId, seq), there).ok() && there == text) {
                e = {};
            } else {
                recoverOwnJournal(pass);
                pass.result.complete = false;
                break;
            }
        }
        if (!e.ok()) {
            pass.fail(PassResult::Status::Failed,
                      QStringLiteral("cannot publish the journal: %1").arg(e.message));
            break;
        }
        journal = seq;
        m_db.begin();
        m_db.setMeta(Meta::Journal, QString::number(journal));
        m_db.setMeta(Meta::JournalDigest, digestOf(text));
        for (const Item& item : std::as_const(ready)) {
            for (const protocol::ChunkRef& c : item.record.chunks)
                m_db.putOwnObject(StateDb::OwnObject{c.id, seq, m_store.codec().encodedSize(c.size)});
            if (item.piece) {
                qint64 sent = item.record.from;
                for (const protocol::ChunkRef& c : item.record.chunks)
                    sent += c.size;
                m_db.setMeta(Meta::PieceSent,
                             QString::fromLatin1(item.record.hash.toHex()) + QLatin1Char(' ') + QString::number(sent),
                             item.record.path);
                continue; // the version itself follows with its last bytes
            }
            if (item.record.from > 0)
                m_db.removeMeta(Meta::PieceSent, item.record.path);
            for (const QString& peer : item.repushFor)
                m_db.setRepushed(item.record.hash, peer, seq);
            QList<StateDb::Version> versions = m_db.versions(item.record.path);
            for (StateDb::Version& v : versions) {
                if (v.record.vv == item.record.vv) {
                    v.record.hash = item.record.hash; // the content sent (confirmContent)
                    v.record.chunks = item.record.chunks;
                    v.record.from = item.record.from;
                    v.record.repush = false;
                    if (item.repushFor.isEmpty())
                        v.pending = false;
                }
            }
            m_db.setVersions(item.record.path, versions);
        }
        m_db.commit();
        pass.result.published += int(ready.size());
        m_ownStateConfirmed = true; // its journal numbering is the relay's
        qCInfo(lcEngine).noquote() << QStringLiteral("[%1] published %2 changes (journal %3)")
                                          .arg(m_config.name)
                                          .arg(ready.size())
                                          .arg(seq);
    }
}

bool SyncEngine::uploadPiece(Pass& pass, JournalRecord& record, qint64 room)
{
    qint64 from = 0;
    const QStringList progress = m_db.meta(Meta::PieceSent, record.path).split(QLatin1Char(' '));
    if (progress.size() == 2 && progress.at(0) == QString::fromLatin1(record.hash.toHex()))
        from = std::clamp<qint64>(progress.at(1).toLongLong(), 0, record.size - 1);
    const qint64 left = record.size - from;
    // The codec's overhead on each chunk is set aside, so the pieces stay under the quota.
    const qint64 overhead = m_store.codec().encodedSize(m_config.chunkSize) - m_config.chunkSize;
    const qint64 budget =
        std::min(left, room - overhead * (std::max<qint64>(room, 0) / m_config.chunkSize + 1));
    constexpr qint64 kSmallestPiece = 1 << 20;
    if (budget < std::min(left, kSmallestPiece)) {
        pass.result.waitingForSpace = true;
        pass.result.complete = false;
        pass.problem(
            QStringLiteral("%1 is larger than the relay quota (%2): sent in pieces, %3 of %4 so far; "
                           "waiting for the others to take the last one")
                .arg(record.path, config::formatSize(*m_config.diskQuota), config::formatSize(from),
                     config::formatSize(record.size)));
        return false;
    }
    if (!uploadFile(pass, record, from, budget))
        return false;
    record.from = from;
    record.piece = from + budget < record.size;
    if (record.piece)
        record.repush = false; // a piece is not a version; the version that ends it says it all
    qCInfo(lcEngine).noquote() << QStringLiteral(
                                      "[%1] %2 is larger than the relay quota: sending %3 to %4 of %5")
                                      .arg(m_config.name, record.path, config::formatSize(from),
                                           config::formatSize(from + budget),
                                           config::formatSize(record.size));
    return true;
}

int SyncEngine::transfers() const
{
    return m_relay->capabilities().parallelTransfers ? std::max(1, m_config.transfers) : 1;
}

std::optional<StateDb::LocalEntry> SyncEngine::contentSource(const JournalRecord& record)
{
    // The file at the path, as scanned; else any file of the folder with that content, as
    // scanned (a version of this client that lost a conflict lives on in its copy, R26). Gone
    // or changed since the scan: the next scan makes a newer version.
    auto unchanged = [&](const StateDb::LocalEntry& e) {
        const auto now = statLocal(localPath(e.path), e.path);
        return e.kind == Kind::File && e.hash == record.hash && e.size == record.size && now &&
               sameStat(*now, e);
    };
    if (const auto known = m_db.local(record.path); known && unchanged(*known))
        return known;
    for (const StateDb::LocalEntry& e : m_db.localWithHash(record.hash))
        if (unchanged(e))
            return e;
    return std::nullopt;
}

bool SyncEngine::confirmContent(Pass& pass, JournalRecord& record, const StateDb::LocalEntry& source, bool repush,
                                QByteArray uploaded)
{
    // The hash a record carries is the hash of the bytes sent. A file changed in place since it was
    // scanned, keeping its size and time (coarse-time file systems, a file that waited for relay
    // space), would otherwise be published with its old hash and new bytes, failing every reader's
    // check. A big file is read once more for it, unless this pass scanned it.
    if (uploaded.isEmpty()) {
        if (pass.scannedNow.contains(source.path))
            return true;
        const auto hash = scan::hashFile(localPath(source.path));
        if (!hash)
            return false;
        uploaded = *hash;
    }
    if (uploaded == record.hash)
        return true;
    if (repush) {
        // Not that version's content any more: changed in place, keeping its size and time, so no
        // scan saw it. Marked so that the next scan reads it again: what it holds then goes out as
        // a version made from the one asked for, which that version's readers take instead (R23).
        StateDb::LocalEntry stale = source;
        stale.mtimeNs = -1;
        m_db.putLocal(stale);
        qCInfo(lcEngine).noquote() << QStringLiteral("[%1] %2 changed since it was scanned, keeping its size and "
                                                     "time: read again at the next pass")
                                          .arg(m_config.name, source.path);
        return false;
    }
    qCInfo(lcEngine).noquote() << QStringLiteral("[%1] %2 changed since it was scanned, keeping its size and "
                                                 "time: it goes with the content sent")
                                      .arg(m_config.name, source.path);
    record.hash = uploaded;
    StateDb::LocalEntry updated = source;
    updated.hash = uploaded;
    m_db.putLocal(updated);
    return true;
}

void SyncEngine::withdrawIfGone(Pass& pass, const JournalRecord& record, bool repush)
{
    // A version made here whose content no file of the folder holds any more (replaced or deleted
    // here since, a conflict copy edited): nobody can send it, and nothing needs it, since its
    // replacement was made from it. It goes, so the count of changes to send can reach 0.
    if (repush || !pass.result.ok())
        return;
    for (const StateDb::LocalEntry& e : m_db.localWithHash(record.hash))
        if (e.kind == Kind::File)
            return; // there, changed since the scan: the next scan says what it is now
    QList<StateDb::Version> versions = m_db.versions(record.path);
    const qsizetype before = versions.size();
    versions.removeIf([&](const StateDb::Version& v) { return v.pending && v.record.vv == record.vv; });
    if (versions.size() == before)
        return;
    m_db.setVersions(record.path, versions);
    qCInfo(lcEngine).noquote() << QStringLiteral("[%1] %2: the version made here is no longer in the folder; "
                                                 "not sent")
                                      .arg(m_config.name, record.path);
}

bool SyncEngine::startChunk(const QString& absolute, qint64 offset, qint64 size, ChunkUpload& chunk,
                            RelayError& e)
{
    QString id = protocol::newObjectId(m_clientId);
    if (!m_reservedIds.empty()) {
        id = m_reservedIds.front();
        m_reservedIds.pop_front();
    }
    chunk.own = StateDb::OwnObject{id, 0, m_store.codec().encodedSize(size)};
    chunk.size = size;
    chunk.file = std::make_unique<QFile>(absolute);
    if (!chunk.file->open(QIODevice::ReadOnly) || (offset > 0 && !chunk.file->seek(offset)))
        return false;
    e = ensureFolder(layout::dataFolderOf(chunk.own.id));
    if (!e.ok())
        return false;
    // Recorded before it is written: unpublished until its segment is, removed if never (R2).
    m_db.putOwnObject(chunk.own);
    chunk.reader = std::make_unique<HashingReader>(chunk.file.get(), size);
    chunk.put = m_store.startPut(layout::dataPath(chunk.own.id), chunk.reader.get(), size, WriteMode::Fresh);
    return true;
}

void SyncEngine::reserveChunkIds(int count)
{
    if (count <= 0)
        return;
    m_db.begin();
    for (int i = 0; i < count; ++i) {
        m_reservedIds.push_back(protocol::newObjectId(m_clientId));
        m_db.putOwnObject(StateDb::OwnObject{m_reservedIds.back(), 0, 0}); // no size: not written yet
    }
    m_db.commit();
}

void SyncEngine::releaseChunkIds()
{
    for (const QString& id : m_reservedIds)
        m_db.removeOwnObject(id);
    m_reservedIds.clear();
}

bool SyncEngine::dropOwnObject(const QString& id)
{
    const RelayError e = m_store.remove(layout::dataPath(id));
    if (!e.ok() && e.kind != RelayError::Kind::NotFound)
        return false;
    m_db.removeOwnObject(id);
    return true;
}

void SyncEngine::failUpload(Pass& pass, const QString& path, const RelayError& e)
{
    // The relay is full (its own quota, a full disk): what is uploaded already goes out, the rest
    // waits for room, said; it is no failure of the pass.
    if (e.kind == RelayError::Kind::Quota) {
        if (!pass.relayFull)
            pass.problem(QStringLiteral("the relay is full (%1): %2 and the larger files after it wait for room")
                             .arg(e.message, path));
        pass.relayFull = true;
        pass.result.waitingForSpace = true;
        pass.result.complete = false;
        return;
    }
    pass.fail(e.kind == RelayError::Kind::Auth ? PassResult::Status::Auth : PassResult::Status::Failed,
              QStringLiteral("cannot upload %1: %2").arg(path, e.message));
    pass.result.cause = e.kind;
}

bool SyncEngine::uploadFile(Pass& pass, JournalRecord& record, qint64 from, qint64 limit,
                            StateDb::LocalEntry* source)
{
    const auto known = contentSource(record);
    if (!known)
        return false;
    if (source)
        *source = *known;
    const QString absolute = localPath(known->path);
    record.chunks.clear();
    const qint64 end = std::min(record.size, from + limit);
    m_progress.current = record.path;
    m_progress.currentSending = true;
    m_progress.currentDone = from;
    m_progress.currentSize = record.size;
    QStringList uploaded;
    auto rollback = [&] {
        for (const QString& id : std::as_const(uploaded))
            dropOwnObject(id);
    };
    // Up to 'transfers' chunks travel at once, each read through its own handle on the file;
    // they are collected in order, oldest first.
    std::deque<ChunkUpload> inFlight;
    RelayError failure;
    bool shortRead = false;
    auto collect = [&] {
        ChunkUpload c = std::move(inFlight.front());
        inFlight.pop_front();
        const RelayError e = m_store.finish(c.put);
        if (!e.ok()) {
            if (failure.ok())
                failure = e;
            return;
        }
        if (c.reader->bytesRead() != c.size) {
            shortRead = true;
            return;
        }
        record.chunks.append(protocol::ChunkRef{c.own.id, c.size, c.reader->hash()});
        m_progress.bytesSent += c.size;
        m_progress.currentDone += c.size;
        reportProgress(true); // a chunk is megabytes: each one shows
    };
    for (qint64 offset = from; offset < end && failure.ok() && !shortRead;) {
        const qint64 size = std::min<qint64>(m_config.chunkSize, end - offset);
        ChunkUpload c;
        if (!startChunk(absolute, offset, size, c, failure)) {
            shortRead = failure.ok();
            break;
        }
        uploaded.append(c.own.id);
        inFlight.push_back(std::move(c));
        offset += size;
        if (int(inFlight.size()) >= transfers())
            collect();
    }
    while (!inFlight.empty())
        collect();
    if (!failure.ok()) {
        rollback();
        failUpload(pass, record.path, failure);
        return false;
    }
    // The file must not have changed while it was read (a stable snapshot, section 10).
    const auto after = statLocal(absolute, known->path);
    if (shortRead || !after || !sameStat(*after, *known)) {
        rollback();
        return false;
    }
    return true;
}

void SyncEngine::writeHead(Pass& pass)
{
    if (!pass.headSeen)
        return;
    protocol::Head head;
    head.client = m_clientId;
    head.name = m_config.clientName;
    head.journal = m_db.meta(Meta::Journal).toULongLong();
    head.usage = m_db.ownUsage();
    head.wants = currentWants();
    head.snapshot = m_db.meta(Meta::Snapshot).toULongLong();
    if (head.snapshot > 0) {
        const QJsonObject acks =
            QJsonDocument::fromJson(m_db.meta(Meta::SnapshotAcks).toUtf8()).object();
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
    if (!pass.ownHeads.isEmpty() && signature == m_db.meta(Meta::Head))
        return;
    head.generation = std::max(m_db.meta(Meta::Generation).toULongLong(), pass.ownGeneration) + 1;
    protocol::TextObject text;
    text.header = head.toJson();
    const RelayError e =
        m_store.putSmall(layout::headPath(m_clientId, head.generation), text.encode(), WriteMode::Replace);
    if (!e.ok()) {
        pass.fail(PassResult::Status::Failed,
                  QStringLiteral("cannot publish this client's head: %1").arg(e.message));
        return;
    }
    m_db.begin();
    m_db.setMeta(Meta::Generation, QString::number(head.generation));
    m_db.setMeta(Meta::Head, signature);
    m_db.commit();
    qCDebug(lcEngine).noquote() << QStringLiteral("[%1] head %2 of %3: journal %4, %5 wanted")
                                       .arg(m_config.name)
                                       .arg(head.generation)
                                       .arg(m_config.clientName)
                                       .arg(head.journal)
                                       .arg(head.wants.size());
    for (const QString& old : std::as_const(pass.ownHeads))
        if (old != layout::headName(m_clientId, head.generation))
            m_store.remove(layout::headsFolder() + QLatin1Char('/') + old);
}

bool SyncEngine::loadSnapshot(Pass& pass, StateDb::Peer& peer)
{
    const QString path = layout::snapshotPath(peer.client, peer.snapshot);
    QByteArray bytes;
    const RelayError e = m_store.getSmall(path, bytes);
    QString error;
    const auto text =
        e.ok() ? protocol::TextObject::decode(bytes, QStringLiteral("snapshot"), error) : std::nullopt;
    if (!text || text->header.value(QStringLiteral("client")).toString() != peer.client ||
        quint64(text->header.value(QStringLiteral("seq")).toDouble()) != peer.snapshot) {
        pass.problem(QStringLiteral("cannot use the snapshot %1 of %2 (%3); waiting")
                         .arg(path, peer.name,
                              e.ok() ? (error.isEmpty() ? QStringLiteral("mismatch") : error) : e.message));
        return false;
    }
    integrateRecords(pass, text->records, path, peer.name);
    // The snapshot stands for the journals it covers (R17): acknowledged with the rest of the pass.
    const QJsonObject acks = text->header.value(QStringLiteral("acks")).toObject();
    for (auto it = acks.begin(); it != acks.end(); ++it) {
        auto p = pass.peers.find(it.key());
        if (p == pass.peers.end())
            continue;
        const quint64 covered = quint64(it.value().toDouble());
        if (covered > p->consumed && covered <= p->journal)
            p->consumed = covered;
    }
    qCInfo(lcEngine).noquote()
        << QStringLiteral("[%1] caught up from the snapshot of %2").arg(m_config.name, peer.name);
    return true;
}

void SyncEngine::writeSnapshot(Pass& pass)
{
    const quint64 journal = m_db.meta(Meta::Journal).toULongLong();
    const quint64 covered = m_db.meta(Meta::SnapshotJournal).toULongLong();
    if (journal == 0 || (!pass.snapshotWanted && journal < covered + quint64(m_snapshotInterval)))
        return;
    const quint64 seq = m_db.meta(Meta::Snapshot).toULongLong() + 1;
    QJsonObject acks{{m_clientId, double(journal)}};
    for (const StateDb::Peer& p : std::as_const(pass.peers))
        if (p.consumed > 0)
            acks.insert(p.client, double(p.consumed));
    protocol::TextObject text;
    text.header = QJsonObject{{QStringLiteral("format"), protocol::kFormatVersion},
                              {QStringLiteral("type"), QStringLiteral("snapshot")},
                              {QStringLiteral("client"), m_clientId},
                              {QStringLiteral("seq"), double(seq)},
                              {QStringLiteral("acks"), acks}};
    for (const StateDb::Version& v : m_db.publishedVersions())
        text.records.append(v.record.toJson());
    RelayError e = ensureFolder(layout::snapshotFolderOf(m_clientId));
    if (e.ok())
        e = m_store.putSmall(layout::snapshotPath(m_clientId, seq), text.encode(), WriteMode::Replace);
    if (!e.ok()) {
        pass.problem(QStringLiteral("cannot write a snapshot: %1").arg(e.message));
        return;
    }
    m_db.begin();
    m_db.setMeta(Meta::Snapshot, QString::number(seq));
    m_db.setMeta(Meta::SnapshotJournal, QString::number(journal));
    m_db.setMeta(Meta::SnapshotAcks,
                 QString::fromUtf8(QJsonDocument(acks).toJson(QJsonDocument::Compact)));
    m_db.commit();
    if (seq > 1)
        m_store.remove(layout::snapshotPath(m_clientId, seq - 1));
    qCInfo(lcEngine).noquote() << QStringLiteral("[%1] wrote snapshot %2 (%3 versions, journal %4)")
                                      .arg(m_config.name)
                                      .arg(seq)
                                      .arg(text.records.size())
                                      .arg(journal);
}

void SyncEngine::deleteOldJournal(Pass& pass)
{
    // A segment goes once this client's snapshot covers it and every active client read it (R18).
    quint64 limit = m_db.meta(Meta::SnapshotJournal).toULongLong();
    const quint64 floor = m_db.meta(Meta::JournalFloor).toULongLong();
    if (limit <= floor || pass.peers.isEmpty())
        return;
    const qint64 now = nowMs();
    bool anyActive = false;
    for (const StateDb::Peer& p : std::as_const(pass.peers)) {
        if (m_config.retentionMs != 0 && now - p.lastChangeMs > m_config.retentionMs)
            continue;
        anyActive = true;
        limit = std::min(limit, p.acks.value(m_clientId, 0));
    }
    if (!anyActive || limit <= floor)
        return;
    for (quint64 s = floor + 1; s <= limit; ++s) {
        const RelayError e = m_store.remove(layout::journalPath(m_clientId, s));
        if (!e.ok() && e.kind != RelayError::Kind::NotFound)
            return;
        m_db.setMeta(Meta::JournalFloor, QString::number(s));
    }
}

void SyncEngine::pruneArchive()
{
    // The local archive keeps replaced and deleted files for 'archive retention'; its folders
    // are named by the time they were made (UTC), so old ones go whole.
    const qint64 now = nowMs();
    if (now - m_lastArchivePrune < 3600 * 1000)
        return;
    m_lastArchivePrune = now;
    QDir archive(localPath(protocol::local::archiveFolder()));
    if (!archive.exists())
        return;
    for (const QString& name : archive.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QDateTime made = QDateTime::fromString(name.left(15), QStringLiteral("yyyyMMdd-HHmmss"));
        made.setTimeZone(QTimeZone::utc());
        if (!made.isValid())
            continue;
        if (m_config.archiveRetentionMs == 0 ||
            now - made.toMSecsSinceEpoch() > m_config.archiveRetentionMs) {
            if (QDir(archive.filePath(name)).removeRecursively())
                qCInfo(lcEngine).noquote()
                    << QStringLiteral("[%1] removed archived files of %2").arg(m_config.name, name);
        }
    }
}

bool SyncEngine::checkForgotten(Pass& pass, const QString& client)
{
    if (m_forgotten.contains(client))
        return true;
    // Through the codec: in an encrypted repository only a holder of the passphrase removes a
    // client. Read once per run.
    QByteArray bytes;
    QString error;
    const RelayError e = m_store.getSmall(layout::forgottenPath(client), bytes);
    const auto text =
        e.ok() ? protocol::TextObject::decode(bytes, QStringLiteral("forgotten"), error) : std::nullopt;
    if (!text || text->header.value(QStringLiteral("client")).toString() != client) {
        if (e.kind != RelayError::Kind::NotFound)
            pass.problem(QStringLiteral("%1 does not check (%2): ignored")
                             .arg(layout::forgottenPath(client), e.ok() ? error : e.message));
        return false;
    }
    m_forgotten.insert(client);
    return true;
}

void SyncEngine::followForward(Pass& pass)
{
    // Read and check the record: it must be this repository's, through its codec (R32).
    QByteArray bytes;
    const RelayError e = m_store.getSmall(layout::forwardPath(), bytes);
    QString error = e.message;
    const auto forward = e.ok() ? decodeForward(bytes, error) : std::nullopt;
    if (!forward || forward->repository != m_db.meta(Meta::Repository)) {
        const bool unreadable = !e.ok() && e.kind != RelayError::Kind::Corrupt;
        pass.fail(
            unreadable ? PassResult::Status::Failed : PassResult::Status::Refused,
            unreadable ? QStringLiteral("cannot read the forwarding record on %1: %2")
                             .arg(m_relay->describe(), error)
            : !forward
                ? QStringLiteral("%1 holds a forwarding record that does not check (%2): refused; nothing "
                                 "more is written there")
                      .arg(m_relay->describe(), error)
                : QStringLiteral("%1 holds a forwarding record for another repository: refused; nothing more "
                                 "is written there")
                      .arg(m_relay->describe()));
        return;
    }
    // From now on nothing more is written here, also after a restart and when this relay cannot
    // be read any more (its credentials replaced by the new relay's).
    m_db.setMeta(Meta::MovedTo, forward->address);
    if (switchRelay(pass, forward->address))
        pass.result.complete = false; // the next pass, at once, on the new relay
}

bool SyncEngine::switchRelay(Pass& pass, const QString& to)
{
    const QString configFile =
        m_config.configFile.isEmpty() ? QString() : QStringLiteral(" -c ") + m_config.configFile;
    const QString settingsHint =
        QStringLiteral(
            "Give this client the new relay's settings with 'escalectl%1 migrate %2 %3 --set \"KEY = "
            "VALUE\"...' (it also moves what this client left on the old relay), then restart Escale")
            .arg(configFile, m_config.name, to);
    auto moved = [&](const QString& why) {
        pass.fail(
            PassResult::Status::Refused,
            QStringLiteral("the repository moved from %1 to %2 (escalectl migrate) but %3; nothing more is "
                           "written on the old relay")
                .arg(m_relay->describe(), to, why));
        return false;
    };
    QString why, warning, error;
    const auto address = config::RelayAddress::parse(to, QString(), QString(), QString(), why, warning);
    if (!address)
        return moved(QStringLiteral("its address is not usable: %1").arg(why));
    // The settings of the new relay: this client's configuration file, when it names it already
    // (escalectl migrate on this machine wrote it there, with the keys the new relay needs, or the
    // user did), else this section's with the new address.
    config::RepositoryConfig next = m_config;
    next.relay = *address;
    if (!address->user.isEmpty())
        next.user = address->user; // the login the address names, not the old relay's
    if (!m_config.configFile.isEmpty()) {
        const config::LoadResult loaded = config::ConfigLoader::loadFile(m_config.configFile);
        const config::RepositoryConfig* there = loaded.config.repository(m_config.name);
        if (there && there->relay.toDisplayString() == address->toDisplayString())
            next = *there;
    }
    std::unique_ptr<relay::RelayBackend> relay = relay::createRelay(next, why);
    if (!relay)
        return moved(why + QStringLiteral(". ") + settingsHint);
    // The new relay must hold this same repository.
    protocol::ObjectStore there(relay.get());
    QByteArray bytes;
    const RelayError e = there.getHeader(bytes);
    const auto header = e.ok() ? protocol::RepositoryHeader::fromBytes(bytes, why) : std::nullopt;
    if (!e.ok())
        return moved(QStringLiteral("it cannot be read: %1. %2").arg(e.message, settingsHint));
    if (!header)
        return moved(QStringLiteral("its header is not usable: %1").arg(why));
    if (header->repository != m_db.meta(Meta::Repository))
        return moved(QStringLiteral("it holds another repository"));
    // This client's own objects that the migration could not see yet (written after its last
    // round) follow; its writer is the only one who knows them all (R1).
    if (!moveOwnObjects(pass, *relay))
        return false;
    qCInfo(lcEngine).noquote() << QStringLiteral(
                                      "[%1] the repository moved from %2 to %3: syncing with it now")
                                      .arg(m_config.name, m_relay->describe(), relay->describe());
    // The configuration names the new relay from now on (then the state need not remember it).
    if (!m_config.configFile.isEmpty()) {
        if (!config::editSectionInFile(m_config.configFile, m_config.name, config::relayAddressEdits(to),
                                       error))
            pass.problem(
                QStringLiteral("now syncing with %1, but could not write it into %2: %3; set 'relay address "
                               "= %1' there")
                    .arg(to, m_config.configFile, error));
        else
            m_db.removeMeta(Meta::MovedTo);
    }
    m_config.relay = *address;
    m_movedRelay = std::move(relay);
    m_relay = m_movedRelay.get();
    m_relay->setTemporaryPrefix(m_clientId);
    m_store.setBackend(m_relay);
    m_knownFolders.clear();
    m_repositoryChecked = false; // read the header there
    pass.result.movedTo = to;
    return true;
}

bool SyncEngine::moveOwnObjects(Pass& pass, relay::RelayBackend& destination)
{
    relay::RelayBackend& source = *m_relay;
    auto fail = [&](const RelayError& e) {
        pass.fail(PassResult::Status::Failed, QStringLiteral("cannot move this client's objects to %1: %2")
                                                  .arg(destination.describe(), e.message));
        return false;
    };
    // The old relay may be out of reach by now (its credentials replaced): then there is
    // nothing more to take from it.
    auto oldRelayGone = [&](const RelayError& e) {
        pass.problem(
            QStringLiteral("cannot look for this client's last objects on %1 (%2): those written there "
                           "after the migration's last round stay behind")
                .arg(source.describe(), e.message));
        return true;
    };
    QList<relay::RelayEntry> mine, there;
    for (const QString& folder :
         {layout::journalFolderOf(m_clientId), layout::snapshotFolderOf(m_clientId)}) {
        if (RelayError e = relay::listObjects(source, folder, mine);
            !e.ok() && e.kind != RelayError::Kind::NotFound)
            return oldRelayGone(e);
        if (RelayError e = relay::listObjects(destination, folder, there);
            !e.ok() && e.kind != RelayError::Kind::NotFound)
            return fail(e);
    }
    QList<relay::RelayEntry> heads;
    if (RelayError e = relay::listObjects(source, layout::headsFolder(), heads); !e.ok())
        return oldRelayGone(e);
    for (const relay::RelayEntry& h : std::as_const(heads))
        if (const auto name = layout::parseHeadName(h.name.section(QLatin1Char('/'), -1));
            name && name->client == m_clientId)
            mine << h;
    QSet<QString> present;
    for (const relay::RelayEntry& t : std::as_const(there))
        present.insert(t.name);
    QList<relay::RelayEntry> headsThere;
    if (RelayError e = relay::listObjects(destination, layout::headsFolder(), headsThere); !e.ok())
        return fail(e);
    for (const relay::RelayEntry& h : std::as_const(headsThere))
        present.insert(h.name);
    // Segments it deleted from the old relay after the migration copied them go here too (R18).
    const quint64 floor = m_db.meta(Meta::JournalFloor).toULongLong();
    for (quint64 seq = 1; seq <= floor; ++seq)
        if (const QString path = layout::journalPath(m_clientId, seq); present.contains(path))
            if (RelayError e = relay::run(destination.remove(path));
                !e.ok() && e.kind != RelayError::Kind::NotFound)
                return fail(e);
    QStringList missing;
    for (const relay::RelayEntry& m : std::as_const(mine))
        if (!present.contains(m.name))
            missing << m.name;
    // Content chunks it keeps on the relay, by the folder they are in.
    QHash<QString, QSet<QString>> dataThere;
    for (const StateDb::OwnObject& o : m_db.ownObjects()) {
        const QString folder = layout::dataFolderOf(o.id);
        if (!dataThere.contains(folder)) {
            std::unique_ptr<relay::RelayJob> job(destination.list(folder));
            const RelayError e = relay::waitFor(job.get());
            if (!e.ok() && e.kind != RelayError::Kind::NotFound)
                return fail(e);
            QSet<QString>& names = dataThere[folder];
            for (const relay::RelayEntry& entry : job->entries())
                names.insert(folder + QLatin1Char('/') + entry.name);
        }
        if (!dataThere.value(folder).contains(layout::dataPath(o.id)))
            missing << layout::dataPath(o.id);
    }
    QSet<QString> folders;
    for (const QString& path : std::as_const(missing)) {
        const QString parent = path.section(QLatin1Char('/'), 0, -2);
        if (destination.capabilities().needsDirectories && !folders.contains(parent)) {
            if (RelayError e = relay::run(destination.makeFolder(parent)); !e.ok())
                return fail(e);
            folders.insert(parent);
        }
        qint64 bytes = 0;
        const RelayError e = relay::copyObject(source, destination, path, bytes);
        if (!e.ok() && e.kind != RelayError::Kind::NotFound) // not on the old relay either: freed
            return fail(e);
    }
    if (!missing.isEmpty())
        qCInfo(lcEngine).noquote() << QStringLiteral("[%1] moved %2 of this client's objects to %3")
                                          .arg(m_config.name)
                                          .arg(missing.size())
                                          .arg(destination.describe());
    return true;
}

void SyncEngine::summarize(Pass& pass)
{
    PassResult& r = pass.result;
    r.conflictsWaiting = 0;
    for (const QString& p : m_db.localPathsContaining(QStringLiteral(" (conflict from ")))
        if (parseConflictCopy(p))
            ++r.conflictsWaiting;
    r.pendingUp = m_db.pendingCount();
    r.pendingDown = m_db.wants().size();
    for (const StateDb::SetAside& s : m_db.setAside())
        r.waiting << s.cause;
    QSet<QString> wanted;
    const QMultiHash<QByteArray, QString> wants = m_db.wants();
    for (auto it = wants.cbegin(); it != wants.cend(); ++it)
        wanted.insert(it.value());
    QStringList wantedPaths(wanted.cbegin(), wanted.cend());
    wantedPaths.sort();
    for (const QString& p : std::as_const(wantedPaths))
        r.waiting << QStringLiteral("%1: its content is asked for again (gone or damaged on the relay)").arg(p);
    r.relayUsage = m_db.ownUsage();
    const quint64 journal = m_db.meta(Meta::Journal).toULongLong();
    for (const StateDb::Peer& p : std::as_const(pass.peers)) {
        const quint64 unapplied = p.journal > p.consumed ? p.journal - p.consumed : 0;
        r.pendingDown += qint64(unapplied);
        r.relayUsage += p.usage;
        const quint64 acked = p.acks.value(m_clientId, 0);
        r.peers.append(PeerState{p.client, p.name,
                                 p.lastChangeMs > 0 ? QDateTime::fromMSecsSinceEpoch(p.lastChangeMs, Qt::UTC)
                                                    : QDateTime(),
                                 journal > acked ? journal - acked : 0, unapplied, p.usage});
    }
}

void SyncEngine::reportProgress(bool now)
{
    const qint64 t = nowMs();
    if (!now && t - m_progressReportedMs < 250)
        return;
    m_progressReportedMs = t;
    Q_EMIT progress(m_progress);
}

void SyncEngine::reportEvent(FileEvent::Kind kind, const QString& path, const QString& by, qint64 size)
{
    m_progress.current.clear();
    m_progress.currentDone = m_progress.currentSize = 0;
    Q_EMIT fileEvent(FileEvent{kind, path, by, size, QDateTime::currentDateTimeUtc()});
    reportProgress();
}

void SyncEngine::freeSpace(Pass& pass)
{
    const QList<StateDb::OwnObject> objects = m_db.ownObjects();
    if (objects.isEmpty())
        return;
    const qint64 now = nowMs();
    // Acknowledgements that count (R22): active clients, judged on this machine's clock.
    QList<quint64> activeAcks;
    QList<quint64> allAcks;
    for (const StateDb::Peer& p : std::as_const(pass.peers)) {
        const quint64 ack = p.acks.value(m_clientId, 0);
        allAcks.append(ack);
        if (m_config.retentionMs == 0 || now - p.lastChangeMs <= m_config.retentionMs)
            activeAcks.append(ack);
    }
    // Until another client has taken a copy, the relay keeps it for newcomers.
    if (activeAcks.isEmpty())
        return;
    for (const StateDb::OwnObject& o : objects) {
        if (o.segment == 0)
            continue;
        const bool allActive =
            std::all_of(activeAcks.cbegin(), activeAcks.cend(), [&](quint64 a) { return a >= o.segment; });
        const auto enough =
            std::count_if(allAcks.cbegin(), allAcks.cend(), [&](quint64 a) { return a >= o.segment; });
        if (!allActive || enough < std::max(1, m_config.pullers))
            continue;
        if (dropOwnObject(o.id))
            ++pass.result.freed;
    }
}

void SyncEngine::noteUnknown(const QString& path)
{
    // Not part of the format (a file a user or another tool put there): ignored, said once per
    // run at debug level (relay-format.md section 2).
    if (!m_unknownNoted.contains(path) && m_unknownNoted.size() < 1000) {
        m_unknownNoted.insert(path);
        qCDebug(lcEngine).noquote() << QStringLiteral("[%1] ignored on the relay: %2 (not part of the repository's "
                                                      "format)")
                                           .arg(m_config.name, path);
    }
}

void SyncEngine::sweepOwnObjects(Pass& pass)
{
    constexpr qint64 kSweepEveryMs = 24LL * 3600 * 1000;
    const qint64 now = nowMs();
    const QString last = m_db.meta(Meta::Swept);
    const bool due = m_sweepRequested || !m_db.meta(Meta::SweepDue).isEmpty();
    if (last.isEmpty() && !due) {
        m_db.setMeta(Meta::Swept, QString::number(now)); // a day from now
        return;
    }
    if (!due && now - last.toLongLong() < kSweepEveryMs && now >= last.toLongLong())
        return;
    // Everything this client must keep: what its state records as its own (published, or being
    // sent), and whatever a version it knows names.
    QSet<QString> kept = m_db.referencedObjects();
    for (const StateDb::OwnObject& o : m_db.ownObjects())
        kept.insert(o.id);
    QList<relay::RelayEntry> prefixes;
    RelayError e = m_store.list(layout::dataFolder(), prefixes);
    if (!e.ok() && e.kind != RelayError::Kind::NotFound)
        return; // looked through at a later pass
    int swept = 0;
    for (const relay::RelayEntry& prefix : std::as_const(prefixes)) {
        if (!prefix.isDirectory)
            continue;
        QList<relay::RelayEntry> entries;
        e = m_store.list(layout::dataFolder() + QLatin1Char('/') + prefix.name, entries);
        if (!e.ok() && e.kind != RelayError::Kind::NotFound)
            return;
        for (const relay::RelayEntry& entry : std::as_const(entries)) {
            if (entry.isDirectory || !protocol::isObjectId(entry.name))
                noteUnknown(layout::dataFolder() + QLatin1Char('/') + prefix.name + QLatin1Char('/') + entry.name);
            // Only objects this client wrote (their name ends with its tag): another client's
            // upload in progress is named by nothing yet either.
            if (entry.isDirectory || !protocol::isObjectOf(entry.name, m_clientId) || kept.contains(entry.name))
                continue;
            e = m_store.remove(layout::dataPath(entry.name));
            if (!e.ok() && e.kind != RelayError::Kind::NotFound)
                return;
            ++swept;
        }
    }
    m_sweepRequested = false;
    m_db.removeMeta(Meta::SweepDue);
    m_db.setMeta(Meta::Swept, QString::number(now));
    pass.result.swept = swept;
    if (swept > 0)
        qCInfo(lcEngine).noquote()
            << QStringLiteral("[%1] deleted %2 contents this client had sent to the relay and nothing names (an "
                              "upload whose record was lost, e.g. with a state put back from a backup)")
                   .arg(m_config.name)
                   .arg(swept);
}

} // namespace escale::sync
