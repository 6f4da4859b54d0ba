// escalectl migrate: a relay repository moved to another relay (any backend to any backend)
// while its clients run; every client follows the forwarding record, nothing is lost.
#include "RelayServers.h"
#include "SyncHarness.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

class tst_Migration : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void whileClientsRun_data();
    void whileClientsRun();
    void refusalsLeaveEverythingAsItWas();
    void forgedForwardingRecordIsRefused();
    void backupAndRestoreAcrossBackends();

private:
    struct Run
    {
        int code = -1;
        QString out;
        QString err;
    };
    static Run run(const QString& program, const QStringList& args)
    {
        QProcess p;
        p.start(program, args);
        p.closeWriteChannel();
        if (!p.waitForFinished(180'000))
            return {};
        return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
                QString::fromUtf8(p.readAllStandardError())};
    }
    // A relay for the test: its address and the section keys that reach it.
    struct Endpoint
    {
        QString address;
        QStringList keys; // "key = value"
        std::unique_ptr<testing::Server> server;
    };
    static Endpoint endpoint(const QString& kind, const QTemporaryDir& root, const QString& name)
    {
        Endpoint e;
        if (kind == "file") {
            e.address = root.filePath(name);
            e.keys << "private key ="
                   << "known hosts ="; // what an SFTP relay needed goes
        } else if (kind == "webdav") {
            auto s = std::make_unique<testing::RcloneWebDav>();
            e.address = s->url();
            e.keys << "password = testpw";
            e.server = std::move(s);
        } else if (kind == "s3") {
            auto s = std::make_unique<testing::S3rver>();
            e.address = s->url(name);
            e.keys << "password = S3RVER";
            e.server = std::move(s);
        } else if (kind == "sftp") {
            auto s = std::make_unique<testing::OpenSshd>();
            e.address = s->url(name);
            e.keys << "private key = " + s->clientKey() << "known hosts = " + s->knownHosts();
            e.server = std::move(s);
        }
        return e;
    }
    static QString section(const QTemporaryDir& root, const QString& who, const Endpoint& relay)
    {
        return QString(
                   "# %1's settings\n[docs]\nlocal path = %2\nrelay address = %3\nclient name = %1\n"
                   "state dir = %4\nencryption = on\npassphrase = %5\nrefresh = 1\nchunk size = 1MB\n%6\n")
            .arg(who, root.filePath(who), relay.address, root.filePath(who + "-state"), root.filePath("pass"),
                 relay.keys.filter(QRegularExpression("[^=]$")).join("\n"));
    }

    // alice's encrypted repository on the folder relay `relay1`, one file synced; her
    // configuration (empty if that pass failed).
    QString folderRepository(const QTemporaryDir& root) const
    {
        harness::writeFile(root.filePath("pass"), "migration passphrase");
        const QString alice = root.filePath("alice.conf");
        harness::writeFile(alice, section(root, "alice", endpoint("file", root, "relay1")).toUtf8());
        harness::writeFile(root.filePath("alice/a.txt"), "one");
        return run(m_escale, {"--once", "-c", alice}).code == 0 ? alice : QString();
    }

    QString m_escale;
    QString m_escalectl;
};

void tst_Migration::initTestCase()
{
    m_escale = qEnvironmentVariable("ESCALE_BIN");
    m_escalectl = qEnvironmentVariable("ESCALECTL_BIN");
    QVERIFY(QFile::exists(m_escale));
    QVERIFY(QFile::exists(m_escalectl));
    qunsetenv("ESCALE_PASSWORD");
    qunsetenv("ESCALE_PASSPHRASE");
}

void tst_Migration::whileClientsRun_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::newRow("file to webdav") << "file"
                                    << "webdav";
    QTest::newRow("webdav to s3") << "webdav"
                                  << "s3";
    QTest::newRow("s3 to sftp") << "s3"
                                << "sftp";
    QTest::newRow("sftp to file") << "sftp"
                                  << "file";
}

void tst_Migration::whileClientsRun()
{
    QFETCH(QString, from);
    QFETCH(QString, to);
    QTemporaryDir root;
    harness::writeFile(root.filePath("pass"), "migration passphrase");
    QFile::setPermissions(root.filePath("pass"), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    Endpoint source = endpoint(from, root, "relay1");
    Endpoint destination = endpoint(to, root, "relay2");
    QVERIFY(!source.server || source.server->started());
    QVERIFY(!destination.server || destination.server->started());
    const QString alice = root.filePath("alice.conf"), bob = root.filePath("bob.conf");
    harness::writeFile(alice, section(root, "alice", source).toUtf8() + "# a comment migrate keeps\n");
    harness::writeFile(bob, section(root, "bob", source).toUtf8());
    QDir().mkpath(root.filePath("bob"));
    harness::writeFile(root.filePath("alice/a.txt"), "one");
    QByteArray big(2'500'000, Qt::Uninitialized);
    for (qsizetype i = 0; i < big.size(); ++i)
        big[i] = char(i * 13 + (i >> 9));
    harness::writeFile(root.filePath("alice/sub/big.bin"), big);
    auto bobPass = [&] {
        const Run r = run(m_escale, {"--once", "-c", bob});
        QVERIFY2(r.code == 0, qPrintable(r.err));
    };

    // alice runs; bob has everything before the move.
    QProcess daemon;
    daemon.setProcessChannelMode(QProcess::MergedChannels);
    daemon.start(m_escale, {"--no-gui", "-c", alice});
    QVERIFY(daemon.waitForStarted());
    auto status = [&] {
        return QJsonDocument::fromJson(run(m_escalectl, {"-c", alice, "status", "--json"}).out.toUtf8())
            .object()
            .value("repositories")
            .toArray()
            .first()
            .toObject();
    };
    QTRY_COMPARE_WITH_TIMEOUT(status().value("files_sent").toInt(), 2, 60'000);
    bobPass();
    QCOMPARE(harness::readFile(root.filePath("bob/sub/big.bin")), big);
    const QString relayBefore = status().value("relay").toString();

    // Changes on both sides while the migration runs: alice's daemon goes on, bob syncs once
    // at the same time.
    harness::writeFile(root.filePath("alice/during.txt"), "written by alice during the move");
    harness::writeFile(root.filePath("bob/bob.txt"), "written by bob during the move");
    QProcess bobDuring;
    bobDuring.start(m_escale, {"--once", "-c", bob});
    const QStringList sets = [&] {
        QStringList out;
        for (const QString& k : destination.keys)
            out << "--set" << k;
        return out;
    }();
    const Run migrated =
        run(m_escalectl, QStringList{"-c", alice, "migrate", "docs", destination.address} + sets);
    QVERIFY2(migrated.code == 0, qPrintable(migrated.out + migrated.err));
    QVERIFY2(migrated.out.contains("read back identical") && migrated.out.contains("now uses"),
             qPrintable(migrated.out));
    // bob's pass may have met the forwarding record; then without the new relay's settings it
    // stopped there.
    QVERIFY(bobDuring.waitForFinished(180'000));
    const QString bobSaid = QString::fromUtf8(bobDuring.readAllStandardError());
    QVERIFY2(bobDuring.exitCode() == 0 || bobSaid.contains("the repository moved from"), qPrintable(bobSaid));

    // alice's configuration now names the new relay, keeps its comments, and carries its keys.
    const QString conf = QString::fromUtf8(harness::readFile(alice));
    QVERIFY2(conf.contains("relay address = " + destination.address) &&
                 conf.contains("# a comment migrate keeps") && conf.contains("# alice's settings"),
             qPrintable(conf));
    for (const QString& k : destination.keys)
        QVERIFY2(k.endsWith('=') ? !conf.contains(k.chopped(2)) : conf.contains(k), qPrintable(conf));

    // The running instance follows the record; bob follows it at his next pass (his own
    // section must reach the new relay: the same keys, which he is given here).
    QTRY_VERIFY2_WITH_TIMEOUT(status().value("relay").toString() != relayBefore,
                              qPrintable(QString::fromUtf8(daemon.readAll())), 60'000);
    // bob learns of the move at his next pass. When the new relay needs other credentials, he
    // says so and writes nothing more on the old relay; his section then gets the new relay's
    // keys in place of the old one's (the old relay is not needed any more).
    const Run first = run(m_escale, {"--once", "-c", bob});
    if (first.code != 0) {
        QVERIFY2(!destination.keys.isEmpty(), qPrintable(first.err));
        QVERIFY2(first.err.contains("the repository moved from") &&
                     first.err.contains(QString("escalectl -c %1 migrate docs ").arg(bob)),
                 qPrintable(first.err));
        // The way the message says: migrate on bob's side takes what he left on the old relay
        // and writes the new relay's settings into his section.
        const Run follow =
            run(m_escalectl, QStringList{"-c", bob, "migrate", "docs", destination.address} + sets);
        QVERIFY2(follow.code == 0 && follow.out.contains("finishing an earlier run"),
                 qPrintable(follow.out + follow.err));
    }
    harness::writeFile(root.filePath("bob/after.txt"), "written by bob after the move");
    const auto converged = [&] {
        bobPass();
        return harness::tree(root.filePath("alice")) == harness::tree(root.filePath("bob")) &&
               QFile::exists(root.filePath("alice/after.txt")) &&
               QFile::exists(root.filePath("alice/bob.txt")) &&
               QFile::exists(root.filePath("bob/during.txt"));
    };
    bool same = false;
    for (int i = 0; i < 20 && !same; ++i) {
        same = converged();
        if (!same)
            QTest::qWait(1'000);
    }
    QVERIFY2(same, qPrintable(QString::fromUtf8(daemon.readAll())));
    QVERIFY2(QString::fromUtf8(harness::readFile(bob)).contains("relay address = " + destination.address),
             qPrintable(QString::fromUtf8(harness::readFile(bob))));
    QCOMPARE(harness::readFile(root.filePath("alice/bob.txt")), QByteArray("written by bob during the move"));
    QCOMPARE(harness::readFile(root.filePath("bob/during.txt")),
             QByteArray("written by alice during the move"));
    QCOMPARE(harness::readFile(root.filePath("alice/sub/big.bin")), big);

    // The new relay holds a sound repository with both clients; the old one points to it.
    Run r = run(m_escalectl, {"-c", alice, "verify", "docs", "--passphrase-file", root.filePath("pass")});
    QVERIFY2(r.code == 0 && r.out.contains("2 clients"), qPrintable(r.out + r.err));
    // The old location (readable without keys when it is a folder): the copy left behind,
    // pointing to the new one.
    if (from == "file") {
        r = run(m_escalectl,
                {"verify", source.address, "--json", "--passphrase-file", root.filePath("pass")});
        QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).object().value("forwarded_to").toString(),
                 destination.address);
    }
    r = run(m_escalectl, {"-c", alice, "migrate", "docs", destination.address});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains("is where the repository already is"), qPrintable(r.err));

    QCOMPARE(run(m_escalectl, {"-c", alice, "stop"}).code, 0);
    QVERIFY(daemon.waitForFinished(60'000));
}

void tst_Migration::refusalsLeaveEverythingAsItWas()
{
    QTemporaryDir root;
    const QString alice = folderRepository(root);
    QVERIFY(!alice.isEmpty());
    const QByteArray before = harness::readFile(alice);
    const auto relayBefore = harness::tree(root.filePath("relay1"));
    auto unchanged = [&] {
        return harness::readFile(alice) == before && harness::tree(root.filePath("relay1")) == relayBefore;
    };
    auto ctl = [&](const QStringList& args) {
        return run(m_escalectl, QStringList{"-c", alice} + args);
    };

    // A location holding something else.
    harness::writeFile(root.filePath("busy/notes.txt"), "not a repository");
    Run r = ctl({"migrate", "docs", root.filePath("busy")});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains("is not empty") && r.err.contains("still uses"), qPrintable(r.err));
    QVERIFY(unchanged());
    QCOMPARE(harness::tree(root.filePath("busy")).size(), 1);
    // Bad settings for the destination, an unknown key, the same place, bad arguments.
    r = ctl({"migrate", "docs", root.filePath("relay2"), "--set", "disk quota = lots"});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains("the destination's settings are not valid") && r.err.contains("disk quota"),
             qPrintable(r.err));
    r = ctl({"migrate", "docs", root.filePath("relay2"), "--set", "colour = blue"});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains("'colour' is not a repository key"), qPrintable(r.err));
    QCOMPARE(ctl({"migrate", "docs", root.filePath("relay1")}).code, 2);
    QCOMPARE(ctl({"migrate", "docs"}).code, 2);
    QCOMPARE(ctl({"migrate", root.filePath("relay1"), root.filePath("relay2")}).code, 2);
    // Nothing listens there.
    r = ctl({"migrate", "docs", "webdav://tester@127.0.0.1:9/repo", "--set", "password = x", "--set",
             "retries = 0", "--set", "timeout = 5"});
    QVERIFY2(r.code == 1 || r.code == 4, qPrintable(r.err));
    QVERIFY2(r.err.contains("still uses"), qPrintable(r.err));
    QVERIFY(unchanged());
    QVERIFY(!QFile::exists(root.filePath("relay1/heads/forward")));
    // A wrong passphrase: nothing copied.
    harness::writeFile(root.filePath("wrong"), "not the passphrase");
    r = ctl({"migrate", "docs", root.filePath("relay2"), "--passphrase-file", root.filePath("wrong")});
    QCOMPARE(r.code, 3);
    QVERIFY(unchanged());
    QVERIFY(!QFile::exists(root.filePath("relay2/escale-repository.json")));

    // Done once; a second migration elsewhere is refused (the first one's record stands).
    r = ctl({"migrate", "docs", root.filePath("relay2"), "--json"});
    QCOMPARE(r.code, 0);
    const QJsonObject done = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QVERIFY2(done.value("ok").toBool() && done.value("objects_copied").toInt() >= 4 &&
                 done.value("config_updated").toBool() && !done.value("resumed").toBool() &&
                 done.value("destination").toString() == root.filePath("relay2"),
             qPrintable(r.out));
    QVERIFY(QFile::exists(root.filePath("relay1/heads/forward")));
    const QString old = root.filePath("old.conf");
    harness::writeFile(old, before);
    r = run(m_escalectl, {"-c", old, "migrate", "docs", root.filePath("relay3")});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains("was migrated to " + root.filePath("relay2") + " already"), qPrintable(r.err));
}

void tst_Migration::forgedForwardingRecordIsRefused()
{
    // In an encrypted repository only a passphrase holder can write the record: one written
    // without the key is refused, and the client writes nothing more on that relay.
    QTemporaryDir root;
    const QString alice = folderRepository(root);
    QVERIFY(!alice.isEmpty());
    harness::writeFile(
        root.filePath("relay1/heads/forward"),
        "{\"format\":1,\"type\":\"forward\",\"repository\":\"x\",\"address\":\"/tmp/evil\"}\n");
    harness::writeFile(root.filePath("alice/b.txt"), "two");
    const auto relayBefore = harness::tree(root.filePath("relay1"));
    const Run r = run(m_escale, {"--once", "-c", alice});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains("forwarding record that does not check"), qPrintable(r.err));
    QCOMPARE(harness::tree(root.filePath("relay1")), relayBefore);
    QVERIFY(!QFile::exists("/tmp/evil"));
    QVERIFY(
        QString::fromUtf8(harness::readFile(alice)).contains("relay address = " + root.filePath("relay1")));
}

void tst_Migration::backupAndRestoreAcrossBackends()
{
    // A repository written by escale on a folder relay, backed up, restored into S3, backed up
    // from there, restored into SFTP: the same objects byte for byte each time (the manifests
    // agree), and a new client syncs the whole tree from the last copy.
    QTemporaryDir root;
    harness::writeFile(root.filePath("pass"), "migration passphrase");
    QFile::setPermissions(root.filePath("pass"), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    Endpoint folder = endpoint("file", root, "relay1");
    Endpoint s3 = endpoint("s3", root, "restored");
    Endpoint sftp = endpoint("sftp", root, "restored");
    QVERIFY(s3.server->started() && sftp.server->started());
    const QString conf = root.filePath("escale.conf");
    QString text = section(root, "alice", folder);
    for (const auto& [name, e] : {std::pair<QString, Endpoint*>{"s3", &s3}, {"sftp", &sftp}})
        text += QString("[%1]\nlocal path = %2\nrelay address = %3\n%4\n")
                    .arg(name, root.filePath("unused-" + name), e->address, e->keys.join("\n"));
    harness::writeFile(conf, text.toUtf8());
    harness::writeFile(root.filePath("alice/a.txt"), "one");
    QByteArray big(2'500'000, Qt::Uninitialized);
    for (qsizetype i = 0; i < big.size(); ++i)
        big[i] = char(i * 7 + (i >> 10));
    harness::writeFile(root.filePath("alice/deep/er/big.bin"), big);
    QCOMPARE(run(m_escale, {"--once", "-c", conf, "-r", "docs"}).code, 0);
    auto manifest = [](const QString& zip) {
        QProcess unzip;
        unzip.start("unzip", {"-p", zip, "escale-backup.json"});
        unzip.waitForFinished();
        QMap<QString, QString> out;
        for (const QJsonValue& v :
             QJsonDocument::fromJson(unzip.readAllStandardOutput()).object().value("objects").toArray())
            out.insert(v.toObject().value("path").toString(), v.toObject().value("sha256").toString());
        return out;
    };
    auto ctl = [&](const QStringList& args) {
        const Run r = run(m_escalectl, QStringList{"-c", conf} + args);
        return r.code == 0 ? QString() : r.out + r.err;
    };
    const QString one = root.filePath("one.zip"), two = root.filePath("two.zip"),
                  three = root.filePath("three.zip");
    QCOMPARE(ctl({"backup", "docs", one}), QString());
    QCOMPARE(ctl({"restore", "s3", one}), QString());
    QCOMPARE(ctl({"backup", "s3", two}), QString());
    const Run restored = run(m_escalectl, {"-c", conf, "restore", "sftp", two, "--json"});
    QCOMPARE(restored.code, 0);
    QCOMPARE(QJsonDocument::fromJson(restored.out.toUtf8()).object().value("objects").toInt(),
             int(manifest(two).size()));
    QCOMPARE(ctl({"backup", "sftp", three}), QString());
    const auto objects = manifest(one);
    QVERIFY(objects.size() >= 4); // header, head, journal, the pack of both files
    QCOMPARE(manifest(two), objects);
    QCOMPARE(manifest(three), objects);
    // Restoring over a repository is refused without --force, on a network relay too.
    const Run again = run(m_escalectl, {"-c", conf, "restore", "sftp", one});
    QCOMPARE(again.code, 2);
    QVERIFY2(again.err.contains("is not empty"), qPrintable(again.err));
    // bob joins the copy on SFTP and gets everything.
    const QString bob = root.filePath("bob.conf");
    Endpoint onSftp;
    onSftp.address = sftp.address;
    onSftp.keys = sftp.keys;
    harness::writeFile(bob, section(root, "bob", onSftp).toUtf8());
    QDir().mkpath(root.filePath("bob"));
    const Run joined = run(m_escale, {"--once", "-c", bob});
    QVERIFY2(joined.code == 0, qPrintable(joined.err));
    QCOMPARE(harness::tree(root.filePath("bob")), harness::tree(root.filePath("alice")));
    QCOMPARE(harness::readFile(root.filePath("bob/deep/er/big.bin")), big);
}

QTEST_GUILESS_MAIN(tst_Migration)
#include "tst_Migration.moc"
