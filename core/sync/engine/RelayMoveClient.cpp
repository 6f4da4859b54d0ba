#include "sync/engine/RelayMoveClient.h"

#include "Tr.h"
#include "log/Logging.h"
#include "protocol/Layout.h"
#include "relay/RelayCopy.h"
#include "relay/RelayFactory.h"
#include "relay/RelayJob.h"
#include "protocol/JournalObjects.h"
#include "sync/engine/EngineContext.h"
#include "sync/engine/Pass.h"

#include <QThread>

namespace escale::sync::engine {

using relay::RelayError;
using state::Meta;
using state::StateDb;
namespace layout = protocol::layout;

namespace {
constexpr int kForwardReadAttempts = 4;
constexpr unsigned long kForwardRereadMs = 500;
} // namespace

RelayMoveClient::RelayMoveClient(EngineContext& context)
    : m_ctx(context)
{}

void RelayMoveClient::followForward(Pass& pass)
{
    // Read and check the record: it must be this repository's, through its codec (R32). A record
    // that does not check is read again a few times before it is refused: some servers (s3rver, a
    // folder relay on a network share) let a read see an object still being written, cut short.
    QByteArray bytes;
    RelayError e;
    QString error;
    std::optional<protocol::Forward> forward;
    for (int attempt = 0;; ++attempt) {
        bytes.clear();
        e = m_ctx.store.getSmall(layout::forwardPath(), bytes);
        error = e.message;
        forward = e.ok() ? protocol::decodeForward(bytes, error) : std::nullopt;
        const bool unchecked = !forward && (e.ok() || e.kind == RelayError::Kind::Corrupt);
        if (!unchecked || attempt == kForwardReadAttempts - 1)
            break;
        QThread::msleep(kForwardRereadMs);
    }
    if (!forward || forward->repository != m_ctx.db.meta(Meta::Repository)) {
        const bool unreadable = !e.ok() && e.kind != RelayError::Kind::Corrupt;
        pass.fail(
            unreadable ? PassResult::Status::Failed : PassResult::Status::Refused,
            unreadable ? trc("sync", "cannot read the forwarding record on %1: %2")
                             .arg(m_ctx.backend->describe(), error)
            : !forward
                ? trc("sync", "%1 holds a forwarding record that does not check (%2): refused; nothing "
                              "more is written there")
                      .arg(m_ctx.backend->describe(), error)
                : trc("sync", "%1 holds a forwarding record for another repository: refused; nothing more "
                              "is written there")
                      .arg(m_ctx.backend->describe()));
        return;
    }
    // From now on nothing more is written here, also after a restart and when this relay cannot
    // be read any more (its credentials replaced by the new relay's).
    m_ctx.db.setMeta(Meta::MovedTo, forward->address);
    if (switchRelay(pass, forward->address))
        pass.result.complete = false; // the next pass, at once, on the new relay
}

bool RelayMoveClient::switchRelay(Pass& pass, const QString& to)
{
    const QString configFile =
        m_ctx.settings.configFile.isEmpty() ? QString() : QStringLiteral(" -c ") + m_ctx.settings.configFile;
    const QString settingsHint =
        trc("sync", "Give this client the new relay's settings with 'escalectl%1 migrate %2 %3 --set \"KEY = "
                    "VALUE\"...' (it also moves what this client left on the old relay), then restart Escale")
            .arg(configFile, m_ctx.settings.name, to);
    const QString oldRelay = m_ctx.backend->describe();
    auto moved = [&](const QString& message) {
        pass.fail(PassResult::Status::Refused, message);
        return false;
    };
    QString why, warning, error;
    const auto address = config::RelayAddress::parse(to, QString(), QString(), QString(), why, warning);
    if (!address)
        return moved(trc("sync", "the repository moved from %1 to %2 (escalectl migrate) but its address is not "
                                 "usable: %3; nothing more is written on the old relay")
                         .arg(oldRelay, to, why));
    // The settings of the new relay: this client's configuration file, when it names it already
    // (escalectl migrate on this machine wrote it there, with the keys the new relay needs, or the
    // user did), else this section's with the new address.
    config::RepositoryConfig next = m_ctx.settings;
    next.relay = *address;
    if (!address->user.isEmpty())
        next.user = address->user; // the login the address names, not the old relay's
    if (m_hooks.settingsFor)
        if (const auto there = m_hooks.settingsFor(*address))
            next = *there;
    std::unique_ptr<relay::RelayBackend> relay = relay::createRelay(next, why);
    if (!relay)
        return moved(trc("sync", "the repository moved from %1 to %2 (escalectl migrate) but %3. %4; nothing "
                                 "more is written on the old relay")
                         .arg(oldRelay, to, why, settingsHint));
    // The new relay must hold this same repository.
    protocol::ObjectStore there(relay.get());
    QByteArray bytes;
    const RelayError e = there.getHeader(bytes);
    const auto header = e.ok() ? protocol::RepositoryHeader::fromBytes(bytes, why) : std::nullopt;
    if (!e.ok())
        return moved(trc("sync", "the repository moved from %1 to %2 (escalectl migrate) but it cannot be read: "
                                 "%3. %4; nothing more is written on the old relay")
                         .arg(oldRelay, to, e.message, settingsHint));
    if (!header)
        return moved(trc("sync", "the repository moved from %1 to %2 (escalectl migrate) but its header is not "
                                 "usable: %3; nothing more is written on the old relay")
                         .arg(oldRelay, to, why));
    if (header->repository != m_ctx.db.meta(Meta::Repository))
        return moved(trc("sync", "the repository moved from %1 to %2 (escalectl migrate) but it holds another "
                                 "repository; nothing more is written on the old relay")
                         .arg(oldRelay, to));
    // This client's own objects that the migration could not see yet (written after its last
    // round) follow; its writer is the only one who knows them all (R1).
    if (!moveOwnObjects(pass, *relay))
        return false;
    qCInfo(lcEngine).noquote() << QStringLiteral(
                                      "[%1] the repository moved from %2 to %3: syncing with it now")
                                      .arg(m_ctx.settings.name, m_ctx.backend->describe(), relay->describe());
    // The configuration names the new relay from now on (then the state need not remember it).
    if (m_hooks.remember) {
        if (!m_hooks.remember(to, error))
            pass.problem(
                trc("sync", "now syncing with %1, but could not write it into %2: %3; set 'relay address "
                            "= %1' there")
                    .arg(to, m_ctx.settings.configFile, error));
        else
            m_ctx.db.removeMeta(Meta::MovedTo);
    }
    m_ctx.settings.relay = *address;
    m_ctx.movedRelay = std::move(relay);
    m_ctx.backend = m_ctx.movedRelay.get();
    m_ctx.backend->setTemporaryPrefix(m_ctx.clientId);
    m_ctx.store.setBackend(m_ctx.backend);
    m_ctx.knownFolders.clear();
    m_ctx.repositoryChecked = false; // read the header there
    pass.result.movedTo = to;
    return true;
}

bool RelayMoveClient::moveOwnObjects(Pass& pass, relay::RelayBackend& destination)
{
    relay::RelayBackend& source = *m_ctx.backend;
    auto fail = [&](const RelayError& e) {
        pass.fail(PassResult::Status::Failed, trc("sync", "cannot move this client's objects to %1: %2")
                                                  .arg(destination.describe(), e.message));
        return false;
    };
    // The old relay may be out of reach by now (its credentials replaced): then there is
    // nothing more to take from it.
    auto oldRelayGone = [&](const RelayError& e) {
        pass.problem(
            trc("sync", "cannot look for this client's last objects on %1 (%2): those written there "
                        "after the migration's last round stay behind")
                .arg(source.describe(), e.message));
        return true;
    };
    QList<relay::RelayEntry> mine, there;
    for (const QString& folder :
         {layout::journalFolderOf(m_ctx.clientId), layout::snapshotFolderOf(m_ctx.clientId)}) {
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
            name && name->client == m_ctx.clientId)
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
    const quint64 floor = m_ctx.db.meta(Meta::JournalFloor).toULongLong();
    for (quint64 seq = 1; seq <= floor; ++seq)
        if (const QString path = layout::journalPath(m_ctx.clientId, seq); present.contains(path))
            if (RelayError e = relay::run(destination.remove(path));
                !e.ok() && e.kind != RelayError::Kind::NotFound)
                return fail(e);
    QStringList missing;
    for (const relay::RelayEntry& m : std::as_const(mine))
        if (!present.contains(m.name))
            missing << m.name;
    // Content chunks it keeps on the relay, by the folder they are in.
    QHash<QString, QSet<QString>> dataThere;
    for (const StateDb::OwnObject& o : m_ctx.db.ownObjects()) {
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
                                          .arg(m_ctx.settings.name)
                                          .arg(missing.size())
                                          .arg(destination.describe());
    return true;
}

} // namespace escale::sync::engine
