// escalectl: commands on a repository that work straight on its relay (docs/cli.md). The
// commands that talk to a running instance come with its control socket.
#include "ExitCodes.h"
#include "Version.h"
#include "config/ConfigLoader.h"
#include "config/ConfigWriter.h"
#include "config/Paths.h"
#include "config/Secrets.h"
#include "control/ControlChannel.h"
#include "crypto/RepositoryKeys.h"
#include "relay/RelayArchive.h"
#include "relay/RelayFactory.h"
#include "relay/RemoteAccess.h"
#include "relay/sftp/SftpConnection.h"
#include "sync/RepositoryReader.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslSocket>
#include <cstdio>
#include <termios.h>
#include <unistd.h>

using namespace escale;

namespace {

void print(FILE* stream, const QString& text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
    std::fflush(stream);
}

int fail(int code, const QString& message)
{
    print(stderr, QStringLiteral("escalectl: %1\n").arg(message));
    return code;
}

// Asks on the terminal without echo; std::nullopt when there is no terminal.
std::optional<QByteArray> prompt(const QString& question)
{
    if (!::isatty(STDIN_FILENO))
        return std::nullopt;
    print(stderr, question);
    termios old{};
    ::tcgetattr(STDIN_FILENO, &old);
    termios quiet = old;
    quiet.c_lflag &= ~tcflag_t(ECHO);
    ::tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    char buffer[1024];
    const bool ok = std::fgets(buffer, sizeof buffer, stdin) != nullptr;
    ::tcsetattr(STDIN_FILENO, TCSANOW, &old);
    print(stderr, QStringLiteral("\n"));
    if (!ok)
        return std::nullopt;
    QByteArray line(buffer);
    std::memset(buffer, 0, sizeof buffer);
    while (line.endsWith('\n') || line.endsWith('\r'))
        line.chop(1);
    return line;
}

struct Target
{
    config::RepositoryConfig repository;
    std::unique_ptr<relay::RelayBackend> relay;
};

// REPO names a [section] of the configuration, or else is a relay address.
int resolveTarget(const QString& name, const QString& configPath, bool configGiven, Target& target)
{
    const config::LoadResult loaded = config::ConfigLoader::loadFile(configPath);
    const config::ConfigDiagnostic* error = loaded.firstError();
    if (!error) {
        if (const config::RepositoryConfig* r = loaded.config.repository(name))
            target.repository = *r;
    }
    if (target.repository.name.isEmpty()) {
        QString why, warning;
        const auto address = config::RelayAddress::parse(name, QString(), QString(), QString(), why, warning);
        if (!address || !(name.contains(QLatin1Char('/')) || name.contains(QLatin1Char(':')))) {
            if (error && configGiven)
                return fail(ExitUsage, error->toString());
            return fail(ExitUsage, QStringLiteral("'%1' is neither a repository of %2 nor a relay address")
                                       .arg(name, configPath));
        }
        target.repository.name = name;
        target.repository.relay = *address;
    }
    QString why;
    target.relay = relay::createRelay(target.repository, why);
    if (!target.relay)
        return fail(ExitFailure, why);
    return ExitOk;
}

std::optional<QByteArray> passphraseFor(const config::RepositoryConfig& r, const QString& file,
                                        QString& error)
{
    if (!file.isEmpty())
        return config::readSecret({config::SecretSource::Kind::File, file}, "ESCALE_PASSPHRASE",
                                  QStringLiteral("passphrase"), error);
    if (r.passphrase.kind != config::SecretSource::Kind::None ||
        qEnvironmentVariableIsSet("ESCALE_PASSPHRASE"))
        return config::readSecret(r.passphrase, "ESCALE_PASSPHRASE", QStringLiteral("passphrase"), error,
                                  r.name + QStringLiteral("/passphrase"));
    if (auto typed = prompt(QStringLiteral("Passphrase of %1: ").arg(r.name)))
        return typed;
    error = QStringLiteral("no passphrase: use --passphrase-file FILE, 'passphrase' in the configuration, or "
                           "ESCALE_PASSPHRASE");
    return std::nullopt;
}

int openReader(sync::RepositoryReader& reader, const Target& target, const QString& passphraseFile)
{
    QString error;
    // Asked only when the repository turns out to be encrypted.
    sync::RepositoryReader::Open opened = reader.open(std::nullopt, error);
    if (opened == sync::RepositoryReader::Open::Auth && reader.header().encryption != QLatin1String("off")) {
        QString why;
        const auto passphrase = passphraseFor(target.repository, passphraseFile, why);
        if (!passphrase)
            return fail(ExitAuth, why);
        opened = reader.open(passphrase, error);
    }
    switch (opened) {
    case sync::RepositoryReader::Open::Ok:
        return ExitOk;
    case sync::RepositoryReader::Open::Auth:
        return fail(ExitAuth, error == QLatin1String("wrong passphrase")
                                  ? QStringLiteral("wrong passphrase for %1").arg(target.relay->describe())
                                  : error);
    case sync::RepositoryReader::Open::NoRepository:
    case sync::RepositoryReader::Open::Failed:
        break;
    }
    return fail(ExitFailure, error);
}

int verify(const Target& target, const QString& passphraseFile, bool json)
{
    sync::RepositoryReader reader(target.relay.get());
    if (const int code = openReader(reader, target, passphraseFile); code != ExitOk)
        return code;
    const auto report = reader.verify([json](const QString& line) {
        if (!json)
            print(stdout, line + QLatin1Char('\n'));
    });
    if (json) {
        QJsonArray clients;
        for (const auto& c : report.clients)
            clients.append(QJsonObject{{QStringLiteral("id"), c.id},
                                       {QStringLiteral("name"), c.name},
                                       {QStringLiteral("generation"), double(c.generation)},
                                       {QStringLiteral("journal"), double(c.journal)},
                                       {QStringLiteral("segments"), double(c.segments)}});
        const QJsonObject o{{QStringLiteral("ok"), report.ok()},
                            {QStringLiteral("encryption"), reader.header().encryption},
                            {QStringLiteral("clients"), clients},
                            {QStringLiteral("segments"), report.segments},
                            {QStringLiteral("snapshots"), report.snapshots},
                            {QStringLiteral("chunks_checked"), report.chunksChecked},
                            {QStringLiteral("bytes_checked"), double(report.bytesChecked)},
                            {QStringLiteral("chunks_delivered_and_freed"), report.chunksGone},
                            {QStringLiteral("unreferenced"), report.unreferenced},
                            {QStringLiteral("problems"), QJsonArray::fromStringList(report.problems)}};
        print(stdout, QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Indented)));
    } else {
        for (const QString& p : report.problems)
            print(stdout, QStringLiteral("PROBLEM: %1\n").arg(p));
        print(stdout,
              QStringLiteral("%1: %2 clients, %3 journal segments, %4 snapshots, %5 chunks checked (%6 "
                             "bytes), %7 already delivered and freed, %8 not referenced yet; "
                             "encryption %9: %10\n")
                  .arg(target.relay->describe())
                  .arg(report.clients.size())
                  .arg(report.segments)
                  .arg(report.snapshots)
                  .arg(report.chunksChecked)
                  .arg(report.bytesChecked)
                  .arg(report.chunksGone)
                  .arg(report.unreferenced)
                  .arg(reader.header().encryption,
                       report.ok() ? QStringLiteral("OK")
                                   : QStringLiteral("%1 PROBLEMS").arg(report.problems.size())));
    }
    return report.ok() ? ExitOk : ExitFailure;
}

// Every client of the repository: name, id, last heard of, what it still has to receive.
int clients(const Target& target, const QString& passphraseFile, bool json)
{
    sync::RepositoryReader reader(target.relay.get());
    if (const int code = openReader(reader, target, passphraseFile); code != ExitOk)
        return code;
    QStringList problems;
    const auto list = reader.clients(problems);
    QMap<QString, QString> names;
    for (const auto& c : list)
        names.insert(c.head.client, c.head.name);
    QJsonArray array;
    for (const auto& c : list) {
        quint64 total = 0;
        QStringList from;
        QJsonObject behind;
        for (auto it = c.behind.cbegin(); it != c.behind.cend(); ++it) {
            total += it.value();
            from << QStringLiteral("%1 from %2").arg(it.value()).arg(names.value(it.key()));
            behind.insert(it.key(), double(it.value()));
        }
        const QString seen = c.seen.isValid() ? c.seen.toUTC().toString(Qt::ISODate) : QString();
        if (json) {
            array.append(QJsonObject{{QStringLiteral("id"), c.head.client},
                                     {QStringLiteral("name"), c.head.name},
                                     {QStringLiteral("last_seen"), seen},
                                     {QStringLiteral("generation"), double(c.head.generation)},
                                     {QStringLiteral("journal"), double(c.head.journal)},
                                     {QStringLiteral("relay_usage"), double(c.head.usage)},
                                     {QStringLiteral("segments_to_receive"), behind},
                                     {QStringLiteral("contents_wanted"), int(c.head.wants.size())}});
            continue;
        }
        print(stdout, QStringLiteral("%1 (%2): last seen %3; %4\n")
                          .arg(c.head.name, c.head.client, seen.isEmpty() ? QStringLiteral("unknown") : seen,
                               total == 0 ? QStringLiteral("has everything the others published")
                                          : QStringLiteral("still has to receive %1 journal segments (%2)")
                                                .arg(total)
                                                .arg(from.join(QLatin1String(", ")))));
    }
    for (const QString& p : std::as_const(problems))
        print(json ? stderr : stdout, QStringLiteral("PROBLEM: %1\n").arg(p));
    if (json)
        print(stdout, QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("clients"), array},
                                                                  {QStringLiteral("problems"),
                                                                   QJsonArray::fromStringList(problems)}})
                                            .toJson(QJsonDocument::Indented)));
    return problems.isEmpty() ? ExitOk : ExitFailure;
}

int decrypt(const Target& target, const QString& passphraseFile, const QString& to)
{
    sync::RepositoryReader reader(target.relay.get());
    if (const int code = openReader(reader, target, passphraseFile); code != ExitOk)
        return code;
    QStringList problems;
    const auto tree = reader.latestTree(problems);
    const auto written = reader.writeTree(tree, to);
    problems += written.problems;
    for (const QString& p : std::as_const(problems))
        print(stderr, QStringLiteral("PROBLEM: %1\n").arg(p));
    for (const QString& path : written.unavailable)
        print(
            stdout,
            QStringLiteral("not on the relay any more (delivered to the clients and freed): %1\n").arg(path));
    print(stdout,
          QStringLiteral("wrote %1 files (%2 bytes) and %3 folders into %4; %5 files are not on the relay\n")
              .arg(written.files)
              .arg(written.bytes)
              .arg(written.folders)
              .arg(to)
              .arg(written.unavailable.size()));
    return problems.isEmpty() ? ExitOk : ExitFailure; // an incomplete tree is not a success
}

int changePassphrase(const Target& target, const QString& passphraseFile, const QString& newFile)
{
    relay::RelayBackend* relay = target.relay.get();
    protocol::ObjectStore store(relay);
    QByteArray bytes;
    const relay::RelayError e = store.getHeader(bytes);
    if (!e.ok())
        return fail(ExitFailure,
                    QStringLiteral("cannot read the repository on %1: %2").arg(relay->describe(), e.message));
    QString error;
    auto header = protocol::RepositoryHeader::fromBytes(bytes, error);
    if (!header)
        return fail(ExitFailure, error);
    if (header->encryption == QLatin1String("off"))
        return fail(ExitUsage,
                    QStringLiteral("the repository on %1 is not encrypted: there is no passphrase to "
                                   "change")
                        .arg(relay->describe()));
    const auto current = passphraseFor(target.repository, passphraseFile, error);
    if (!current)
        return fail(ExitAuth, error);
    const auto keys = crypto::RepositoryKeys::unlock(*header, *current, error);
    if (!keys)
        return fail(
            ExitAuth,
            error == QLatin1String("wrong passphrase")
                ? QStringLiteral("wrong passphrase for %1: nothing was changed").arg(relay->describe())
                : error);
    std::optional<QByteArray> next;
    if (!newFile.isEmpty()) {
        next = config::readSecret({config::SecretSource::Kind::File, newFile}, "",
                                  QStringLiteral("new passphrase"), error);
        if (!next)
            return fail(ExitUsage, error);
    } else {
        next = prompt(QStringLiteral("New passphrase: "));
        const auto again = prompt(QStringLiteral("New passphrase again: "));
        if (!next || !again)
            return fail(ExitUsage, QStringLiteral("no terminal to ask for the new passphrase: use "
                                                  "--new-passphrase-file FILE"));
        if (*next != *again)
            return fail(ExitUsage, QStringLiteral("the two new passphrases differ: nothing was changed"));
    }
    if (next->size() < 8)
        return fail(ExitUsage,
                    QStringLiteral("the new passphrase is shorter than 8 characters: nothing was changed"));
    if (!keys->rewrap(*header, *next, crypto::RepositoryKeys::Cost{}, error))
        return fail(ExitFailure, error);
    const relay::RelayError w = store.replaceHeader(header->toBytes());
    if (!w.ok())
        return fail(ExitFailure,
                    QStringLiteral("cannot write the new header on %1: %2; the old passphrase still "
                                   "works")
                        .arg(relay->describe(), w.message));
    print(stdout,
          QStringLiteral("passphrase changed for %1 (nothing else was re-sent). Put the new passphrase "
                         "where each machine reads it ('passphrase' file or keychain); running clients "
                         "go on until they restart.\n")
              .arg(relay->describe()));
    return ExitOk;
}

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

// The relay repository into one zip archive, or back from one.
int archive(const QString& command, Target& target, const QString& zipPath, bool force)
{
    const bool backup = command == QLatin1String("backup");
    const relay::ArchiveResult r = backup ? relay::backupRelay(*target.relay, zipPath)
                                          : relay::restoreRelay(*target.relay, zipPath, force);
    if (!r.ok)
        return fail(r.error.contains(QLatin1String("is not empty")) ? ExitUsage : ExitFailure, r.error);
    print(stdout, backup ? QStringLiteral("%1 objects (%2 bytes) of %3 written to %4, with their manifest\n")
                               .arg(r.objects)
                               .arg(r.bytes)
                               .arg(target.relay->describe(), zipPath)
                         : QStringLiteral("%1 objects (%2 bytes) restored to %3 and read back identical\n")
                               .arg(r.objects)
                               .arg(r.bytes)
                               .arg(target.relay->describe()));
    return ExitOk;
}

// status, pause, resume, sync, stop: through the running instance's control socket.
int askInstance(const QString& command, const QString& repository, const QString& configPath, bool json)
{
    QJsonObject message{{QStringLiteral("command"), command}};
    if (!repository.isEmpty())
        message.insert(QStringLiteral("repository"), repository);
    QString error;
    bool noInstance = false;
    const auto answer = control::request(control::socketPath(configPath), message, error, &noInstance);
    if (!answer)
        return fail(noInstance ? ExitNoInstance : ExitFailure, error);
    if (!answer->value(QStringLiteral("ok")).toBool()) {
        const QString why = answer->value(QStringLiteral("error")).toString();
        return fail(why.startsWith(QLatin1String("no repository")) ? ExitUsage : ExitFailure, why);
    }
    if (json) {
        print(stdout, QString::fromUtf8(QJsonDocument(*answer).toJson(QJsonDocument::Indented)));
        return ExitOk;
    }
    if (command != QLatin1String("status")) {
        QStringList names;
        for (const QJsonValue& v : answer->value(QStringLiteral("repositories")).toArray())
            names << v.toString();
        const QString done = command == QLatin1String("pause")    ? QStringLiteral("paused")
                             : command == QLatin1String("resume") ? QStringLiteral("resumed")
                             : command == QLatin1String("sync")   ? QStringLiteral("syncing now")
                                                                  : QStringLiteral("stopping");
        print(stdout, names.isEmpty()
                          ? done + QLatin1Char('\n')
                          : QStringLiteral("%1: %2\n").arg(names.join(QLatin1String(", ")), done));
        return ExitOk;
    }
    bool problems = false;
    for (const QJsonValue& v : answer->value(QStringLiteral("repositories")).toArray()) {
        const QJsonObject r = v.toObject();
        if (!repository.isEmpty() && r.value(QStringLiteral("name")).toString() != repository)
            continue;
        const QJsonObject last = r.value(QStringLiteral("last_pass")).toObject();
        const QString lastSync = r.value(QStringLiteral("last_sync")).toString();
        print(stdout,
              QStringLiteral("%1: %2 (last sync %3)\n  %4 <-> %5\n  last pass: %6 sent, %7 received, %8 "
                             "deleted, %9 conflicts\n")
                  .arg(r.value(QStringLiteral("name")).toString(),
                       r.value(QStringLiteral("state")).toString(),
                       lastSync.isEmpty() ? QStringLiteral("none yet") : lastSync,
                       r.value(QStringLiteral("local_path")).toString(),
                       r.value(QStringLiteral("relay")).toString())
                  .arg(last.value(QStringLiteral("sent")).toInt())
                  .arg(last.value(QStringLiteral("received")).toInt())
                  .arg(last.value(QStringLiteral("deleted")).toInt())
                  .arg(last.value(QStringLiteral("conflicts")).toInt()));
        const QString lastError = r.value(QStringLiteral("last_error")).toString();
        if (!lastError.isEmpty()) {
            problems = true;
            print(stdout, QStringLiteral("  last error: %1\n").arg(lastError));
        }
    }
    return problems ? ExitFailure : ExitOk;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("escalectl"));
    QCoreApplication::setApplicationVersion(QString::fromLatin1(versionString()));
    QLoggingCategory::setFilterRules(QStringLiteral("escale.*.debug=false\nescale.*.info=false"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Commands on an Escale repository.\n\n"
        "  verify REPO                checks every object on the relay and the journal chains\n"
        "  decrypt REPO --to DIR      rebuilds the latest tree from the relay (what it still holds)\n"
        "  passphrase REPO            changes the passphrase (re-seals the key; nothing is re-sent)\n"
        "  trust REPO                 shows the relay's TLS certificate or SSH host key and pins it once\n"
        "                             confirmed\n"
        "  clients REPO               every client: name, id, last seen, what it still has to receive\n"
        "  backup REPO FILE.zip       the whole relay repository into one zip archive, with a manifest\n"
        "  restore REPO FILE.zip      a backup into an empty relay location (--force: any), verified\n"
        "  status|pause|resume|sync [REPO], stop   the running instance\n\n"
        "REPO is a repository of the configuration ([section] name) or a relay address."));
    const QCommandLineOption configOption(
        {QStringLiteral("c"), QStringLiteral("config")},
        QStringLiteral("Configuration file (default: %1).").arg(config::defaultConfigPath()),
        QStringLiteral("FILE"));
    const QCommandLineOption jsonOption(QStringLiteral("json"), QStringLiteral("Machine-readable output."));
    const QCommandLineOption toOption(QStringLiteral("to"),
                                      QStringLiteral("decrypt: the folder to write (new or empty)."),
                                      QStringLiteral("DIR"));
    const QCommandLineOption passOption(QStringLiteral("passphrase-file"),
                                        QStringLiteral("Read the passphrase from FILE."),
                                        QStringLiteral("FILE"));
    const QCommandLineOption newPassOption(QStringLiteral("new-passphrase-file"),
                                           QStringLiteral("passphrase: read the new passphrase from FILE."),
                                           QStringLiteral("FILE"));
    const QCommandLineOption fingerprintOption(
        QStringLiteral("fingerprint"),
        QStringLiteral("trust: the SHA-256 fingerprint you checked (no prompt): hex, or SHA256:base64 as "
                       "ssh-keygen prints it."),
        QStringLiteral("FINGERPRINT"));
    const QCommandLineOption forceOption(
        QStringLiteral("force"), QStringLiteral("restore: write into a relay location that is not empty."));
    parser.addOptions(
        {configOption, jsonOption, toOption, passOption, newPassOption, fingerprintOption, forceOption});
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("verify, decrypt or passphrase"));
    parser.addPositionalArgument(QStringLiteral("REPO"), QStringLiteral("repository name or relay address"));
    if (!parser.parse(app.arguments()))
        return fail(ExitUsage, parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        print(stdout,
              parser.helpText() + QStringLiteral("\nExit codes: 0 success, 1 failure or damage found, 2 bad "
                                                 "usage, 3 wrong or missing passphrase. See docs/cli.md.\n"));
        return ExitOk;
    }
    if (parser.isSet(QStringLiteral("version"))) {
        print(stdout, QStringLiteral("escalectl %1\n").arg(QString::fromLatin1(versionString())));
        return ExitOk;
    }
    const QStringList args = parser.positionalArguments();
    const QString command = args.value(0);
    const QStringList instanceCommands{QStringLiteral("status"), QStringLiteral("pause"),
                                       QStringLiteral("resume"), QStringLiteral("sync"),
                                       QStringLiteral("stop")};
    const QStringList known =
        QStringList{QStringLiteral("verify"), QStringLiteral("decrypt"), QStringLiteral("passphrase"),
                    QStringLiteral("trust"),  QStringLiteral("backup"),  QStringLiteral("restore"),
                    QStringLiteral("clients")} +
        instanceCommands;
    if (!known.contains(command))
        return fail(ExitUsage, command.isEmpty()
                                   ? QStringLiteral("a command is needed: verify, decrypt or passphrase")
                                   : QStringLiteral("unknown command '%1' (known: %2)")
                                         .arg(command, known.join(QLatin1String(", "))));
    if (instanceCommands.contains(command)) {
        if (args.size() > 2 || (command == QLatin1String("stop") && args.size() > 1))
            return fail(ExitUsage,
                        command == QLatin1String("stop")
                            ? QStringLiteral("stop takes no repository: it stops the whole instance")
                            : QStringLiteral("%1 takes at most one repository name").arg(command));
        return askInstance(command, args.value(1),
                           parser.isSet(configOption) ? parser.value(configOption)
                                                      : config::defaultConfigPath(),
                           parser.isSet(jsonOption));
    }
    const bool archiving = command == QLatin1String("backup") || command == QLatin1String("restore");
    if (archiving && args.size() != 3)
        return fail(
            ExitUsage,
            QStringLiteral("%1 needs a repository name or relay address, then a zip file").arg(command));
    if (!archiving && args.size() != 2)
        return fail(ExitUsage, QStringLiteral("%1 needs one repository name or relay address").arg(command));
    if (command == QLatin1String("decrypt") && !parser.isSet(toOption))
        return fail(ExitUsage, QStringLiteral("decrypt needs --to DIR"));

    Target target;
    const bool configGiven = parser.isSet(configOption);
    const QString configPath = configGiven ? parser.value(configOption) : config::defaultConfigPath();
    if (const int code = resolveTarget(args.at(1), configPath, configGiven, target); code != ExitOk)
        return code;
    const QString passphraseFile = parser.value(passOption);
    if (command == QLatin1String("verify"))
        return verify(target, passphraseFile, parser.isSet(jsonOption));
    if (command == QLatin1String("clients"))
        return clients(target, passphraseFile, parser.isSet(jsonOption));
    if (command == QLatin1String("decrypt"))
        return decrypt(target, passphraseFile, parser.value(toOption));
    if (command == QLatin1String("trust"))
        return trust(target, configPath, parser.value(fingerprintOption));
    if (archiving)
        return archive(command, target, args.at(2), parser.isSet(forceOption));
    return changePassphrase(target, passphraseFile, parser.value(newPassOption));
}
