#include "relay/RemoteAccess.h"

#include "Tr.h"
#include "config/Secrets.h"
#include "log/Logging.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QRandomGenerator>
#include <QSslCertificate>
#include <QThread>
#include <QSslKey>
#include <QSslSocket>
#include <QTimer>
#include <algorithm>

namespace escale::relay {

std::optional<QByteArray> relayPassword(const config::RepositoryConfig& config, const QString& user,
                                        QString& error)
{
    if (config.password.kind != config::SecretSource::Kind::None)
        return config::readSecret(config.password, "ESCALE_PASSWORD", QStringLiteral("password"), error);
    if (!config.relay.password.isEmpty())
        return config.relay.password.toUtf8();
    if (user.isEmpty())
        return QByteArray();
    // Not in the configuration: ESCALE_PASSWORD, else the keychain.
    return config::readSecret(config.password, "ESCALE_PASSWORD", QStringLiteral("password"), error,
                              config.name + QStringLiteral("/password"));
}

std::optional<TlsTrust> TlsTrust::fromConfig(const config::RepositoryConfig& config, QString& error)
{
    TlsTrust t;
    t.verify = config.verifySsl;
    t.tls.setProtocol(config.tlsMinimum == QLatin1String("1.3") ? QSsl::TlsV1_3OrLater
                                                                : QSsl::TlsV1_2OrLater);
    if (!config.verifySsl)
        t.tls.setPeerVerifyMode(QSslSocket::VerifyNone);
    if (!config.caCertificate.isEmpty() && !t.tls.addCaCertificates(config.caCertificate)) {
        error = trc("relay", "cannot read a certificate in the 'ca certificate' file %1: it must be PEM")
                    .arg(config.caCertificate);
        return std::nullopt;
    }
    if (!config.certificate.isEmpty()) {
        const auto certificates = QSslCertificate::fromPath(config.certificate);
        QFile keyFile(config.privateKey.isEmpty() ? config.certificate : config.privateKey);
        const QByteArray keyBytes = keyFile.open(QIODevice::ReadOnly) ? keyFile.readAll() : QByteArray();
        QSslKey key(keyBytes, QSsl::Rsa);
        if (key.isNull())
            key = QSslKey(keyBytes, QSsl::Ec);
        if (certificates.isEmpty() || key.isNull()) {
            error = trc("relay",
                        "cannot use the client certificate %1 with its key %2: both must be PEM, the key "
                        "without a passphrase")
                        .arg(config.certificate, keyFile.fileName());
            return std::nullopt;
        }
        t.tls.setLocalCertificate(certificates.first());
        t.tls.setPrivateKey(key);
    }
    t.pinnedSha256 = config.pinnedCertificateSha256;
    return t;
}

QString TlsTrust::untrusted(const QString& host, const QSslCertificate& peer,
                            const QList<QSslError>& errors) const
{
    if (!pinnedSha256.isEmpty() && peer.digest(QCryptographicHash::Sha256) == pinnedSha256)
        return {};
    return trc("relay", "the certificate of %1 is not trusted (%2; SHA-256 %3): if it is "
                        "yours, trust it with 'certificate fingerprint = %3' or a 'ca "
                        "certificate' file")
        .arg(host, errors.value(0).errorString(), fingerprint(peer));
}

QString TlsTrust::uncheckedWarning(const QString& host)
{
    return QStringLiteral("TLS certificates of %1 are not checked ('verify ssl = no'): "
                          "anyone on the way can read and change what is sent")
        .arg(host);
}

QString fingerprint(const QSslCertificate& certificate)
{
    const QByteArray digest = certificate.digest(QCryptographicHash::Sha256).toHex().toUpper();
    QStringList pairs;
    for (qsizetype i = 0; i < digest.size(); i += 2)
        pairs << QString::fromLatin1(digest.mid(i, 2));
    return pairs.join(QLatin1Char(':'));
}

qint64 retryDelayMs(int number, int retryAfterSeconds)
{
    qint64 delayMs = std::min<qint64>(30'000, 500LL << std::clamp(number, 1, 6));
    delayMs = qint64(double(delayMs) * (0.5 + QRandomGenerator::global()->generateDouble()));
    if (retryAfterSeconds > 0)
        delayMs = std::max<qint64>(delayMs, std::min(retryAfterSeconds, 120) * 1000LL);
    return delayMs;
}

bool retryLater(QObject* context, const RelayError& error, int& tries, int retries,
                const std::function<bool()>& again, std::function<void()> retry)
{
    if (error.ok() || !error.isRetryable() || tries >= retries || (again && !again()))
        return false;
    ++tries;
    const qint64 delayMs = retryDelayMs(tries);
    qCDebug(lcRelay).noquote() << QStringLiteral("%1; try %2 in %3 ms")
                                      .arg(error.message, QString::number(tries + 1),
                                           QString::number(delayMs));
    QTimer::singleShot(int(delayMs), context, std::move(retry));
    return true;
}

TransferLimits TransferLimits::fromConfig(const config::RepositoryConfig& config)
{
    TransferLimits t;
    t.connections = std::max(1, config.transfers);
    t.retries = config.retries;
    t.bandwidthUp = config.bandwidthUp;
    t.bandwidthDown = config.bandwidthDown;
    return t;
}

RelayError socketFailure(QAbstractSocket::SocketError failure, const QString& detail, const QString& host,
                         int port, const QString& what)
{
    using Kind = RelayError::Kind;
    switch (failure) {
    case QAbstractSocket::HostNotFoundError:
        return {Kind::Network,
                trc("relay", "unknown host %1: check 'relay address' and the network").arg(host)};
    case QAbstractSocket::ConnectionRefusedError:
        return {
            Kind::Network,
            trc("relay", "%1 refused the connection (port %2): is the server running?").arg(host).arg(port)};
    case QAbstractSocket::SslHandshakeFailedError:
        return {Kind::Tls, trc("relay", "TLS with %1 failed: %2").arg(host, detail)};
    default:
        break;
    }
    // The server's TLS alert when it wants a client certificate or refuses ours.
    if (detail.contains(QLatin1String("alert bad certificate")) ||
        detail.contains(QLatin1String("certificate required")) ||
        detail.contains(QLatin1String("alert unknown ca")))
        return {Kind::Tls, trc("relay", "%1 refuses this client's certificate, or wants one (%2): "
                                        "set 'certificate' and 'private key' to one it accepts")
                               .arg(host, detail.section(QLatin1String("::"), -1))};
    return {Kind::Network, trc("relay", "%1: %2").arg(what, detail)};
}

Throttle::Throttle(qint64 bytesPerSecond)
    : m_rate(bytesPerSecond)
    , m_lastMs(QDateTime::currentMSecsSinceEpoch())
{}

void Throttle::refill()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    // At most a quarter of a second's worth at once: short bursts, a steady average.
    const double capacity = std::max(double(m_rate) / 4, 16.0 * 1024);
    m_tokens = std::min(capacity, m_tokens + double(now - m_lastMs) * double(m_rate) / 1000.0);
    m_lastMs = now;
}

qint64 Throttle::take(qint64 wanted)
{
    if (m_rate <= 0)
        return wanted;
    if (wanted < 0) { // given back
        m_tokens -= double(wanted);
        return 0;
    }
    refill();
    const qint64 n = std::min<qint64>(wanted, qint64(m_tokens));
    m_tokens -= double(n);
    return n;
}

int Throttle::waitMs() const
{
    return m_rate <= 0 ? 0 : std::clamp(int(4096 * 1000 / m_rate), 5, 250);
}

qint64 SharedThrottle::take(qint64 wanted)
{
    for (;;) {
        int waitMs = 0;
        {
            QMutexLocker lock(&m_mutex);
            const qint64 n = m_throttle.take(wanted);
            if (n > 0)
                return n;
            waitMs = m_throttle.waitMs();
        }
        QThread::msleep(ulong(std::max(1, waitMs)));
    }
}

} // namespace escale::relay
