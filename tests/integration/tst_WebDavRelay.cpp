// The WebDAV relay against real servers on 127.0.0.1: Apache mod_dav (the reference) and
// rclone serve webdav over HTTP and HTTPS. The backend contract, the errors users meet, and
// three engines converging through it.
#include "EngineScenario.h"
#include "RelayCalls.h"
#include "RelayServers.h"
#include "SyncHarness.h"
#include "config/ConfigLoader.h"
#include "relay/RelayFactory.h"
#include "sync/SyncEngine.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QTimer>

using namespace escale;

namespace {

config::RepositoryConfig davConfig(const QString& url, const QString& password = "testpw",
                                   const QString& ca = {})
{
    config::RepositoryConfig c = testing::relayConfig("dav", url, password);
    c.caCertificate = ca;
    return c;
}

} // namespace

using testing::get;
using testing::put;
using testing::runJob;

class tst_WebDavRelay : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void backendContract_data();
    void backendContract();
    void errorsNameCauseAndRemedy();
    void onceExitCodes();
    void bandwidthLimits();
    void trustPinsTheCertificate();
    void clientCertificateIsPresented();
    void busyAndFullServers();
    void serverKilledDuringTransfers();
    void stalledServerTimesOut();
    void startUpRequests();
    void threeEnginesConverge_data();
    void threeEnginesConverge();
};

void tst_WebDavRelay::backendContract_data()
{
    QTest::addColumn<QString>("server");
    QTest::newRow("apache") << "apache";
    QTest::newRow("apache digest") << "apache digest";
    QTest::newRow("nginx") << "nginx";
    QTest::newRow("lighttpd") << "lighttpd";
    QTest::newRow("rclone") << "rclone";
    QTest::newRow("rclone https") << "rclone https";
}

void tst_WebDavRelay::backendContract()
{
    QFETCH(QString, server);
    std::unique_ptr<testing::Server> s;
    config::RepositoryConfig c;
    if (server.startsWith("apache")) {
        auto* a = new testing::ApacheDav(server.endsWith("digest"));
        s.reset(a);
        c = davConfig(a->url());
    } else if (server == "nginx") {
        auto* n = new testing::NginxDav;
        s.reset(n);
        c = davConfig(n->url());
    } else if (server == "lighttpd") {
        auto* l = new testing::LighttpdDav;
        s.reset(l);
        c = davConfig(l->url());
    } else {
        auto* r = new testing::RcloneWebDav(server.endsWith("https"));
        s.reset(r);
        c = davConfig(r->url(server.endsWith("https") ? "webdavs" : "webdav"), "testpw", r->certificate());
    }
    QVERIFY2(s->started(), qPrintable(s->log()));
    QString error;
    auto relay = relay::createRelay(c, error);
    QVERIFY2(relay, qPrintable(error));
    relay->setTemporaryPrefix("0123456789abcdef");

    QCOMPARE(runJob(relay->list("")).kind, relay::RelayError::Kind::NotFound); // no repository folder yet
    QVERIFY(runJob(relay->makeFolder("")).ok());
    QVERIFY(runJob(relay->makeFolder("data/ab")).ok());
    QVERIFY(runJob(relay->makeFolder("data/ab")).ok()); // twice is fine
    QVERIFY(put(*relay, "data/ab/new one", "spaces", relay::WriteMode::CreateExclusive).ok());
    QMap<QString, qint64> names;
    testing::checkObjects(*relay, names);
    QCOMPARE(names.keys(), (QStringList{"big", "new one", "one"}));
    std::unique_ptr<relay::RelayJob> job(relay->list(""));
    QVERIFY(relay::waitFor(job.get()).ok());
    bool dataIsFolder = false;
    for (const relay::RelayEntry& e : job->entries())
        dataIsFolder = dataIsFolder || (e.name == "data" && e.isDirectory);
    QVERIFY(dataIsFolder);

    QVERIFY(runJob(relay->remove("data/ab/one")).ok());
    QCOMPARE(runJob(relay->remove("data/ab/one")).kind, relay::RelayError::Kind::NotFound);
    relay::RelayError e;
    get(*relay, "data/ab/one", &e);
    QCOMPARE(e.kind, relay::RelayError::Kind::NotFound);
    QCOMPARE(runJob(relay->list("nothing/here")).kind, relay::RelayError::Kind::NotFound);
    // Temporary upload names are gone once published.
    job.reset(relay->list("tmp"));
    QVERIFY(relay::waitFor(job.get()).ok());
    QCOMPARE(job->entries().size(), 0);
}

void tst_WebDavRelay::errorsNameCauseAndRemedy()
{
    testing::RcloneWebDav https(true);
    QVERIFY2(https.started(), qPrintable(https.log()));
    QString error;

    // Wrong password: Auth, said once, no retry storm.
    auto relay = relay::createRelay(davConfig(https.url("webdavs"), "wrong", https.certificate()), error);
    relay::RelayError e = runJob(relay->makeFolder(""));
    QCOMPARE(e.kind, relay::RelayError::Kind::Auth);
    QVERIFY2(e.message.contains("wrong user name or password"), qPrintable(e.message));

    // A self-signed certificate nobody vouched for: refused, with its fingerprint.
    relay = relay::createRelay(davConfig(https.url("webdavs")), error);
    e = runJob(relay->makeFolder(""));
    QCOMPARE(e.kind, relay::RelayError::Kind::Tls);
    QVERIFY2(e.message.contains("not trusted") && e.message.contains("SHA-256"), qPrintable(e.message));
    // Pinned by that fingerprint: accepted.
    const QString pin = e.message.section("SHA-256 ", 1).section(")", 0, 0);
    config::RepositoryConfig pinned = davConfig(https.url("webdavs"));
    pinned.pinnedCertificateSha256 = QByteArray::fromHex(pin.toLatin1().replace(':', ""));
    relay = relay::createRelay(pinned, error);
    e = runJob(relay->makeFolder(""));
    QVERIFY2(e.ok(), qPrintable(e.message));
    // Large bodies go over a socket of the relay's own, held to the same pin.
    const QByteArray big(2 * 1024 * 1024, 'p');
    e = put(*relay, "big", big);
    QVERIFY2(e.ok(), qPrintable(e.message));
    QVERIFY(get(*relay, "big") == big);

    // 'verify ssl = no': it goes through, with a warning each time a relay is set up.
    config::RepositoryConfig unchecked = davConfig(https.url("webdavs"));
    unchecked.verifySsl = false;
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression("TLS certificates of 127.0.0.1 are not checked"));
    relay = relay::createRelay(unchecked, error);
    e = put(*relay, "unchecked", QByteArray(1024 * 1024, 'u'));
    QVERIFY2(e.ok(), qPrintable(e.message));

    // A CA file that holds no certificate: said when the relay is set up, not ignored.
    QTemporaryDir dir;
    harness::writeFile(dir.filePath("ca.pem"), "not a certificate");
    QVERIFY(!relay::createRelay(davConfig(https.url("webdavs"), "testpw", dir.filePath("ca.pem")), error));
    QVERIFY2(error.contains("'ca certificate' file"), qPrintable(error));

    // Nothing listening: Network, naming the host and what to check.
    const int closed = testing::freePort();
    relay = relay::createRelay(davConfig(QString("webdav://tester@127.0.0.1:%1/repo").arg(closed)), error);
    e = runJob(relay->makeFolder(""));
    QCOMPARE(e.kind, relay::RelayError::Kind::Network);
    QVERIFY2(e.message.contains("refused the connection"), qPrintable(e.message));
}

void tst_WebDavRelay::onceExitCodes()
{
    // `escale --once` over WebDAV: 0 when it works, 3 for a wrong password, 4 when nothing answers.
    testing::ApacheDav apache;
    QVERIFY2(apache.started(), qPrintable(apache.log()));
    QTemporaryDir root;
    auto secret = [&](const QString& name, const QByteArray& text) {
        harness::writeFile(root.filePath(name), text);
        QFile::setPermissions(root.filePath(name), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        return root.filePath(name);
    };
    const QString good = secret("good", "testpw\n"), bad = secret("bad", "nope\n");
    auto config = [&](const QString& name, const QString& url, const QString& password) {
        const QString path = root.filePath(name + ".conf");
        harness::writeFile(
            path, QString("[dav]\nlocal path = %1\nrelay address = %2\npassword = %3\nstate dir = %4\n"
                          "retries = 1\ntimeout = 10\n")
                      .arg(root.filePath(name), url, password, root.filePath("state-" + name))
                      .toUtf8());
        QDir().mkpath(root.filePath(name));
        return path;
    };
    auto once = [&](const QString& conf, QString* err = nullptr) {
        QProcess p;
        p.start(qEnvironmentVariable("ESCALE_BIN"), {"--once", "-c", conf});
        p.waitForFinished(60'000);
        if (err)
            *err = QString::fromUtf8(p.readAllStandardError());
        return p.exitCode();
    };
    harness::writeFile(root.filePath("ok/hello.txt"), "hello over WebDAV");
    QString err;
    QCOMPARE(once(config("ok", apache.url(), good), &err), 0);
    QVERIFY(QFile::exists(apache.root() + "/repo/escale-repository.json"));
    QCOMPARE(once(config("wrong", apache.url(), bad), &err), 3);
    QVERIFY2(err.contains("wrong user name or password"), qPrintable(err));
    QCOMPARE(once(config("down", QString("webdav://tester@127.0.0.1:%1/repo").arg(testing::freePort()), good),
                  &err),
             4);
    QVERIFY2(err.contains("refused the connection"), qPrintable(err));
}

void tst_WebDavRelay::bandwidthLimits()
{
    // 'bandwidth limit up/down': 1 MiB at 256 KiB/s cannot take less than about 4 s (only a
    // lower bound is checked: a busy machine is slower, never faster).
    testing::RcloneWebDav server;
    QVERIFY2(server.started(), qPrintable(server.log()));
    config::RepositoryConfig c = davConfig(server.url());
    c.bandwidthUp = 256 * 1024;
    c.bandwidthDown = 256 * 1024;
    QString error;
    auto relay = relay::createRelay(c, error);
    QVERIFY(runJob(relay->makeFolder("")).ok());
    QByteArray data(1024 * 1024, Qt::Uninitialized);
    for (qsizetype i = 0; i < data.size(); ++i)
        data[i] = char(i * 7 + (i >> 10));
    QElapsedTimer t;
    t.start();
    QVERIFY(put(*relay, "limited", data).ok());
    const qint64 up = t.restart();
    QCOMPARE(get(*relay, "limited"), data);
    const qint64 down = t.elapsed();
    QVERIFY2(up >= 3000, qPrintable(QString::number(up)));
    QVERIFY2(down >= 3000, qPrintable(QString::number(down)));
}

void tst_WebDavRelay::serverKilledDuringTransfers()
{
    testing::RcloneWebDav server;
    QVERIFY2(server.started(), qPrintable(server.log()));
    testing::serverKilledDuringTransfers(server, [&] { return davConfig(server.url()); });
}

void tst_WebDavRelay::clientCertificateIsPresented()
{
    // 'certificate' and 'private key': a server that wants a client certificate gets it, on
    // the requests QNAM sends and on the large uploads that go straight to a socket.
    testing::RcloneWebDav server(true, true);
    QVERIFY2(server.started() && !server.clientCertificate().isEmpty(), qPrintable(server.log()));
    QString error;
    auto anonymous =
        relay::createRelay(davConfig(server.url("webdavs"), "testpw", server.certificate()), error);
    QVERIFY2(anonymous, qPrintable(error));
    const relay::RelayError refused = runJob(anonymous->makeFolder(""));
    QCOMPARE(refused.kind, relay::RelayError::Kind::Tls);
    QVERIFY2(refused.message.contains("'certificate' and 'private key'"), qPrintable(refused.message));

    config::RepositoryConfig c = davConfig(server.url("webdavs"), "testpw", server.certificate());
    c.certificate = server.clientCertificate();
    c.privateKey = server.clientKey();
    auto relay = relay::createRelay(c, error);
    QVERIFY2(relay, qPrintable(error));
    relay::RelayError e = runJob(relay->makeFolder(""));
    QVERIFY2(e.ok(), qPrintable(e.message));
    const QByteArray big(2 * 1024 * 1024 + 1, 'c');
    e = put(*relay, "big", big);
    QVERIFY2(e.ok(), qPrintable(e.message));
    QVERIFY(get(*relay, "big") == big);
}

void tst_WebDavRelay::busyAndFullServers()
{
    testing::ApacheDav apache;
    QVERIFY2(apache.started(), qPrintable(apache.log()));
    QString error;
    auto relay = relay::createRelay(davConfig(apache.url()), error);
    QVERIFY2(relay, qPrintable(error));
    QVERIFY(runJob(relay->makeFolder("")).ok());

    // 503 with 'Retry-After: 2': asked again after that delay, not before, and it goes through.
    apache.setBusy(true);
    QTimer::singleShot(1000, [&apache] { apache.setBusy(false); });
    QElapsedTimer clock;
    clock.start();
    relay::RelayError e = put(*relay, "after-busy", "x");
    QVERIFY2(e.ok(), qPrintable(e.message));
    QVERIFY2(clock.elapsed() >= 1900, qPrintable(QString::number(clock.elapsed()))); // a lower bound only
    QCOMPARE(apache.accessLog().filter(QRegularExpression(" 503$")).size(), 1);
    QCOMPARE(get(*relay, "after-busy"), QByteArray("x"));

    // 507: the relay is full, said once (not retried), and nothing is written.
    apache.setFull(true);
    e = put(*relay, "too-much", QByteArray(1024 * 1024, 'f'));
    QCOMPARE(e.kind, relay::RelayError::Kind::Quota);
    QVERIFY2(e.message.contains("is full") && e.message.contains("raise its quota"), qPrintable(e.message));
    // (Apache logs a request once it is done with the connection: a moment later.)
    QTRY_COMPARE(apache.accessLog().filter(QRegularExpression(" 507$")).size(), 1);
    apache.setFull(false);
    relay::RelayError missing;
    get(*relay, "too-much", &missing);
    QCOMPARE(missing.kind, relay::RelayError::Kind::NotFound);
}

void tst_WebDavRelay::trustPinsTheCertificate()
{
    // A self-signed server: escale refuses it (exit 4) until `escalectl trust` pins the
    // certificate the user checked; a wrong fingerprint writes nothing.
    testing::RcloneWebDav https(true);
    QVERIFY2(https.started(), qPrintable(https.log()));
    QTemporaryDir root;
    harness::writeFile(root.filePath("pw"), "testpw\n");
    QFile::setPermissions(root.filePath("pw"), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    const QString conf = root.filePath("escale.conf");
    const QByteArray text =
        QString("# mine\n[dav]\nlocal path = %1\nrelay address = %2\npassword = %3\nstate dir = %4\n"
                "retries = 0\n\n[other]\nlocal path = %5\nrelay address = %6\n")
            .arg(root.filePath("folder"), https.url("webdavs"), root.filePath("pw"), root.filePath("state"),
                 root.filePath("other"), root.filePath("relay2"))
            .toUtf8();
    harness::writeFile(conf, text);
    QDir().mkpath(root.filePath("folder"));
    QDir().mkpath(root.filePath("other"));
    auto run = [](const QString& program, const QStringList& args, QString* out = nullptr) {
        QProcess p;
        p.start(program, args);
        p.waitForFinished(60'000);
        if (out)
            *out = QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
        return p.exitCode();
    };
    const QString escale = qEnvironmentVariable("ESCALE_BIN"),
                  escalectl = qEnvironmentVariable("ESCALECTL_BIN");
    QString out;
    QCOMPARE(run(escale, {"--once", "-c", conf, "-r", "dav"}, &out), 4);
    QVERIFY2(out.contains("not trusted") && out.contains("SHA-256"), qPrintable(out));

    QCOMPARE(run(escalectl, {"-c", conf, "trust", "dav", "--fingerprint", QString(64, 'A')}, &out), 1);
    QVERIFY2(out.contains("not the one given"), qPrintable(out));
    QCOMPARE(harness::readFile(conf), text);

    QProcess openssl;
    openssl.start("openssl", {"x509", "-in", https.certificate(), "-noout", "-fingerprint", "-sha256"});
    openssl.waitForFinished();
    const QString fingerprint =
        QString::fromLatin1(openssl.readAllStandardOutput()).section('=', 1).trimmed();
    QVERIFY(!fingerprint.isEmpty());
    QCOMPARE(run(escalectl, {"-c", conf, "trust", "dav", "--fingerprint", fingerprint}, &out), 0);
    QVERIFY2(out.contains(fingerprint) && out.contains("Pinned"), qPrintable(out));
    const QString written = QString::fromUtf8(harness::readFile(conf));
    QVERIFY2(written.contains("certificate fingerprint = " + fingerprint + "\n\n[other]"),
             qPrintable(written));
    QVERIFY(written.startsWith("# mine\n[dav]\n"));
    QCOMPARE(run(escale, {"--once", "-c", conf, "-r", "dav"}, &out), 0);
    // Pinned again (the certificate is still outside the system store): the line is replaced,
    // not repeated.
    QCOMPARE(run(escalectl, {"-c", conf, "trust", "dav", "--fingerprint", fingerprint}, &out), 0);
    QCOMPARE(QString::fromUtf8(harness::readFile(conf)).count("certificate fingerprint"), 1);
}

void tst_WebDavRelay::threeEnginesConverge_data()
{
    QTest::addColumn<bool>("encrypted");
    QTest::newRow("plain") << false;
    QTest::newRow("encrypted, digest authentication") << true;
}

void tst_WebDavRelay::threeEnginesConverge()
{
    QFETCH(bool, encrypted);
    testing::ApacheDav apache(encrypted); // the encrypted run also uses Digest authentication
    QVERIFY2(apache.started(), qPrintable(apache.log()));
    testing::threeEnginesConverge([&] {
        const config::RepositoryConfig c = davConfig(apache.url());
        return encrypted ? testing::encrypted(c, "dav secret") : c;
    });
    // On the server's disk too, no content is left.
    QDir data(apache.root() + "/repo/data");
    int left = 0;
    for (const QString& sub : data.entryList(QDir::Dirs | QDir::NoDotAndDotDot))
        left += QDir(data.filePath(sub)).entryList(QDir::Files).size();
    QCOMPARE(left, 0);
}

void tst_WebDavRelay::stalledServerTimesOut()
{
    testing::RcloneWebDav server;
    QVERIFY2(server.started(), qPrintable(server.log()));
    testing::stalledServerTimesOut(server, [&] { return davConfig(server.url()); });
}

// A daemon's start costs three requests before its first idle poll (the header, the heads, its own
// journal): credentials go with the first request (the server took Basic in an earlier run), the
// folders known to exist are not made again, tmp/ is looked at only after a run that may have left
// something there. Counted in Apache's access log.
void tst_WebDavRelay::startUpRequests()
{
    testing::ApacheDav apache;
    QVERIFY2(apache.started(), qPrintable(apache.log()));
    QTemporaryDir root;
    config::RepositoryConfig c = davConfig(apache.url());
    c.localPath = root.filePath("alice");
    c.clientName = "alice";
    c.settleMs = 0; // files as they are (as `escale --once` takes them)
    QDir().mkpath(c.localPath);
    QString state = root.filePath("state/state.db");
    harness::writeFile(c.localPath + "/hello.txt", "hello");
    QString error, clientId;
    // One run of a daemon: a pass, a change or not, passes until quiet.
    auto run = [&](const std::function<void(sync::SyncEngine&)>& body) {
        auto relay = relay::createRelay(c, error);
        QVERIFY2(relay, qPrintable(error));
        sync::SyncEngine engine(c, relay.get(), state);
        QVERIFY2(engine.open(error), qPrintable(error));
        clientId = engine.clientId();
        body(engine);
    };
    auto ok = [](sync::SyncEngine& e) {
        const sync::PassResult r = e.runPass();
        QVERIFY2(r.ok(), qPrintable(r.error));
    };
    // Apache writes a request's line once it answered: read once no line came for a moment.
    auto settledLog = [&] {
        QStringList log = apache.accessLog();
        for (QStringList again;; log = again) {
            QTest::qWait(200);
            if ((again = apache.accessLog()).size() == log.size())
                return log;
        }
    };
    run([&](sync::SyncEngine& e) {
        ok(e);
        ok(e);
    });
    QVERIFY(!QFile::exists(state + "-uploading")); // every upload ended in a pass that went well
    QStringList log = settledLog();
    qsizetype before = log.size();
    run([&](sync::SyncEngine& e) {
        ok(e);
        log = settledLog();
        const QStringList start = log.mid(before);
        QVERIFY2(start.size() <= 3, qPrintable(start.join(" | ")));
        QVERIFY2(start.filter(QRegularExpression(" 401$")).isEmpty(), qPrintable(start.join(" | ")));
        QVERIFY2(start.filter(QRegularExpression("^MKCOL")).isEmpty(), qPrintable(start.join(" | ")));
        before = log.size();
        ok(e);
        const QStringList idle = settledLog().mid(before);
        QCOMPARE(idle.size(), 1); // an idle poll: one listing
        QVERIFY2(idle.first().startsWith("PROPFIND /repo/heads/"), qPrintable(idle.first()));
    });

    // A run cut short while uploading (simulated: its mark, and what it left in tmp/) is cleaned
    // up at the next start; another client's temporary objects stay.
    {
        QFile mark(state + "-uploading");
        QVERIFY(mark.open(QIODevice::WriteOnly));
    }
    harness::writeFile(apache.root() + "/repo/tmp/" + clientId + "-leftover", "cut short");
    harness::writeFile(apache.root() + "/repo/tmp/someoneelse-upload", "under way");
    run([&](sync::SyncEngine& e) { ok(e); });
    QVERIFY(!QFile::exists(apache.root() + "/repo/tmp/" + clientId + "-leftover"));
    QVERIFY(QFile::exists(apache.root() + "/repo/tmp/someoneelse-upload"));
    QVERIFY(!QFile::exists(state + "-uploading"));

    // A folder remembered but gone from the server (removed by hand): the pass that meets it fails,
    // the next makes it again, and the change goes out.
    QVERIFY(QDir(apache.root() + "/repo/journal/" + clientId).removeRecursively());
    harness::writeFile(c.localPath + "/after.txt", "after the folder went");
    run([&](sync::SyncEngine& e) {
        sync::PassResult r = e.runPass();
        for (int i = 0; i < 3 && !r.ok(); ++i)
            r = e.runPass();
        QVERIFY2(r.ok(), qPrintable(r.error));
    });
    QVERIFY2(!QDir(apache.root() + "/repo/journal/" + clientId).entryList(QDir::Files).isEmpty(),
             qPrintable(apache.accessLog().mid(before).join(" | ")));

    // A server that asks for Digest now, where Basic was remembered: the first request's challenge
    // is answered as it asks, and what is remembered follows.
    testing::ApacheDav digest(true);
    QVERIFY2(digest.started(), qPrintable(digest.log()));
    c = davConfig(digest.url());
    c.localPath = root.filePath("alice");
    c.clientName = "alice";
    const QString describe = relay::createRelay(c, error)->describe();
    state = root.filePath("state-digest/state.db");
    QDir().mkpath(root.filePath("state-digest"));
    {
        state::StateDb db;
        QVERIFY2(db.open(state, error), qPrintable(error));
        db.setMeta(state::Meta::RelaySession, QString(R"({"relay":"%1","hint":"basic"})").arg(describe));
    }
    run([&](sync::SyncEngine& e) {
        ok(e);
        QCOMPARE(e.database().meta(state::Meta::RelaySession), QString(R"({"hint":"other","relay":"%1"})").arg(describe));
    });
}

QTEST_GUILESS_MAIN(tst_WebDavRelay)
#include "tst_WebDavRelay.moc"
