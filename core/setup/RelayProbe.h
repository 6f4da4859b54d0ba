#pragma once

#include "config/Config.h"
#include "relay/PeerIdentity.h"
#include "relay/RelayTypes.h"

#include <QDateTime>
#include <QObject>
#include <QStringList>
#include <optional>

namespace escale::setup {

// What a relay holds, as the setup wizard learns it before writing anything: whether the
// connection works (and why not), whether a repository is there, its encryption and clients,
// and whether a passphrase opens it.
struct ProbeResult
{
    enum class Outcome
    {
        Empty,     // reached, no repository yet: one can be created there
        Found,     // reached, a repository is there: it can be joined
        Untrusted, // the server's certificate or host key is not trusted yet: see `peer`
        Failed,    // see `error` and `cause`
    };
    Outcome outcome = Outcome::Failed;
    QString error; // Failed: one line naming the cause and the remedy
    relay::RelayError::Kind cause = relay::RelayError::Kind::None;
    relay::PeerIdentity peer; // Untrusted

    // Found:
    QString repositoryId;
    QString encryption; // "off" or the suite
    bool encrypted() const { return !encryption.isEmpty() && encryption != QLatin1String("off"); }
    int clientCount = 0;
    struct Client
    {
        QString name;
        QDateTime seen; // invalid when the relay does not say
    };
    // Readable when the repository is not encrypted, or once a passphrase opened it.
    QList<Client> clients;
    bool clientsKnown = false;
    // When a passphrase was given for an encrypted repository.
    bool passphraseChecked = false;
    bool passphraseWrong = false;
};

// Connects with `config` (its password a literal here, never written) and reads the
// repository's header, and its clients when it can. Blocking: see RelayProbe.
ProbeResult probeRelay(const config::RepositoryConfig& config, const std::optional<QByteArray>& passphrase);

// Runs probeRelay on a thread of its own and reports back in the caller's thread. A new
// start() supersedes a running probe, whose result is then dropped.
class RelayProbe : public QObject
{
    Q_OBJECT

public:
    explicit RelayProbe(QObject* parent = nullptr);
    ~RelayProbe() override;

    void start(const config::RepositoryConfig& config, const std::optional<QByteArray>& passphrase = {});
    bool running() const { return m_running; }
    void cancel(); // the running probe's result is dropped

Q_SIGNALS:
    void finished(const escale::setup::ProbeResult& result);

private:
    quint64 m_serial = 0;
    bool m_running = false;
};

} // namespace escale::setup

Q_DECLARE_METATYPE(escale::setup::ProbeResult)
