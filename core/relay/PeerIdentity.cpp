#include "relay/PeerIdentity.h"

#include "Tr.h"
#include "relay/RemoteAccess.h"
#include "relay/sftp/SftpConnection.h"

#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslSocket>

namespace escale::relay {

namespace {

using Scheme = config::RelayAddress::Scheme;

// Reads FTP replies until a final one; its code (0 when none came in time).
int ftpReply(QSslSocket& socket, int timeoutMs)
{
    for (;;) {
        while (!socket.canReadLine())
            if (!socket.waitForReadyRead(timeoutMs))
                return 0;
        const QByteArray line = socket.readLine();
        if (line.size() >= 4 && line[3] == ' ')
            return line.left(3).toInt();
    }
}

PeerIdentity hostKey(const config::RepositoryConfig& r, int timeoutMs)
{
    PeerIdentity id;
    id.ssh = true;
    sftp::ConnectionSettings s;
    s.host = r.relay.host;
    s.port = r.relay.port > 0 ? r.relay.port : 22;
    s.user = r.user.isEmpty() ? QStringLiteral("escale") : r.user;
    s.timeoutMs = timeoutMs;
    id.where = QStringLiteral("%1:%2").arg(s.host).arg(s.port);
    QString type, error;
    id.fingerprint = sftp::Connection::probeHostKey(s, type, error);
    if (id.fingerprint.isEmpty()) {
        id.error = trc("relay", "cannot reach %1 over SSH: %2")
                       .arg(id.where, error.isEmpty() ? trc("relay", "no host key") : error);
        return id;
    }
    id.reached = true;
    id.digest = QByteArray::fromBase64(id.fingerprint.mid(7).toLatin1());
    id.details = trc("relay", "%1 host key").arg(type);
    if (id.digest != r.hostKeySha256)
        id.problem = trc("relay", "this host key is not pinned ('host key')");
    return id;
}

} // namespace

bool hasPeerIdentity(const config::RepositoryConfig& config)
{
    const Scheme s = config.relay.scheme;
    return s == Scheme::WebDavs || s == Scheme::S3 || s == Scheme::Ftps || s == Scheme::Sftp;
}

PeerIdentity probePeerIdentity(const config::RepositoryConfig& r, int timeoutMs)
{
    const config::RelayAddress& a = r.relay;
    if (a.scheme == Scheme::Sftp)
        return hostKey(r, timeoutMs);
    PeerIdentity id;
    if (!hasPeerIdentity(r)) {
        id.error = trc("relay", "%1 uses neither TLS nor SSH: there is no certificate or key to trust")
                       .arg(a.toDisplayString());
        return id;
    }
    QSslSocket socket;
    socket.setPeerVerifyMode(QSslSocket::QueryPeer);
    if (!r.caCertificate.isEmpty()) {
        QSslConfiguration tls = socket.sslConfiguration();
        tls.addCaCertificates(r.caCertificate);
        socket.setSslConfiguration(tls);
    }
    const bool implicitFtps = a.scheme == Scheme::Ftps && r.implicitTls.value_or(a.port == 990);
    const int port = a.port > 0 ? a.port : a.scheme != Scheme::Ftps ? 443 : implicitFtps ? 990 : 21;
    id.where = QStringLiteral("%1:%2").arg(a.host).arg(port);
    const QString& where = id.where;
    if (a.scheme == Scheme::Ftps && !implicitFtps) {
        // Explicit FTPS: the greeting, then AUTH TLS on the plain connection.
        socket.connectToHost(a.host, quint16(port));
        if (!socket.waitForConnected(timeoutMs) || ftpReply(socket, timeoutMs) != 220) {
            id.error = trc("relay", "cannot reach the FTP server %1: %2").arg(where, socket.errorString());
            return id;
        }
        socket.write("AUTH TLS\r\n");
        if (ftpReply(socket, timeoutMs) != 234) {
            id.error = trc("relay", "%1 does not offer TLS (AUTH TLS)").arg(a.host);
            return id;
        }
        socket.startClientEncryption();
    } else {
        socket.connectToHostEncrypted(a.host, quint16(port));
    }
    if (!socket.waitForEncrypted(timeoutMs)) {
        id.error = trc("relay", "cannot reach %1 over TLS: %2").arg(where, socket.errorString());
        return id;
    }
    const QSslCertificate certificate = socket.peerCertificate();
    const QList<QSslError> problems = socket.sslHandshakeErrors();
    id.reached = true;
    id.fingerprint = fingerprint(certificate);
    id.digest = certificate.digest(QCryptographicHash::Sha256);
    id.details = trc("relay", "subject  %1\nissuer   %2\nvalid    %3 to %4")
                     .arg(certificate.subjectInfo(QSslCertificate::CommonName).join(QLatin1String(", ")),
                          certificate.issuerInfo(QSslCertificate::CommonName).join(QLatin1String(", ")),
                          certificate.effectiveDate().toString(Qt::ISODate),
                          certificate.expiryDate().toString(Qt::ISODate));
    if (!problems.isEmpty() && id.digest != r.pinnedCertificateSha256)
        id.problem = problems.first().errorString();
    return id;
}

} // namespace escale::relay
