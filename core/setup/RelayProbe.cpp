#include "setup/RelayProbe.h"

#include "Tr.h"
#include "protocol/Layout.h"
#include "relay/RelayFactory.h"
#include "maintenance/RepositoryReader.h"

#include <QCoreApplication>
#include <QPointer>
#include <QThread>

namespace escale::setup {

namespace {

using relay::RelayError;
using Outcome = ProbeResult::Outcome;

// How many clients have heads on the relay, from the names alone (readable without the
// passphrase).
int countClients(sync::RepositoryReader& reader)
{
    QSet<QString> ids;
    for (const QString& name : reader.listNames(protocol::layout::headsFolder(), false))
        if (const auto head = protocol::layout::parseHeadName(name))
            ids.insert(head->client);
    return int(ids.size());
}

void readClients(sync::RepositoryReader& reader, ProbeResult& result)
{
    QStringList problems;
    for (const sync::RepositoryReader::ClientHead& c : reader.clients(problems))
        result.clients << ProbeResult::Client{c.head.name, c.seen};
    result.clientsKnown = true;
    result.clientCount = std::max(int(result.clients.size()), countClients(reader));
}

} // namespace

ProbeResult probeRelay(const config::RepositoryConfig& given, const std::optional<QByteArray>& passphrase)
{
    ProbeResult result;
    // A question asked once, answered within a reasonable time: no retries with back-off.
    config::RepositoryConfig config = given;
    config.retries = 0;
    config.timeoutMs = std::min<qint64>(config.timeoutMs, 20'000);
    // The wizard holds every secret in memory: none typed is none, never a keychain lookup (which
    // would also run on this thread, where the keychain's events cannot reach it).
    if (config.password.kind == config::SecretSource::Kind::None)
        config.password = {config::SecretSource::Kind::Literal, QString()};
    QString error;
    std::unique_ptr<relay::RelayBackend> backend = relay::createRelay(config, error);
    if (!backend) {
        result.error = error;
        result.cause = RelayError::Kind::Invalid;
        return result;
    }
    // The header first, to tell a refused login or an untrusted server from the rest.
    QByteArray bytes;
    sync::RepositoryReader reader(backend.get());
    const RelayError e = reader.store().getHeader(bytes);
    if (!e.ok() && e.kind != RelayError::Kind::NotFound) {
        if (e.kind == RelayError::Kind::Tls && relay::hasPeerIdentity(config)) {
            result.peer = relay::probePeerIdentity(config);
            if (result.peer.reached && !result.peer.trusted()) {
                result.outcome = Outcome::Untrusted;
                result.error = e.message;
                return result;
            }
        }
        result.error = e.message;
        result.cause = e.kind;
        return result;
    }
    switch (reader.open(passphrase, error)) {
    case sync::RepositoryReader::Open::NoRepository:
        result.outcome = Outcome::Empty;
        return result;
    case sync::RepositoryReader::Open::Failed:
        result.error = error;
        result.cause = RelayError::Kind::Corrupt;
        return result;
    case sync::RepositoryReader::Open::Ok:
        result.outcome = Outcome::Found;
        result.repositoryId = reader.header().repository;
        result.encryption = reader.header().encryption;
        result.passphraseChecked = passphrase.has_value() && result.encrypted();
        readClients(reader, result);
        return result;
    case sync::RepositoryReader::Open::Auth:
    case sync::RepositoryReader::Open::WrongPassphrase:
        break;
    }
    // Encrypted, and no passphrase or a wrong one: what can be read without it.
    result.outcome = Outcome::Found;
    result.repositoryId = reader.header().repository;
    result.encryption = reader.header().encryption;
    result.passphraseChecked = passphrase.has_value();
    result.passphraseWrong = passphrase.has_value();
    result.clientCount = countClients(reader);
    if (result.passphraseWrong)
        result.error = trc("setup", "wrong passphrase: it does not open this repository");
    return result;
}

RelayProbe::RelayProbe(QObject* parent)
    : QObject(parent)
{
    qRegisterMetaType<ProbeResult>();
}

// A probe still running when this goes (the wizard cancelled during a test) is left to end
// within its timeouts on its own thread: nothing waits for it, and its result goes nowhere.
RelayProbe::~RelayProbe() = default;

void RelayProbe::start(const config::RepositoryConfig& config, const std::optional<QByteArray>& passphrase)
{
    const quint64 serial = ++m_serial;
    m_running = true;
    QPointer<RelayProbe> self(this);
    QThread* thread = QThread::create([config, passphrase, serial, self] {
        const ProbeResult result = probeRelay(config, passphrase);
        // Delivered in the application's thread, where `self` is checked safely (it is deleted there).
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [self, serial, result] {
                if (!self || serial != self->m_serial)
                    return;
                self->m_running = false;
                Q_EMIT self->finished(result);
            },
            Qt::QueuedConnection);
    });
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    thread->start();
}

void RelayProbe::cancel()
{
    ++m_serial;
    m_running = false;
}

} // namespace escale::setup
