// The SFTP relay against OpenSSH's sshd (key logins, a passphrase-protected key, known_hosts)
// and `rclone serve sftp` (password logins), both on 127.0.0.1: the backend contract, the
// host key checks (unknown, pinned, changed), wrong credentials, a server killed mid-transfer or
// hung, and three engines converging through each.
#include "EngineScenario.h"
#include "RelayCalls.h"
#include "RelayServers.h"
#include "SyncHarness.h"
#include "relay/RelayFactory.h"
#include "relay/sftp/SftpRelay.h"

#include <QBuffer>
#include <QElapsedTimer>

using namespace escale;

using testing::put;
using testing::runJob;

class tst_SftpRelay : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keyLoginContract();
    void passphraseProtectedKey();
    void passwordLoginContract();
    void homeRelativePath();
    void unknownHostKeyShownThenPinned();
    void changedHostKeyRefused();
    void wrongPassword();
    void droppedIdleConnections();
    void connectionsOpenedAhead();
    void closingDoesNotWaitForAHungServer();
    void uploadToAHungServerTimesOut();
    void escalectlTrustsTheHostKey();
    void threeEnginesConvergeOverOpenSsh();
    void threeEnginesConvergeOverRclone();
    void serverKilledDuringTransfers();
    void hungServerTimesOut();

private:
    static config::RepositoryConfig sshdConfig(const testing::OpenSshd& server,
                                               const QString& folder = "repo")
    {
        config::RepositoryConfig c = testing::relayConfig("sftp", server.url(folder), QString());
        c.password = {};
        c.privateKey = server.clientKey();
        c.knownHosts = server.knownHosts();
        return c;
    }
    static config::RepositoryConfig rcloneConfig(const testing::RcloneSftp& server,
                                                 const QString& password = "testpw",
                                                 const QString& folder = "repo")
    {
        config::RepositoryConfig c = testing::relayConfig("sftp", server.url(folder), password);
        c.knownHosts = server.knownHosts();
        return c;
    }
    // The host key's fingerprint as `ssh-keygen -l` prints it.
    static QString keygenFingerprint(const QString& publicKey)
    {
        QProcess p;
        p.start("ssh-keygen", {"-l", "-E", "sha256", "-f", publicKey});
        p.waitForFinished(10'000);
        return QString::fromUtf8(p.readAllStandardOutput()).section(' ', 1, 1);
    }
};

void tst_SftpRelay::keyLoginContract()
{
    testing::OpenSshd server;
    QVERIFY2(server.started(), qPrintable(server.log()));
    auto relay = testing::makeRelay(sshdConfig(server));
    QVERIFY(relay);
    QCOMPARE(relay->describe(),
             QString("sftp://root@127.0.0.1:%1%2/repo").arg(server.port()).arg(server.root()));
    testing::checkContract(*relay);
    QCOMPARE(testing::OpenSshd::readAll(server.root() + "/repo/data/ab/big").size(), 3 * 1024 * 1024 + 7);
}

void tst_SftpRelay::passphraseProtectedKey()
{
    testing::OpenSshd server;
    QVERIFY2(server.started(), qPrintable(server.log()));
    config::RepositoryConfig c = sshdConfig(server);
    c.privateKey = server.lockedKey();
    c.password = {config::SecretSource::Kind::Literal, "keypass"}; // the key's passphrase
    auto relay = testing::makeRelay(c);
    QVERIFY(runJob(relay->makeFolder("")).ok());
    QVERIFY(put(*relay, "a", "unlocked").ok());
    QCOMPARE(testing::get(*relay, "a"), QByteArray("unlocked"));

    c.password = {config::SecretSource::Kind::Literal, "not the passphrase"};
    const relay::RelayError e = runJob(testing::makeRelay(c)->list(""));
    QCOMPARE(e.kind, relay::RelayError::Kind::Auth);
    QVERIFY2(e.message.contains("cannot unlock the private key") && e.message.contains("wrong passphrase"),
             qPrintable(e.message));
    QVERIFY(!e.message.contains("not the passphrase"));
}

void tst_SftpRelay::passwordLoginContract()
{
    testing::RcloneSftp server;
    QVERIFY2(server.started(), qPrintable(server.log()));
    auto relay = testing::makeRelay(rcloneConfig(server));
    testing::checkContract(*relay);
}

void tst_SftpRelay::homeRelativePath()
{
    // sftp://host/~/path is under the login's home (here the served folder).
    testing::RcloneSftp server;
    QVERIFY2(server.started(), qPrintable(server.log()));
    auto relay = testing::makeRelay(rcloneConfig(server, "testpw", "~/in/home"));
    QCOMPARE(relay->describe(), QString("sftp://tester@127.0.0.1:%1/~/in/home").arg(server.port()));
    QVERIFY(runJob(relay->makeFolder("")).ok());
    QVERIFY(put(*relay, "x", "home").ok());
    QCOMPARE(testing::OpenSshd::readAll(server.root() + "/in/home/x"), QByteArray("home"));
}

void tst_SftpRelay::unknownHostKeyShownThenPinned()
{
    testing::OpenSshd server;
    QVERIFY2(server.started(), qPrintable(server.log()));
    config::RepositoryConfig c = sshdConfig(server);
    QTemporaryDir empty;
    c.knownHosts = empty.filePath("known_hosts");
    const relay::RelayError e = runJob(testing::makeRelay(c)->list(""));
    QCOMPARE(e.kind, relay::RelayError::Kind::Tls);
    const QString fingerprint = keygenFingerprint(server.hostKey());
    QVERIFY(fingerprint.startsWith("SHA256:"));
    QVERIFY2(e.message.contains("is unknown") && e.message.contains("'host key = " + fingerprint + "'"),
             qPrintable(e.message + " / " + fingerprint));
    // Pinned as the message says: trusted without any known_hosts.
    c.hostKeySha256 = QByteArray::fromBase64(fingerprint.mid(7).toLatin1());
    auto relay = testing::makeRelay(c);
    QVERIFY(runJob(relay->makeFolder("")).ok());
    QVERIFY(put(*relay, "pinned", "yes").ok());
}

void tst_SftpRelay::changedHostKeyRefused()
{
    testing::OpenSshd server;
    QVERIFY2(server.started(), qPrintable(server.log()));
    // known_hosts holds another key for this server: refused loudly, nothing written.
    QTemporaryDir dir;
    QVERIFY(testing::run("ssh-keygen", {"-q", "-t", "ed25519", "-N", "", "-f", dir.filePath("other")}));
    QFile known(dir.filePath("known_hosts"));
    QVERIFY(known.open(QIODevice::WriteOnly));
    known.write(QString("[127.0.0.1]:%1 ").arg(server.port()).toUtf8() +
                testing::OpenSshd::readAll(dir.filePath("other.pub")));
    known.close();
    config::RepositoryConfig c = sshdConfig(server);
    c.knownHosts = known.fileName();
    auto relay = testing::makeRelay(c);
    relay::RelayError e = runJob(relay->makeFolder(""));
    QCOMPARE(e.kind, relay::RelayError::Kind::Tls);
    QVERIFY2(e.message.contains("has CHANGED") && e.message.contains("someone may be in the middle"),
             qPrintable(e.message));
    QVERIFY(!QFile::exists(server.root() + "/repo"));
    // Asked again, the same answer at once (the relay does not keep knocking).
    QCOMPARE(runJob(relay->list("")).kind, relay::RelayError::Kind::Tls);
    // A pin that is not the server's key: refused too.
    c.knownHosts = server.knownHosts();
    c.hostKeySha256 = QByteArray(32, 'x');
    e = runJob(testing::makeRelay(c)->list(""));
    QCOMPARE(e.kind, relay::RelayError::Kind::Tls);
    QVERIFY2(e.message.contains("is NOT the one in 'host key'"), qPrintable(e.message));
}

void tst_SftpRelay::wrongPassword()
{
    testing::RcloneSftp server;
    QVERIFY2(server.started(), qPrintable(server.log()));
    const relay::RelayError e = runJob(testing::makeRelay(rcloneConfig(server, "wrong"))->list(""));
    QCOMPARE(e.kind, relay::RelayError::Kind::Auth);
    QVERIFY2(e.message.contains("refuses the login of 'tester'") && e.message.contains("password"),
             qPrintable(e.message));
}

void tst_SftpRelay::escalectlTrustsTheHostKey()
{
    // Unknown host key: escale stops (exit 4) naming it; `escalectl trust` pins the key the user
    // checked (a wrong one writes nothing); then escale goes through.
    testing::OpenSshd server;
    QVERIFY2(server.started(), qPrintable(server.log()));
    QTemporaryDir root;
    const QString conf = root.filePath("escale.conf");
    const QByteArray text =
        QString("[box]\nlocal path = %1\nrelay address = %2\nprivate key = %3\nknown hosts = %4\n"
                "state dir = %5\nretries = 0\n")
            .arg(root.filePath("folder"), server.url(), server.clientKey(), root.filePath("known_hosts"),
                 root.filePath("state"))
            .toUtf8();
    harness::writeFile(conf, text);
    QDir().mkpath(root.filePath("folder"));
    harness::writeFile(root.filePath("folder/a.txt"), "through ssh");
    harness::writeFile(root.filePath("known_hosts"), ""); // nothing known yet
    const QString escale = qEnvironmentVariable("ESCALE_BIN"),
                  escalectl = qEnvironmentVariable("ESCALECTL_BIN");
    const QString fingerprint = keygenFingerprint(server.hostKey());
    QString out;
    QVERIFY2(testing::runProgram(escale, {"--once", "-c", conf, "-r", "box"}, &out) == 4, qPrintable(out));
    QVERIFY2(out.contains("is unknown") && out.contains(fingerprint), qPrintable(out));
    QCOMPARE(testing::runProgram(escalectl,
                                 {"-c", conf, "trust", "box", "--fingerprint", "SHA256:" + QString(43, 'A')},
                                 &out),
             1);
    QVERIFY2(out.contains("not the one given"), qPrintable(out));
    QCOMPARE(harness::readFile(conf), text);
    QCOMPARE(testing::runProgram(escalectl, {"-c", conf, "trust", "box", "--fingerprint", fingerprint}, &out),
             0);
    QVERIFY2(out.contains("ssh-ed25519") && out.contains(fingerprint) && out.contains("Pinned"),
             qPrintable(out));
    QVERIFY(QString::fromUtf8(harness::readFile(conf)).contains("host key = " + fingerprint + "\n"));
    QCOMPARE(testing::runProgram(escale, {"--once", "-c", conf, "-r", "box"}, &out), 0);
    QCOMPARE(testing::runProgram(escalectl, {"-c", conf, "trust", "box", "--fingerprint", fingerprint}, &out),
             0);
    QVERIFY2(out.contains("already trusted"), qPrintable(out));
}

void tst_SftpRelay::droppedIdleConnections()
{
    // The server drops the connections while they are idle: the next requests notice before
    // using them and connect again, without spending a retry.
    testing::OpenSshd server;
    QVERIFY2(server.started(), qPrintable(server.log()));
    config::RepositoryConfig c = sshdConfig(server);
    c.retries = 0;
    auto relay = testing::makeRelay(c);
    QVERIFY(runJob(relay->makeFolder("")).ok());
    for (int i = 0; i < 3; ++i) {
        QVERIFY(put(*relay, "idle", QByteArray::number(i)).ok());
        server.dropConnections();
        QTest::qWait(200);
        relay::RelayError e;
        QCOMPARE(testing::get(*relay, "idle", &e), QByteArray::number(i));
        server.dropConnections();
        QTest::qWait(200);
    }
}

void tst_SftpRelay::connectionsOpenedAhead()
{
    // The engine says packs are about to travel: the relay logs in on more connections at once (up
    // to 'transfers'), only once a first login worked, and the transfers then use them.
    testing::OpenSshd server;
    QVERIFY2(server.started(), qPrintable(server.log()));
    config::RepositoryConfig c = sshdConfig(server);
    c.transfers = 3;
    auto logins = [&] { return int(server.log().count("Accepted publickey")); };
    auto relay = testing::makeRelay(c);
    relay->expectTransfers(3); // nothing has worked yet: a refused login is met once
    QTest::qWait(300);
    QCOMPARE(logins(), 0);
    QVERIFY(runJob(relay->makeFolder("")).ok());
    QCOMPARE(logins(), 1);
    relay->expectTransfers(10); // no more than 'transfers'
    QTRY_COMPARE(logins(), 3);
    QTest::qWait(300);
    QCOMPARE(logins(), 3);
    // Three uploads at once, on the connections already open.
    QByteArray datas[3];
    QBuffer sources[3];
    std::unique_ptr<relay::RelayJob> jobs[3];
    for (int i = 0; i < 3; ++i) {
        datas[i] = harness::randomBytes(1024 * 1024, quint32(i + 1));
        sources[i].setData(datas[i]);
        sources[i].open(QIODevice::ReadOnly);
        jobs[i].reset(relay->put(QString("pack%1").arg(i), &sources[i], datas[i].size(), relay::WriteMode::Fresh));
    }
    for (auto& job : jobs)
        QVERIFY(relay::waitFor(job.get()).ok());
    QCOMPARE(logins(), 3);
    for (int i = 0; i < 3; ++i) {
        relay::RelayError e;
        QCOMPARE(testing::get(*relay, QString("pack%1").arg(i), &e), datas[i]);
    }
    // Connections opened ahead that the server drops before use: the next transfers connect again.
    server.dropConnections();
    QTest::qWait(200);
    relay->expectTransfers(3); // the dead ones count: nothing opened
    relay::RelayError e;
    QCOMPARE(testing::get(*relay, "pack0", &e), datas[0]);
    QCOMPARE(logins(), 4);
}

void tst_SftpRelay::closingDoesNotWaitForAHungServer()
{
    // A request is stuck on a hung server with a ten-minute timeout; the relay goes away (the
    // application quits): its worker's call is cut, not waited for.
    testing::OpenSshd server;
    QVERIFY2(server.started(), qPrintable(server.log()));
    config::RepositoryConfig c = sshdConfig(server);
    c.timeoutMs = 600'000;
    auto relay = testing::makeRelay(c);
    QVERIFY(runJob(relay->makeFolder("")).ok());
    QVERIFY(put(*relay, "a", "x").ok());
    server.freeze();
    QBuffer sink;
    sink.open(QIODevice::WriteOnly);
    std::unique_ptr<relay::RelayJob> job(relay->get("a", &sink));
    QTest::qWait(500);
    QVERIFY(!job->isFinished());
    QElapsedTimer closing;
    closing.start();
    relay.reset();
    const qint64 ms = closing.elapsed();
    server.thaw();
    QVERIFY2(ms < 60'000, qPrintable(QString::number(ms))); // far below the 600 s it would wait
}

void tst_SftpRelay::uploadToAHungServerTimesOut()
{
    // The server hangs in the middle of an upload (writes are sent many ahead): the upload ends
    // with a timeout that says so after 'timeout', never waits on, and the next request connects
    // again and works.
    testing::OpenSshd server;
    QVERIFY2(server.started(), qPrintable(server.log()));
    config::RepositoryConfig c = sshdConfig(server);
    c.timeoutMs = 2'000;
    c.retries = 0;
    c.bandwidthUp = 2 * 1024 * 1024; // 16 MiB take 8 s: caught in the middle
    auto relay = testing::makeRelay(c);
    QVERIFY(runJob(relay->makeFolder("")).ok());
    const QByteArray data = harness::randomBytes(16 * 1024 * 1024, 7);
    QBuffer source;
    source.setData(data);
    source.open(QIODevice::ReadOnly);
    std::unique_ptr<relay::RelayJob> job(relay->put("big", &source, data.size(), relay::WriteMode::Fresh));
    QTest::qWait(700);
    QVERIFY(!job->isFinished());
    server.freeze();
    QElapsedTimer waited;
    waited.start();
    const relay::RelayError e = relay::waitFor(job.get());
    const qint64 ms = waited.elapsed();
    server.thaw();
    QCOMPARE(e.kind, relay::RelayError::Kind::Timeout);
    QVERIFY2(e.message.contains("sent nothing for 2 s"), qPrintable(e.message));
    QVERIFY2(ms < 60'000, qPrintable(QString::number(ms))); // not the TCP give-up, nor for ever
    QVERIFY(put(*relay, "after", "the server answers again").ok());
    relay::RelayError got;
    QCOMPARE(testing::get(*relay, "after", &got), QByteArray("the server answers again"));
}

void tst_SftpRelay::threeEnginesConvergeOverOpenSsh()
{
    testing::OpenSshd server;
    QVERIFY2(server.started(), qPrintable(server.log()));
    testing::threeEnginesConverge([&] { return testing::encrypted(sshdConfig(server), "sftp secret"); });
}

void tst_SftpRelay::threeEnginesConvergeOverRclone()
{
    testing::RcloneSftp server;
    QVERIFY2(server.started(), qPrintable(server.log()));
    testing::threeEnginesConverge([&] { return rcloneConfig(server); });
}

void tst_SftpRelay::serverKilledDuringTransfers()
{
    testing::OpenSshd server;
    QVERIFY2(server.started(), qPrintable(server.log()));
    testing::serverKilledDuringTransfers(server, [&] { return sshdConfig(server); });
}

void tst_SftpRelay::hungServerTimesOut()
{
    testing::OpenSshd server;
    QVERIFY2(server.started(), qPrintable(server.log()));
    testing::stalledServerTimesOut(server, [&] { return sshdConfig(server); });
}

QTEST_GUILESS_MAIN(tst_SftpRelay)
#include "tst_SftpRelay.moc"
