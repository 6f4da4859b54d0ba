// The FTP relay against ProFTPD started on 127.0.0.1: explicit and implicit FTPS with the strict
// TLS session reuse on data connections, a LIST-only plain FTP server, the errors users meet
// (wrong password, untrusted or mismatched certificate, a server that drops idle connections,
// a server killed mid-transfer or hung), and three engines converging through it.
#include "EngineScenario.h"
#include "RelayCalls.h"
#include "RelayServers.h"
#include "SyncHarness.h"
#include "relay/ftp/FtpRelay.h"
#include "relay/RelayFactory.h"

#include <QSslCertificate>

using namespace escale;

using testing::put;
using testing::runJob;

class tst_FtpRelay : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void explicitTlsContract();
    void implicitTlsContract();
    void listOnlyPlainServer();
    void oddNamesRoundTrip();
    void anotherListOnlyServer();
    void wrongPassword();
    void untrustedCertificate();
    void certificateForAnotherHost();
    void escalectlTrustsTheCertificate();
    void tlsRequiredButNotOffered();
    void idleConnectionsDropped();
    void fewerConnectionsThanTransfers();
    void partsReadWithRest();
    void repliesBecomeErrors_data();
    void repliesBecomeErrors();
    void threeEnginesConverge();
    void serverKilledDuringTransfers();
    void hungServerTimesOut();

private:
    static config::RepositoryConfig ftpConfig(const testing::ProFtpd& server, const QString& scheme = "ftps",
                                              const QString& password = "testpw")
    {
        config::RepositoryConfig c = testing::relayConfig("ftp", server.url(scheme), password);
        if (scheme == "ftps")
            c.caCertificate = server.certificate();
        return c;
    }
    static QString tlsLog(const testing::ProFtpd& server)
    {
        QFile f(server.dir() + "/tls.log");
        return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
    }
};

void tst_FtpRelay::explicitTlsContract()
{
    testing::ProFtpd server;
    QVERIFY2(server.started(), qPrintable(server.log()));
    auto relay = testing::makeRelay(ftpConfig(server));
    QVERIFY(relay);
    QCOMPARE(relay->describe(), QString("ftps://tester@127.0.0.1:%1/repo").arg(server.port()));
    testing::checkContract(*relay);
    // Every data connection resumed the control connection's session, as the server demands.
    const QString log = tlsLog(server);
    QVERIFY2(log.contains("client reused TLS session for data connection"), qPrintable(log.right(2000)));
    QVERIFY2(!log.contains("did not reuse"), qPrintable(log.right(2000)));
}

void tst_FtpRelay::implicitTlsContract()
{
    testing::ProFtpd::Options o;
    o.implicit = true;
    testing::ProFtpd server(o);
    QVERIFY2(server.started(), qPrintable(server.log()));
    config::RepositoryConfig c = ftpConfig(server);
    // Spoken to with AUTH TLS, an implicit server gets no answer it understands: a clear error.
    c.timeoutMs = 3'000;
    c.retries = 0;
    const relay::RelayError e = runJob(testing::makeRelay(c)->list(""));
    QVERIFY2(!e.ok(), qPrintable(e.message));
    c.implicitTls = true;
    c.timeoutMs = 20'000;
    auto relay = testing::makeRelay(c);
    testing::checkContract(*relay);
    QVERIFY(tlsLog(server).contains("client reused TLS session for data connection"));
}

void tst_FtpRelay::listOnlyPlainServer()
{
    // No MLSD, no TLS: listings come from LIST (Unix format), the password in clear.
    testing::ProFtpd::Options o;
    o.tls = false;
    o.listOnly = true;
    testing::ProFtpd server(o);
    QVERIFY2(server.started(), qPrintable(server.log()));
    auto relay = testing::makeRelay(ftpConfig(server, "ftp"));
    const relay::RelayError missing = runJob(relay->list(""));
    QVERIFY2(missing.kind == relay::RelayError::Kind::NotFound, qPrintable(missing.message));
    testing::checkContract(*relay);
    // A missing folder is NotFound even where LIST answers an empty listing for it.
    QCOMPARE(runJob(relay->list("data/zz")).kind, relay::RelayError::Kind::NotFound);
    QVERIFY(runJob(relay->makeFolder("data/zz")).ok());
    std::unique_ptr<relay::RelayJob> job(relay->list("data/zz"));
    QVERIFY(relay::waitFor(job.get()).ok());
    QVERIFY(job->entries().isEmpty());
}

void tst_FtpRelay::oddNamesRoundTrip()
{
    // Spaces, UTF-8, a leading dash and semicolons, through MLSD and through LIST.
    const QStringList names{"with space", "été 北京", "-dash", "semi;colon=1", "  two  spaces"};
    for (bool listOnly : {false, true}) {
        testing::ProFtpd::Options o;
        o.listOnly = listOnly;
        testing::ProFtpd server(o);
        QVERIFY2(server.started(), qPrintable(server.log()));
        auto relay = testing::makeRelay(ftpConfig(server));
        QVERIFY(runJob(relay->makeFolder("data/ab")).ok());
        for (const QString& n : names)
            QVERIFY2(put(*relay, "data/ab/" + n, n.toUtf8()).ok(), qPrintable(n));
        std::unique_ptr<relay::RelayJob> job(relay->list("data/ab"));
        QVERIFY(relay::waitFor(job.get()).ok());
        QStringList listed;
        for (const auto& e : job->entries()) {
            listed << e.name;
            QCOMPARE(e.size, qint64(e.name.toUtf8().size()));
        }
        listed.sort();
        QStringList expected = names;
        expected.sort();
        QCOMPARE(listed, expected);
        for (const QString& n : names)
            QCOMPARE(testing::get(*relay, "data/ab/" + n), n.toUtf8());
        // A name that would end the command line is refused before it is sent.
        QCOMPARE(put(*relay, "data/ab/x\r\nDELE y", "no").kind, relay::RelayError::Kind::Invalid);
    }
}

void tst_FtpRelay::anotherListOnlyServer()
{
    // pyftpdlib, a different implementation with no MLSD: the contract, odd names through its
    // LIST, and three engines converging.
    testing::PyFtpd server;
    QVERIFY2(server.started(), qPrintable(server.log()));
    config::RepositoryConfig c = testing::relayConfig("ftp", server.url(), "testpw");
    auto relay = testing::makeRelay(c);
    testing::checkContract(*relay);
    for (const QString& n : {QString("été 北京"), QString("  two  spaces"), QString("-dash")})
        QVERIFY2(put(*relay, "data/ab/" + n, n.toUtf8()).ok(), qPrintable(n));
    std::unique_ptr<relay::RelayJob> job(relay->list("data/ab"));
    QVERIFY(relay::waitFor(job.get()).ok());
    QStringList listed;
    for (const auto& e : job->entries())
        listed << e.name;
    listed.sort();
    QCOMPARE(listed, (QStringList{"  two  spaces", "-dash", "big", "été 北京"}));
    QCOMPARE(testing::get(*relay, "data/ab/été 北京"), QString("été 北京").toUtf8());
    c.relay.path = "/engines";
    testing::threeEnginesConverge([&] { return c; });
}

void tst_FtpRelay::wrongPassword()
{
    testing::ProFtpd server;
    QVERIFY2(server.started(), qPrintable(server.log()));
    auto relay = testing::makeRelay(ftpConfig(server, "ftps", "wrong"));
    const relay::RelayError e = runJob(relay->list(""));
    QCOMPARE(e.kind, relay::RelayError::Kind::Auth);
    QVERIFY2(e.message.contains("refuses the login of 'tester'") &&
                 e.message.contains("check 'user' and 'password'"),
             qPrintable(e.message));
    QVERIFY(!e.message.contains("wrong")); // the password itself is never said
    // Not tried again with the same password (servers lock accounts that insist).
    auto failedLogins = [&] {
        QFile f(server.dir() + "/system.log");
        return f.open(QIODevice::ReadOnly) ? f.readAll().count("Login failed") : -1;
    };
    QCOMPARE(failedLogins(), 1);
    QCOMPARE(runJob(relay->list("data")).kind, relay::RelayError::Kind::Auth);
    QCOMPARE(failedLogins(), 1);
}

void tst_FtpRelay::untrustedCertificate()
{
    testing::ProFtpd server;
    QVERIFY2(server.started(), qPrintable(server.log()));
    config::RepositoryConfig c = ftpConfig(server);
    c.caCertificate.clear();
    relay::RelayError e = runJob(testing::makeRelay(c)->list(""));
    QCOMPARE(e.kind, relay::RelayError::Kind::Tls);
    const auto certificate = QSslCertificate::fromPath(server.certificate()).value(0);
    const QString fingerprint = relay::fingerprint(certificate);
    QVERIFY2(e.message.contains("is not trusted") &&
                 e.message.contains("certificate fingerprint = " + fingerprint),
             qPrintable(e.message));
    // Trusted by its fingerprint: control and data connections go through.
    c.pinnedCertificateSha256 = certificate.digest(QCryptographicHash::Sha256);
    auto relay = testing::makeRelay(c);
    QVERIFY(runJob(relay->makeFolder("")).ok());
    QVERIFY(put(*relay, "pinned", "yes").ok());
    QCOMPARE(testing::get(*relay, "pinned"), QByteArray("yes"));
}

void tst_FtpRelay::escalectlTrustsTheCertificate()
{
    // Explicit FTPS with a self-signed certificate: `escalectl trust` reaches it through AUTH TLS
    // and pins it; escale then goes through.
    testing::ProFtpd server;
    QVERIFY2(server.started(), qPrintable(server.log()));
    QTemporaryDir root;
    harness::writeFile(root.filePath("pw"), "testpw\n");
    QFile::setPermissions(root.filePath("pw"), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    const QString conf = root.filePath("escale.conf");
    harness::writeFile(
        conf, QString("[ftp]\nlocal path = %1\nrelay address = %2\npassword = %3\nstate dir = %4\n"
                      "retries = 0\n")
                  .arg(root.filePath("folder"), server.url(), root.filePath("pw"), root.filePath("state"))
                  .toUtf8());
    QDir().mkpath(root.filePath("folder"));
    const QString escale = qEnvironmentVariable("ESCALE_BIN"),
                  escalectl = qEnvironmentVariable("ESCALECTL_BIN");
    QString out;
    QCOMPARE(testing::runProgram(escale, {"--once", "-c", conf, "-r", "ftp"}, &out), 4);
    QVERIFY2(out.contains("not trusted"), qPrintable(out));
    const QString fingerprint = relay::fingerprint(QSslCertificate::fromPath(server.certificate()).value(0));
    QCOMPARE(testing::runProgram(escalectl, {"-c", conf, "trust", "ftp", "--fingerprint", fingerprint}, &out),
             0);
    QVERIFY2(out.contains(fingerprint) && out.contains("Pinned"), qPrintable(out));
    QCOMPARE(testing::runProgram(escale, {"--once", "-c", conf, "-r", "ftp"}, &out), 0);
}

void tst_FtpRelay::certificateForAnotherHost()
{
    testing::ProFtpd::Options o;
    o.certificateNames = "DNS:files.example.org";
    testing::ProFtpd server(o);
    QVERIFY2(server.started(), qPrintable(server.log()));
    const relay::RelayError e = runJob(testing::makeRelay(ftpConfig(server))->list(""));
    QCOMPARE(e.kind, relay::RelayError::Kind::Tls);
    QVERIFY2(e.message.contains("host name did not match") && e.message.contains("127.0.0.1"),
             qPrintable(e.message));
}

void tst_FtpRelay::tlsRequiredButNotOffered()
{
    // ftps:// to a server without TLS: refused before the password is sent; nothing is written.
    testing::ProFtpd::Options o;
    o.tls = false;
    testing::ProFtpd server(o);
    QVERIFY2(server.started(), qPrintable(server.log()));
    const relay::RelayError e = runJob(testing::makeRelay(ftpConfig(server))->makeFolder(""));
    QCOMPARE(e.kind, relay::RelayError::Kind::Tls);
    QVERIFY2(e.message.contains("does not offer TLS"), qPrintable(e.message));
    QVERIFY(!QFile::exists(server.root() + "/repo"));
    QFile log(server.dir() + "/system.log");
    QVERIFY(!log.open(QIODevice::ReadOnly) || !log.readAll().contains("Login successful"));
}

void tst_FtpRelay::idleConnectionsDropped()
{
    // The server closes connections idle for two seconds (421): the next requests open new ones.
    // (Two, not one: a loaded machine, or a sanitizer build, can take a second to log in.)
    testing::ProFtpd::Options o;
    o.idleTimeout = 2;
    testing::ProFtpd server(o);
    QVERIFY2(server.started(), qPrintable(server.log()));
    auto relay = testing::makeRelay(ftpConfig(server));
    QVERIFY(runJob(relay->makeFolder("")).ok());
    for (int i = 0; i < 2; ++i) {
        QVERIFY(put(*relay, "idle", QByteArray::number(i)).ok());
        QTest::qWait(2'600);
        QCOMPARE(testing::get(*relay, "idle"), QByteArray::number(i));
        QTest::qWait(2'600);
    }
}

namespace {
QStringList g_lines; // the relay's debug lines, while a test listens
void keepLine(QtMsgType, const QMessageLogContext&, const QString& message)
{
    g_lines << message;
}
} // namespace

void tst_FtpRelay::partsReadWithRest()
{
    // A part of an object: REST to its start, RETR, the data connection closed once the part came
    // (the server answers 426); the relay goes on (ProFTPD sometimes drops the control connection
    // after such a cut: the next request logs in again).
    testing::ProFtpd server;
    QVERIFY2(server.started(), qPrintable(server.log()));
    auto relay = testing::makeRelay(ftpConfig(server));
    QVERIFY(runJob(relay->makeFolder("")).ok());
    QByteArray big(4 * 1024 * 1024, Qt::Uninitialized);
    for (qsizetype i = 0; i < big.size(); ++i)
        big[i] = char(i * 131 + (i >> 12));
    QVERIFY(put(*relay, "big", big).ok());
    g_lines.clear();
    const QtMessageHandler previous = qInstallMessageHandler(keepLine);
    const QByteArray part = testing::getRange(*relay, "big", 1'234'567, 1000);
    const QByteArray tail = testing::getRange(*relay, "big", big.size() - 10, 100);
    const bool listed = runJob(relay->list("")).ok();
    qInstallMessageHandler(previous);
    QCOMPARE(part, big.mid(1'234'567, 1000));
    QCOMPARE(tail, big.right(10));
    QVERIFY(listed);
    const QString log = g_lines.join('\n');
    QVERIFY2(log.contains("<< REST 1234567") && log.contains(QString("<< REST %1").arg(big.size() - 10)),
             qPrintable(log));
    // Not read whole: the transfer was cut once the part came (answered 426, or the server dropped
    // the connection and the next request logged in again).
    QVERIFY2(log.contains(">> 426") || log.contains(">> 220"), qPrintable(log));
}

void tst_FtpRelay::fewerConnectionsThanTransfers()
{
    // The server lets this user in twice; 'transfers = 6' asks for more: the relay works with two.
    testing::ProFtpd server;
    QVERIFY2(server.started(), qPrintable(server.log()));
    QFile conf(server.dir() + "/proftpd.conf");
    QVERIFY(conf.open(QIODevice::Append));
    conf.write("MaxClientsPerUser 2\n");
    conf.close();
    QVERIFY(server.restart());
    config::RepositoryConfig c = ftpConfig(server);
    c.transfers = 6;
    auto relay = testing::makeRelay(c);
    QVERIFY(runJob(relay->makeFolder("")).ok());
    QList<relay::RelayJob*> jobs;
    std::vector<std::unique_ptr<QBuffer>> buffers;
    for (int i = 0; i < 12; ++i) {
        buffers.push_back(std::make_unique<QBuffer>());
        buffers.back()->setData(QByteArray(300'000 + i, char('a' + i)));
        buffers.back()->open(QIODevice::ReadOnly);
        jobs << relay->put(QString("f%1").arg(i), buffers.back().get(), 300'000 + i, relay::WriteMode::Fresh);
    }
    const relay::RelayError e = relay::waitForAll(jobs);
    qDeleteAll(jobs);
    QVERIFY2(e.ok(), qPrintable(e.message));
    for (int i = 0; i < 12; ++i)
        QCOMPARE(testing::get(*relay, QString("f%1").arg(i)), QByteArray(300'000 + i, char('a' + i)));
}

void tst_FtpRelay::repliesBecomeErrors_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("kind");
    using Kind = relay::RelayError::Kind;
    QTest::newRow("missing") << 550 << "/repo/x: No such file or directory" << int(Kind::NotFound);
    QTest::newRow("denied") << 550 << "/repo/x: Permission denied" << int(Kind::Permission);
    QTest::newRow("quota 552") << 552 << "Disk quota exceeded" << int(Kind::Quota);
    QTest::newRow("space 452") << 452 << "Insufficient storage space" << int(Kind::Quota);
    QTest::newRow("closing") << 421 << "Too many connections" << int(Kind::Network);
    QTest::newRow("data") << 425 << "Unable to build data connection" << int(Kind::Network);
    QTest::newRow("busy") << 450 << "File in use" << int(Kind::Busy);
    QTest::newRow("missing 450") << 450 << "/repo: No such file or directory" << int(Kind::NotFound);
    QTest::newRow("missing vsftpd") << 550 << "Failed to open file." << int(Kind::NotFound);
    QTest::newRow("not logged in") << 530 << "Please login with USER and PASS" << int(Kind::Auth);
    QTest::newRow("bad name") << 553 << "Filename not allowed" << int(Kind::Permission);
    QTest::newRow("unknown") << 502 << "Command not implemented" << int(Kind::Other);
}

void tst_FtpRelay::repliesBecomeErrors()
{
    QFETCH(int, code);
    QFETCH(QString, text);
    QFETCH(int, kind);
    relay::FtpRelay::Settings s;
    s.session.host = "ftp.example.org";
    relay::FtpRelay relay(s);
    relay::ftp::Reply reply;
    reply.code = code;
    reply.text = text;
    const relay::RelayError e = relay.replyError(reply, "writing heads/a");
    QCOMPARE(int(e.kind), kind);
    QVERIFY2(e.message.startsWith("writing heads/a") && e.message.contains(QString::number(code)) &&
                 e.message.contains(text),
             qPrintable(e.message));
}

void tst_FtpRelay::threeEnginesConverge()
{
    testing::ProFtpd server;
    QVERIFY2(server.started(), qPrintable(server.log()));
    testing::threeEnginesConverge([&] { return testing::encrypted(ftpConfig(server), "ftp secret"); });
}

void tst_FtpRelay::serverKilledDuringTransfers()
{
    testing::ProFtpd server;
    QVERIFY2(server.started(), qPrintable(server.log()));
    testing::serverKilledDuringTransfers(server, [&] { return ftpConfig(server); });
}

void tst_FtpRelay::hungServerTimesOut()
{
    testing::ProFtpd server;
    QVERIFY2(server.started(), qPrintable(server.log()));
    testing::stalledServerTimesOut(server, [&] { return ftpConfig(server); });
}

QTEST_GUILESS_MAIN(tst_FtpRelay)
#include "tst_FtpRelay.moc"
