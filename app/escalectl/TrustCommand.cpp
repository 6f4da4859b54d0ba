// escalectl trust: shows a relay's TLS certificate or SSH host key and pins it once confirmed.
#include "Common.h"
#include "config/ConfigWriter.h"
#include "relay/PeerIdentity.h"

#include <QRegularExpression>

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

} // namespace

// Shows the relay's TLS certificate (or SSH host key) and, once confirmed, pins it in the
// configuration.
int trust(const Target& target, const QString& configPath, const QString& expected)
{
    const config::RepositoryConfig& r = target.repository;
    if (!relay::hasPeerIdentity(r))
        return fail(ExitUsage,
                    QStringLiteral("%1 uses neither TLS nor SSH: there is no certificate or key to trust")
                        .arg(r.relay.toDisplayString()));
    if (r.line == 0)
        return fail(ExitUsage,
                    QStringLiteral("trust needs a repository of the configuration, to write the pin in"));
    const relay::PeerIdentity peer = relay::probePeerIdentity(r);
    if (!peer.reached)
        return fail(ExitUnreachable, peer.error);
    if (peer.ssh) {
        print(stdout, QStringLiteral("%1 presents an %2\n  SHA-256  %3\n")
                          .arg(peer.where, peer.details, peer.fingerprint));
        if (peer.trusted()) {
            print(stdout, QStringLiteral("It is already trusted ('host key'): nothing to do.\n"));
            return ExitOk;
        }
    } else {
        print(stdout,
              QStringLiteral("%1 presents\n  %2\n  SHA-256  %3\n")
                  .arg(peer.where, QString(peer.details).replace(QLatin1Char('\n'), QLatin1String("\n  ")),
                       peer.fingerprint));
        if (peer.trusted()) {
            print(stdout, QStringLiteral("It is already trusted (system store, 'ca certificate' or "
                                         "'certificate fingerprint'): nothing to do.\n"));
            return ExitOk;
        }
        print(stdout, QStringLiteral("Not trusted: %1\n").arg(peer.problem));
    }
    if (const int code = confirmTrust(expected, peer.digest); code != ExitOk)
        return code;
    return pin(configPath, target,
               peer.ssh ? QStringLiteral("host key") : QStringLiteral("certificate fingerprint"),
               peer.fingerprint);
}

} // namespace escale::ctl
