// escalectl trust: shows a relay's TLS certificate or SSH host key and pins it once confirmed.
#include "Common.h"
#include "config/ConfigWriter.h"
#include "relay/RemoteAccess.h"
#include "relay/sftp/SftpConnection.h"

#include <QRegularExpression>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslSocket>

namespace escale::ctl {

namespace {

// Whether `digest` (a SHA-256) may be pinned: it must be `expected` when given (hex with or
// without colons, or SHA256:base64 as ssh-keygen prints it), else the user says yes on the
// terminal. ExitOk, or the code to exit with (the message printed).
int confirmTrust(const QString& expected, const QByteArray& digest)
{
    if (!expected.isEmpty()) {
        QString e = expected.trimmed();
        if (e.startsWith(QLatin1String("SHA256:"), Qt::CaseInsensitive))
            e = e.mid(7);
        const QByteArray hex = e.toLatin1().replace(':', "");
        static const QRegularExpression hexDigits(QStringLiteral("^[0-9A-Fa-f]{64}$"));
        const QByteArray given = hexDigits.match(QString::fromLatin1(hex)).hasMatch()
                                     ? QByteArray::fromHex(hex)
                                     : QByteArray::fromBase64(e.toLatin1());
        if (given != digest)
            return fail(ExitFailure,
                        QStringLiteral("the fingerprint is not the one given: nothing was written "
                                       "(someone may be in the way)"));
        return ExitOk;
    }
    const auto answer = prompt(
        QStringLiteral("Compare this fingerprint with the server's own, then type 'yes' to trust it: "));
    if (!answer)
        return fail(ExitUsage,
                    QStringLiteral("no terminal to confirm: pass --fingerprint with the fingerprint you "
                                   "checked"));
    if (answer->trimmed() != "yes")
        return fail(ExitFailure, QStringLiteral("not trusted: nothing was written"));
    return ExitOk;
}

int pin(const QString& configPath, const Target& target, const QString& key, const QString& value)
{
    QString error;
    if (!config::setKeyInFile(configPath, target.repository.name, key, value, error))
        return fail(ExitFailure, error);
    print(stdout, QStringLiteral("Pinned in %1 ([%2] %3); restart Escale to use it.\n")
                      .arg(configPath, target.repository.name, key));
    return ExitOk;
}

// Reads FTP replies until a final one; its code (0 when none came).
int ftpReply(QSslSocket& socket)
{
    for (;;) {
        while (!socket.canReadLine())
            if (!socket.waitForReadyRead(15'000))
                return 0;
        const QByteArray line = socket.readLine();
        if (line.size() >= 4 && line[3] == ' ')
            return line.left(3).toInt();
    }
}

// The SSH server's host key, shown and pinned as 'host key' once confirmed.
int trustHostKey(const Target& target, const QString& configPath, const QString& expected)
{
    const config::RepositoryConfig& r = target.repository;
    relay::sftp::ConnectionSettings s;
    s.host = r.relay.host;
    s.port = r.relay.port > 0 ? r.relay.port : 22;
    s.user = QStringLiteral("escalectl");
    s.timeoutMs = 15'000;
    QString type, error;
    const QString fingerprint = relay::sftp::Connection::probeHostKey(s, type, error);
    if (fingerprint.isEmpty())
        return fail(ExitUnreachable, QStringLiteral("cannot reach %1:%2 over SSH: %3")
                                         .arg(s.host, QString::number(s.port),
                                              error.isEmpty() ? QStringLiteral("no host key") : error));
    print(stdout, QStringLiteral("%1:%2 presents an %3 host key\n  SHA-256  %4\n")
                      .arg(s.host, QString::number(s.port), type, fingerprint));
    const QByteArray digest = QByteArray::fromBase64(fingerprint.mid(7).toLatin1());
    if (digest == r.hostKeySha256) {
        print(stdout, QStringLiteral("It is already trusted ('host key'): nothing to do.\n"));
        return ExitOk;
    }
    if (const int code = confirmTrust(expected, digest); code != ExitOk)
        return code;
    return pin(configPath, target, QStringLiteral("host key"), fingerprint);
}

} // namespace

// Shows the relay's TLS certificate (or SSH host key) and, once confirmed, pins it in the
// configuration.
int trust(const Target& target, const QString& configPath, const QString& expected)
{
    using Scheme = config::RelayAddress::Scheme;
    const config::RepositoryConfig& r = target.repository;
    const config::RelayAddress& a = r.relay;
    if (a.scheme != Scheme::WebDavs && a.scheme != Scheme::S3 && a.scheme != Scheme::Ftps &&
        a.scheme != Scheme::Sftp)
        return fail(ExitUsage,
                    QStringLiteral("%1 uses neither TLS nor SSH: there is no certificate or key to trust")
                        .arg(a.toDisplayString()));
    if (r.line == 0)
        return fail(ExitUsage,
                    QStringLiteral("trust needs a repository of the configuration, to write the pin in"));
    if (a.scheme == Scheme::Sftp)
        return trustHostKey(target, configPath, expected);
    QSslSocket socket;
    socket.setPeerVerifyMode(QSslSocket::QueryPeer);
    if (!r.caCertificate.isEmpty()) {
        QSslConfiguration tls = socket.sslConfiguration();
        tls.addCaCertificates(r.caCertificate);
        socket.setSslConfiguration(tls);
    }
    const bool implicitFtps = a.scheme == Scheme::Ftps && r.implicitTls.value_or(a.port == 990);
    const int port = a.port > 0 ? a.port : a.scheme != Scheme::Ftps ? 443 : implicitFtps ? 990 : 21;
    if (a.scheme == Scheme::Ftps && !implicitFtps) {
        // Explicit FTPS: the greeting, then AUTH TLS on the plain connection.
        socket.connectToHost(a.host, quint16(port));
        if (!socket.waitForConnected(15'000) || ftpReply(socket) != 220)
            return fail(ExitUnreachable, QStringLiteral("cannot reach the FTP server %1:%2: %3")
                                             .arg(a.host, QString::number(port), socket.errorString()));
        socket.write("AUTH TLS\r\n");
        if (ftpReply(socket) != 234)
            return fail(ExitFailure, QStringLiteral("%1 does not offer TLS (AUTH TLS)").arg(a.host));
        socket.startClientEncryption();
    } else {
        socket.connectToHostEncrypted(a.host, quint16(port));
    }
    if (!socket.waitForEncrypted(15'000))
        return fail(ExitUnreachable, QStringLiteral("cannot reach %1:%2 over TLS: %3")
                                         .arg(a.host, QString::number(port), socket.errorString()));
    const QSslCertificate certificate = socket.peerCertificate();
    const QList<QSslError> problems = socket.sslHandshakeErrors();
    const QString fingerprint = relay::fingerprint(certificate);
    print(stdout,
          QStringLiteral("%1:%2 presents\n  subject  %3\n  issuer   %4\n  valid    %5 to %6\n  SHA-256  %7\n")
              .arg(a.host, QString::number(port),
                   certificate.subjectInfo(QSslCertificate::CommonName).join(QLatin1String(", ")),
                   certificate.issuerInfo(QSslCertificate::CommonName).join(QLatin1String(", ")),
                   certificate.effectiveDate().toString(Qt::ISODate),
                   certificate.expiryDate().toString(Qt::ISODate), fingerprint));
    if (problems.isEmpty()) {
        print(stdout,
              QStringLiteral("It is already trusted (system store or 'ca certificate'): nothing to do.\n"));
        return ExitOk;
    }
    print(stdout, QStringLiteral("Not trusted: %1\n").arg(problems.first().errorString()));
    if (const int code = confirmTrust(expected, certificate.digest(QCryptographicHash::Sha256));
        code != ExitOk)
        return code;
    return pin(configPath, target, QStringLiteral("certificate fingerprint"), fingerprint);
}

} // namespace escale::ctl
