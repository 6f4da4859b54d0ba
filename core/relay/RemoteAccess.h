#pragma once

#include "config/Config.h"
#include "relay/RelayTypes.h"

#include <QAbstractSocket>
#include <QMutex>
#include <QSslConfiguration>
#include <QSslError>
#include <functional>
#include <optional>

// What every network relay (WebDAV, S3, FTP) shares: its password, the TLS trust it was
// configured with, its retry pacing, bandwidth limits and the wording of connection failures.
namespace escale::relay {

// The relay password of a repository whose login is `user`: the configured secret (a file, a
// literal, or an address's 'user:password@'), else ESCALE_PASSWORD, else the keychain entry
// 'REPOSITORY/password'. Empty when `user` is empty and nothing is configured; std::nullopt with
// `error` set when a user is set and no password can be found.
std::optional<QByteArray> relayPassword(const config::RepositoryConfig& config, const QString& user,
                                        QString& error);

// The TLS trust of a relay: the system's authorities or a 'ca certificate' file, a client
// certificate, a pinned fingerprint for a self-signed certificate, or no checks at all.
struct TlsTrust
{
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    QByteArray pinnedSha256; // a self-signed certificate trusted by its fingerprint
    bool verify = true;

    // Reads the files the configuration names, checking they are usable.
    static std::optional<TlsTrust> fromConfig(const config::RepositoryConfig& config, QString& error);

    // Empty when `peer`, which failed verification with `errors`, is the pinned certificate;
    // else the message saying why it is not trusted and how to trust it.
    QString untrusted(const QString& host, const QSslCertificate& peer, const QList<QSslError>& errors) const;
    // The warning printed when certificates are not checked.
    static QString uncheckedWarning(const QString& host);
};

// "AB:CD:..." SHA-256 of a certificate, as the messages and 'certificate fingerprint' write it.
QString fingerprint(const QSslCertificate& certificate);

// How long to wait before try `number` (1 for the first retry): exponential from 1 s to 30 s,
// with jitter, and at least `retryAfterSeconds` (capped at two minutes) when a server asked.
qint64 retryDelayMs(int number, int retryAfterSeconds = 0);

// Whether a failed request goes again: a retryable error, tries left (`tries` counts them), and
// `again` (when given) readies it. If so, `retry` runs from `context`'s event loop after the
// back-off delay.
bool retryLater(QObject* context, const RelayError& error, int& tries, int retries,
                const std::function<bool()>& again, std::function<void()> retry);

// How many connections a relay opens at most, how often it tries a request, how fast it sends.
struct TransferLimits
{
    int connections = 4;
    int retries = 5;
    qint64 bandwidthUp = 0;   // bytes/s, 0: unlimited
    qint64 bandwidthDown = 0; // bytes/s, 0: unlimited
    static TransferLimits fromConfig(const config::RepositoryConfig& config);
};

// A connection that failed at the socket level (no reply), in the relay's terms: unknown host,
// refused connection, TLS failures (with a client certificate refused said so), anything else
// as a network error. `what` names the request.
RelayError socketFailure(QAbstractSocket::SocketError failure, const QString& detail, const QString& host,
                         int port, const QString& what);

// A token bucket shared by every transfer of one direction.
class Throttle
{
public:
    explicit Throttle(qint64 bytesPerSecond);
    bool limited() const { return m_rate > 0; }
    qint64 rate() const { return m_rate; } // bytes/s
    qint64 take(qint64 wanted);            // how many of `wanted` bytes may pass now (negative: given back)
    int waitMs() const;                    // until some may pass again

private:
    void refill();
    qint64 m_rate;
    double m_tokens = 0;
    qint64 m_lastMs = 0;
};

// A throttle several threads share: take() waits (sleeps) until some bytes may pass. For
// transfers that run on worker threads (SFTP, the folder relay).
class SharedThrottle
{
public:
    explicit SharedThrottle(qint64 bytesPerSecond)
        : m_throttle(bytesPerSecond)
    {}
    bool limited() const { return m_throttle.limited(); }
    // Waits until `wanted` bytes (or part of them) may pass; returns how many.
    qint64 take(qint64 wanted);
    // Waits until all `bytes` passed.
    void pass(qint64 bytes)
    {
        for (qint64 done = 0; done < bytes;)
            done += take(bytes - done);
    }

private:
    QMutex m_mutex;
    Throttle m_throttle;
};

} // namespace escale::relay
