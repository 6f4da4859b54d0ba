// The rclone relay: any rclone remote through one `rclone rcd` per relay. Against a local
// remote and a WebDAV remote (rclone serve webdav), both defined in the environment as rclone
// allows (RCLONE_CONFIG_NAME_TYPE=...): the backend contract, the errors users meet, and three
// engines converging through it.
#include "EngineScenario.h"
#include "RelayCalls.h"
#include "RelayServers.h"
#include "SyncHarness.h"
#include "relay/rclone/RcloneRelay.h"
#include "relay/RelayFactory.h"

#include <QProcess>

using namespace escale;

using testing::put;
using testing::runJob;

class tst_RcloneRelay : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void backendContract();
    void errorsNameCauseAndRemedy();
    void daemonRestartsAfterDying();
    void rcloneErrorsExplained_data();
    void rcloneErrorsExplained();
    void threeEnginesConvergeOnALocalRemote();
    void threeEnginesConvergeOnAWebDavRemote();
    void remoteKilledDuringTransfers();

private:
    // RCLONE_CONFIG_DAVTEST_*: the remote 'davtest' is that server.
    void useWebDavRemote(const testing::RcloneWebDav& server);
    config::RepositoryConfig rcloneConfig(const QString& address) const
    {
        config::RepositoryConfig c = testing::relayConfig("rc", address, {});
        c.rcloneConfig = m_dir.filePath("rclone.conf"); // empty: remotes come from the environment
        return c;
    }

    QTemporaryDir m_dir;
};

void tst_RcloneRelay::initTestCase()
{
    QVERIFY(m_dir.isValid());
    harness::writeFile(m_dir.filePath("rclone.conf"), "");
    qputenv("RCLONE_CONFIG_LOCTEST_TYPE", "local");
}

void tst_RcloneRelay::backendContract()
{
    QString error;
    auto relay = relay::createRelay(rcloneConfig("rclone://loctest/" + m_dir.filePath("contract")), error);
    QVERIFY2(relay, qPrintable(error));
    QStringList root;
    testing::checkNewRelay(*relay, root);
    QCOMPARE(root, (QStringList{"data/", "escale-repository.json", "tmp/"}));
    testing::checkRemoval(*relay);
    QCOMPARE(runJob(relay->remove("data/ab/one")).kind, relay::RelayError::Kind::NotFound);
    // The objects are plain files in the remote's folder.
    QVERIFY(QFile::exists(m_dir.filePath("contract/data/ab/big")));
}

void tst_RcloneRelay::errorsNameCauseAndRemedy()
{
    QString error;
    auto relay = relay::createRelay(rcloneConfig("rclone://nosuchremote/x"), error);
    relay::RelayError e = runJob(relay->list(""));
    QCOMPARE(e.kind, relay::RelayError::Kind::Other);
    QVERIFY2(e.message.contains("no remote named 'nosuchremote'") && e.message.contains("rclone config"),
             qPrintable(e.message));

    config::RepositoryConfig missing = rcloneConfig("rclone://loctest/" + m_dir.filePath("x"));
    missing.rcloneBinary = m_dir.filePath("no-rclone-here");
    relay = relay::createRelay(missing, error);
    e = runJob(relay->list(""));
    QVERIFY2(e.message.contains("cannot run") && e.message.contains("'rclone binary'"),
             qPrintable(e.message));
}

void tst_RcloneRelay::daemonRestartsAfterDying()
{
    // The rcd is killed; the relay notices, says so for what was waiting, and the next request
    // starts a new one. It is stopped with the relay.
    QString error;
    auto relay = relay::createRelay(rcloneConfig("rclone://loctest/" + m_dir.filePath("restart")), error);
    QVERIFY(runJob(relay->makeFolder("")).ok());
    QVERIFY(put(*relay, "a", "first").ok());
    auto daemons = [] {
        QProcess pgrep;
        pgrep.start("pgrep", {"-P", QString::number(QCoreApplication::applicationPid()), "-f", "rclone rcd"});
        pgrep.waitForFinished(10'000);
        return QString::fromUtf8(pgrep.readAllStandardOutput()).split('\n', Qt::SkipEmptyParts);
    };
    const QStringList before = daemons();
    QCOMPARE(before.size(), 1);
    QProcess::execute("kill", {"-9", before.first()});
    QTRY_VERIFY(daemons().isEmpty());
    QTest::qWait(200); // the relay hears of it from its event loop
    QCOMPARE(testing::get(*relay, "a"), QByteArray("first"));
    const QStringList after = daemons();
    QCOMPARE(after.size(), 1);
    QVERIFY(after != before);
    relay.reset();
    QVERIFY(daemons().isEmpty());
}

void tst_RcloneRelay::rcloneErrorsExplained_data()
{
    QTest::addColumn<QString>("said");
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("kind");
    QTest::newRow("missing") << "object not found" << 404 << int(relay::RelayError::Kind::NotFound);
    QTest::newRow("token") << "couldn't list: oauth2: cannot fetch token: 400 Bad Request: invalid_grant"
                           << 500 << int(relay::RelayError::Kind::Auth);
    QTest::newRow("quota") << "upload failed: insufficientStorage: quota exceeded" << 500
                           << int(relay::RelayError::Kind::Quota);
    QTest::newRow("other") << "dial tcp: i/o timeout" << 500 << int(relay::RelayError::Kind::Network);
}

void tst_RcloneRelay::rcloneErrorsExplained()
{
    QFETCH(QString, said);
    QFETCH(int, status);
    QFETCH(int, kind);
    relay::RcloneRelay relay(relay::RcloneRelay::settingsFromConfig(rcloneConfig("rclone://gdrive/x")));
    const relay::RelayError e = relay.explain(said, status, "heads/a");
    QCOMPARE(int(e.kind), kind);
    QVERIFY2(e.message.startsWith("heads/a"), qPrintable(e.message));
}

void tst_RcloneRelay::threeEnginesConvergeOnALocalRemote()
{
    testing::threeEnginesConverge([this] {
        return testing::encrypted(rcloneConfig("rclone://loctest/" + m_dir.filePath("engines")),
                                  "rclone secret");
    });
}

void tst_RcloneRelay::useWebDavRemote(const testing::RcloneWebDav& server)
{
    QProcess obscure;
    obscure.start("rclone", {"obscure", "testpw"});
    QVERIFY(obscure.waitForFinished(20'000));
    qputenv("RCLONE_CONFIG_DAVTEST_TYPE", "webdav");
    qputenv("RCLONE_CONFIG_DAVTEST_URL", QString("http://127.0.0.1:%1/").arg(server.port()).toUtf8());
    qputenv("RCLONE_CONFIG_DAVTEST_VENDOR", "other");
    qputenv("RCLONE_CONFIG_DAVTEST_USER", "tester");
    qputenv("RCLONE_CONFIG_DAVTEST_PASS", obscure.readAllStandardOutput().trimmed());
}

void tst_RcloneRelay::threeEnginesConvergeOnAWebDavRemote()
{
    testing::RcloneWebDav server;
    QVERIFY2(server.started(), qPrintable(server.log()));
    useWebDavRemote(server);
    testing::threeEnginesConverge([this] { return rcloneConfig("rclone://davtest/engines"); });
}

void tst_RcloneRelay::remoteKilledDuringTransfers()
{
    // The server behind the remote dies mid-upload and mid-download, then comes back.
    testing::RcloneWebDav server;
    QVERIFY2(server.started(), qPrintable(server.log()));
    useWebDavRemote(server);
    testing::serverKilledDuringTransfers(server, [this] { return rcloneConfig("rclone://davtest/killed"); });
}

QTEST_GUILESS_MAIN(tst_RcloneRelay)
#include "tst_RcloneRelay.moc"
