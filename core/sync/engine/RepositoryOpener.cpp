#include "sync/engine/RepositoryOpener.h"

#include <QFileInfo>

#include "Tr.h"
#include "config/Keychain.h"
#include "config/Secrets.h"
#include "crypto/RepositoryKeys.h"
#include "log/Logging.h"
#include "protocol/Layout.h"
#include "protocol/LegacyNames.h"
#include "sync/engine/EngineContext.h"
#include "sync/engine/OwnJournal.h"
#include "sync/engine/Pass.h"

#include <QDateTime>
#include <QSet>
#include <chrono>
#include <future>

namespace escale::sync::engine {

using relay::RelayError;
using state::Meta;
using state::StateDb;
namespace layout = protocol::layout;

// Key derivation (scrypt or Argon2id, about half a second) runs on its own thread while the
// pass scans the local folder; completeRepository() waits for it.
struct RepositoryOpener::KeyWork
{
    struct Outcome
    {
        std::optional<crypto::RepositoryKeys> keys;
        QString error;
        bool wrongPassphrase = false;
        protocol::RepositoryHeader header; // when creating: the header the new key is sealed into
    };

    bool creating = false;
    QByteArray headerBytes; // when opening: the header the key is opened from
    std::future<Outcome> result;
};

RepositoryOpener::RepositoryOpener(EngineContext& context, OwnJournal& journal)
    : m_ctx(context)
    , m_journal(journal)
{}

RepositoryOpener::~RepositoryOpener() = default;

bool RepositoryOpener::ensureRepository(Pass& pass)
{
    return openRepository(pass) && completeRepository(pass);
}

bool RepositoryOpener::openRepository(Pass& pass)
{
    // The header is checked once per run: an idle poll is then one listing (R11).
    if (m_ctx.repositoryChecked || m_keyWork || m_pendingCodec)
        return true;
    HeaderOnRelay read = readHeaderOnRelay(m_ctx.store);
    const bool missing = read.outcome == HeaderOnRelay::Outcome::Missing;
    if (missing && !m_ctx.db.meta(Meta::Repository).isEmpty()) {
        // A client that has synced with a repository never creates one: the relay location is
        // missing (a drive unplugged, a share not mounted, a folder moved away) or was emptied.
        // Nothing is written there; the next passes look again.
        QList<relay::RelayEntry> root;
        const bool gone = m_ctx.store.list(QString(), root).kind == RelayError::Kind::NotFound;
        pass.fail(PassResult::Status::Failed,
                  gone ? trc("sync", "the relay folder %1 is not there: is the drive plugged in, the share "
                                     "mounted? Nothing was written; Escale looks again")
                             .arg(m_ctx.backend->describe())
                       : trc("sync", "%1 holds no repository any more (moved, emptied or replaced?): nothing "
                                     "was written there. If the repository moved, set 'relay address' to its "
                                     "new place")
                             .arg(m_ctx.backend->describe()));
        pass.result.cause = RelayError::Kind::NotFound;
        return false;
    }
    if (missing) {
        protocol::RepositoryHeader header;
        header.repository = protocol::newRepositoryId();
        header.created = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
        header.encryption = QStringLiteral("off");
        if (m_ctx.settings.encryption != config::Encryption::Off) {
            // A new encrypted repository: a fresh master key sealed under the passphrase.
            QString why;
            config::KeychainWatch keychain;
            const auto passphrase =
                config::readSecret(m_ctx.settings.passphrase, "ESCALE_PASSPHRASE", QStringLiteral("passphrase"),
                                   why, m_ctx.settings.name + QStringLiteral("/passphrase"));
            if (!passphrase) {
                pass.result.keychainUnavailable = keychain.failed();
                pass.fail(PassResult::Status::Auth,
                          trc("sync", "cannot create the encrypted repository: %1").arg(why));
                return false;
            }
            const crypto::Suite suite = m_ctx.settings.encryption == config::Encryption::ChaCha20Poly1305
                                            ? crypto::Suite::ChaCha20Poly1305
                                            : crypto::Suite::Aes256Gcm;
            crypto::RepositoryKeys::Cost cost;
            cost.scryptLogN = m_ctx.settings.kdfLogN;
            cost.preferArgon2id = m_ctx.settings.kdfLogN >= 17;
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
        read = publishHeader(header);
    }
    return examineHeader(pass, read);
}

HeaderOnRelay RepositoryOpener::publishHeader(const protocol::RepositoryHeader& header)
{
    RelayError e = m_ctx.ensureFolder(QString());
    if (e.ok())
        e = m_ctx.store.putHeader(header.toBytes());
    if (!e.ok() && e.kind != RelayError::Kind::AlreadyExists) {
        HeaderOnRelay failed;
        failed.relayError = e;
        return failed;
    }
    HeaderOnRelay read = readHeaderOnRelay(m_ctx.store); // whoever won the race, read what is there
    if (read.found())
        qCInfo(lcEngine).noquote()
            << QStringLiteral("[%1] repository ready on %2").arg(m_ctx.settings.name, m_ctx.backend->describe());
    return read;
}

bool RepositoryOpener::upgradeFormat(Pass& pass)
{
    // A format-1 repository, this folder's own (checked above): its header says format 2 before
    // anything of format 2 is written (R43), everything else in it unchanged. Clients of format 1
    // refuse it from then on and ask for an update; their objects stay readable for good.
    protocol::RepositoryHeader upgraded = *m_toUpgrade;
    const int from = upgraded.format;
    upgraded.format = protocol::kFormatVersion;
    const QByteArray bytes = upgraded.toBytes();
    const RelayError e = m_ctx.store.replaceHeader(bytes);
    if (!e.ok()) {
        pass.fail(PassResult::Status::Failed,
                  trc("sync", "cannot upgrade the repository on %1 to format %2: %3")
                      .arg(m_ctx.backend->describe())
                      .arg(protocol::kFormatVersion)
                      .arg(e.message));
        pass.result.cause = e.kind;
        return false;
    }
    if (m_keys)
        m_keysFor = bytes; // the same key: the format is not bound to it
    m_toUpgrade.reset();
    qCInfo(lcEngine).noquote() << QStringLiteral("[%1] upgraded the repository on %2 from format %3 to format %4 "
                                                 "(Escale older than this release no longer opens it)")
                                      .arg(m_ctx.settings.name, m_ctx.backend->describe())
                                      .arg(from)
                                      .arg(protocol::kFormatVersion);
    return true;
}

void RepositoryOpener::failOnHeader(Pass& pass, const RelayError& e)
{
    pass.fail(e.kind == RelayError::Kind::Auth         ? PassResult::Status::Auth
              : e.kind == RelayError::Kind::Permission ? PassResult::Status::Refused
                                                       : PassResult::Status::Failed,
              trc("sync", "cannot read the relay %1: %2").arg(m_ctx.backend->describe(), e.message));
    pass.result.cause = e.kind;
}

bool RepositoryOpener::examineHeader(Pass& pass, const HeaderOnRelay& read)
{
    switch (read.outcome) {
    case HeaderOnRelay::Outcome::Found:
        break;
    case HeaderOnRelay::Outcome::Missing:
    case HeaderOnRelay::Outcome::RelayFailed:
        failOnHeader(pass, read.relayError);
        return false;
    case HeaderOnRelay::Outcome::Damaged:
        pass.fail(PassResult::Status::Refused,
                  trc("sync", "%1 on the relay: %2").arg(layout::headerPath(), read.problem));
        return false;
    case HeaderOnRelay::Outcome::OtherFormat:
        pass.fail(
            PassResult::Status::Refused,
            trc("sync", "the relay holds a repository in format %1; this Escale speaks format %2: update "
                        "Escale on this machine")
                .arg(read.header.format)
                .arg(protocol::kFormatVersion));
        return false;
    }
    QString error;
    const protocol::RepositoryHeader* header = &read.header;
    const QByteArray& bytes = read.bytes;
    const QString wanted = config::encryptionName(m_ctx.settings.encryption);
    if ((header->encryption == QLatin1String("off")) != (m_ctx.settings.encryption == config::Encryption::Off)) {
        pass.fail(
            PassResult::Status::Refused,
            header->encryption == QLatin1String("off")
                ? trc("sync", "the repository on the relay is not encrypted but 'encryption = %1' is set: "
                              "a repository cannot change to encrypted; use a new relay folder")
                      .arg(wanted)
                : trc("sync", "the repository on the relay is encrypted (%1): set 'encryption = on' and "
                              "the passphrase")
                      .arg(header->encryption));
        return false;
    }
    m_pendingRepository = header->repository;
    m_toUpgrade.reset();
    if (header->format < protocol::kFormatVersion)
        m_toUpgrade = *header;
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
    config::KeychainWatch keychain;
    const auto passphrase =
        config::readSecret(m_ctx.settings.passphrase, "ESCALE_PASSPHRASE", QStringLiteral("passphrase"), error,
                           m_ctx.settings.name + QStringLiteral("/passphrase"));
    if (!passphrase) {
        pass.result.keychainUnavailable = keychain.failed();
        pass.fail(PassResult::Status::Auth, error);
        return false;
    }
    if (header->encryption != wanted)
        qCInfo(lcEngine).noquote() << QStringLiteral("[%1] the repository is encrypted with %2 (chosen "
                                                     "when it was created), not %3")
                                          .arg(m_ctx.settings.name, header->encryption, wanted);
    m_keyWork = std::make_unique<KeyWork>();
    m_keyWork->headerBytes = bytes;
    m_keyWork->result = std::async(std::launch::async, [header = *header, secret = *passphrase] {
        KeyWork::Outcome o;
        crypto::RepositoryKeys::UnlockError failure;
        o.keys = crypto::RepositoryKeys::unlock(header, secret, failure);
        o.error = failure.message;
        o.wrongPassphrase = failure.kind == crypto::RepositoryKeys::UnlockError::Kind::WrongPassphrase;
        return o;
    });
    return true;
}

bool RepositoryOpener::prepareFolders(Pass& pass)
{
    // Known to exist (remembered), nothing is asked; after a failed pass, made again.
    for (const QString& folder :
         {layout::headsFolder(), layout::journalFolderOf(m_ctx.clientId), layout::dataFolder()}) {
        const RelayError e = m_ctx.ensureFolder(folder);
        if (!e.ok()) {
            pass.fail(PassResult::Status::Failed, trc("sync", "cannot prepare the relay: %1").arg(e.message));
            return false;
        }
    }
    return true;
}

void RepositoryOpener::lookAtRelayFolder(Pass& pass)
{
    const qint64 now = std::chrono::duration_cast<std::chrono::milliseconds>(
                           std::chrono::steady_clock::now().time_since_epoch())
                           .count();
    if (m_ctx.relayFolderLookedAtMs >= 0 &&
        (m_ctx.relayNotice.isEmpty() || now - m_ctx.relayFolderLookedAtMs < 3600LL * 1000)) {
        pass.result.relayNotice = m_ctx.relayNotice;
        return;
    }
    m_ctx.relayFolderLookedAtMs = now;
    QList<relay::RelayEntry> root;
    if (!m_ctx.store.list(QString(), root).ok())
        return; // not worth failing a pass: looked at again next run
    QStringList legacy, others;
    QSet<QString> described; // files waiting beside their placeholder (0.7's classic relay)
    for (const relay::RelayEntry& e : std::as_const(root))
        if (!e.isDirectory && protocol::legacyKind(e.name) == protocol::LegacyKind::Placeholder)
            described.insert(protocol::placeholderTarget(e.name));
    for (const relay::RelayEntry& e : std::as_const(root)) {
        if (protocol::isRepositoryRootName(e.name))
            continue;
        const QString shown = e.isDirectory ? e.name + QLatin1Char('/') : e.name;
        const bool old = !e.isDirectory && (protocol::legacyKind(e.name) != protocol::LegacyKind::None ||
                                            described.contains(e.name));
        (old ? legacy : others) << shown;
    }
    auto some = [](QStringList names) {
        names.sort();
        return names.size() <= 4 ? names.join(QLatin1String(", "))
                                 : trc("sync", "%1 and %2 more").arg(names.mid(0, 3).join(QLatin1String(", ")))
                                       .arg(names.size() - 3);
    };
    QString notice;
    if (!legacy.isEmpty() && others.isEmpty())
        notice = trc("sync", "the relay folder %1 also holds Escale 0.7 files (%2): Escale leaves them alone, and "
                             "they take space there. Let the Escale 0.7 clients finish (every file received), stop "
                             "them, then remove these files with 'escalectl remove-legacy %3' (it lists them and "
                             "asks first), or choose another relay folder; see docs/upgrading.md")
                     .arg(m_ctx.backend->describe(), some(legacy), m_ctx.settings.name);
    else if (!legacy.isEmpty())
        notice = trc("sync", "the relay folder %1 also holds Escale 0.7 files (%2; also %3): Escale leaves them "
                             "alone, and they take space there. Let the Escale 0.7 clients finish (every file "
                             "received), stop them, then remove these files with 'escalectl remove-legacy %4' (it "
                             "lists them and asks first), or choose another relay folder; see docs/upgrading.md")
                     .arg(m_ctx.backend->describe(), some(legacy), some(others), m_ctx.settings.name);
    else if (!others.isEmpty())
        notice = trc("sync", "the relay folder %1 also holds what is not Escale's repository (%2): Escale leaves "
                             "it alone. If Escale 0.7 used this folder, 'escalectl verify %3' tells which files "
                             "are its, and 'escalectl remove-legacy %3' removes them")
                     .arg(m_ctx.backend->describe(), some(others), m_ctx.settings.name);
    if (!notice.isEmpty() && notice != m_ctx.relayNotice)
        qCWarning(lcEngine).noquote() << QStringLiteral("[%1] %2").arg(m_ctx.settings.name, notice);
    m_ctx.relayNotice = notice;
    pass.result.relayNotice = notice;
}

bool RepositoryOpener::completeRepository(Pass& pass)
{
    if (m_ctx.repositoryChecked)
        return prepareFolders(pass);
    if (m_keyWork && !m_keyWork->creating && !pass.headsListing &&
        m_keyWork->result.wait_for(std::chrono::seconds(0)) != std::future_status::ready) {
        // While the key is derived: the pull's listing of heads/ (names only, nothing written, so
        // a wrong passphrase still changes nothing).
        QList<relay::RelayEntry> entries;
        if (const RelayError e = m_ctx.store.list(layout::headsFolder(), entries);
            e.ok() || e.kind == RelayError::Kind::NotFound)
            pass.headsListing = entries;
    }
    while (m_keyWork) {
        const std::unique_ptr<KeyWork> work = std::move(m_keyWork);
        KeyWork::Outcome o = work->result.get();
        if (work->creating) {
            if (!o.keys) {
                pass.fail(PassResult::Status::Refused,
                          trc("sync", "cannot create the encrypted repository: %1").arg(o.error));
                return false;
            }
            m_keys = std::make_unique<crypto::RepositoryKeys>(*o.keys);
            m_keysFor = o.header.toBytes();
            // Another client may have created it first: its header is examined (and its key
            // opened) instead.
            if (!examineHeader(pass, publishHeader(o.header)))
                return false;
            continue;
        }
        if (!o.keys) {
            const bool wrong = o.wrongPassphrase;
            pass.fail(wrong ? PassResult::Status::Auth : PassResult::Status::Refused,
                      wrong ? trc("sync", "wrong passphrase for the encrypted repository on %1: check "
                                          "'passphrase'; nothing was changed")
                                  .arg(m_ctx.backend->describe())
                            : trc("sync", "cannot open the encrypted repository on %1: %2")
                                  .arg(m_ctx.backend->describe(), o.error));
            return false;
        }
        m_keys = std::make_unique<crypto::RepositoryKeys>(*o.keys);
        m_keysFor = work->headerBytes;
        m_pendingCodec = m_keys->codec();
    }
    if (!m_pendingCodec) { // openRepository() did not succeed: its failure was reported there
        pass.fail(PassResult::Status::Failed,
                  trc("sync", "the repository header of %1 was not read").arg(m_ctx.backend->describe()));
        return false;
    }
    m_ctx.store.setCodec(std::move(m_pendingCodec));
    m_pendingCodec.reset();
    const QString known = m_ctx.db.meta(Meta::Repository);
    if (known.isEmpty()) {
        m_ctx.db.setMeta(Meta::Repository, m_pendingRepository);
    } else if (known != m_pendingRepository) {
        pass.fail(
            PassResult::Status::Refused,
            trc("sync", "the relay %1 holds another repository than the one this folder was synchronised "
                        "with (the repository there was created again, or 'relay address' names another "
                        "one); nothing was changed. If it is the right relay, remove this repository in the "
                        "settings and add it again (its files stay), or delete the state folder %2")
                .arg(m_ctx.backend->describe(), QFileInfo(m_ctx.statePath).absolutePath()));
        return false;
    }
    if (m_toUpgrade && !upgradeFormat(pass))
        return false;
    if (!prepareFolders(pass))
        return false;
    if (!m_cleanedTemporary) {
        // Leftovers of an upload interrupted by a crash (relay-format.md section 2), when the last
        // run may have left some (its writes did not all end in a pass that went well).
        if (m_ctx.leftoversPossible)
            m_ctx.removeOwnTemporary();
        // Chunks written by a run that stopped before publishing the segment naming them
        // (unless that segment made it to the relay after all). Those written whole (their blobs
        // recorded) are spares the next publication may name (R2): the push decides.
        QList<StateDb::OwnObject> unpublished;
        for (const StateDb::OwnObject& o : m_ctx.db.ownObjects())
            if (o.segment == 0)
                unpublished.append(o);
        QByteArray next;
        if (!unpublished.isEmpty()) {
            const RelayError e = m_ctx.store.getSmall(
                layout::journalPath(m_ctx.clientId, m_ctx.db.meta(Meta::Journal).toULongLong() + 1), next);
            if (e.kind == RelayError::Kind::NotFound) {
                for (const StateDb::OwnObject& o : std::as_const(unpublished))
                    if (!m_ctx.db.hasOwnBlobs(o.id))
                        m_ctx.dropOwnObject(o.id);
            } else if (e.ok() && !m_journal.recoverOwnJournal(pass)) {
                return false; // it did make it: adopted (its chunks are published)
            }
        }
        m_cleanedTemporary = true;
    }
    m_ctx.repositoryChecked = true;
    return true;
}

} // namespace escale::sync::engine
