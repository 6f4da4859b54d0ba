// Secrets in the keychain (gnome-keyring through qtkeychain, in a private D-Bus session that
// tests/keychain/in-keyring.sh sets up): written, read, removed; preferred to nothing, after an
// explicit environment variable; and real relays (Apache WebDAV, the S3 server) reached with a
// password that is only in the keychain.
#include "RelayCalls.h"
#include "RelayServers.h"
#include "config/Keychain.h"
#include "config/Secrets.h"
#include "relay/RelayFactory.h"

using namespace escale;

class tst_Keychain : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void roundTrip();
    void secretsComeFromTheKeychain();
    void relaysUseTheKeychain_data();
    void relaysUseTheKeychain();
};

void tst_Keychain::initTestCase()
{
    QVERIFY2(config::Keychain::reachable(), "run through tests/keychain/in-keyring.sh");
    qunsetenv("ESCALE_PASSWORD");
    qunsetenv("AWS_ACCESS_KEY_ID");
}

void tst_Keychain::roundTrip()
{
    QString error;
    QVERIFY2(config::Keychain::write("t/password", "s3cr3t-\xc3\xbc", error), qPrintable(error));
    const auto read = config::Keychain::read("t/password", error);
    QVERIFY2(read, qPrintable(error));
    QCOMPARE(*read, QByteArray("s3cr3t-\xc3\xbc"));
    QVERIFY2(config::Keychain::remove("t/password", error), qPrintable(error));
    QVERIFY(!config::Keychain::read("t/password", error));
    QVERIFY2(error.isEmpty(), qPrintable(error)); // simply not there
}

void tst_Keychain::secretsComeFromTheKeychain()
{
    QString error;
    QVERIFY(config::Keychain::write("repo/passphrase", "from the keychain", error));
    const config::SecretSource none;
    auto secret = config::readSecret(none, "ESCALE_PASSPHRASE", "passphrase", error, "repo/passphrase");
    QVERIFY2(secret, qPrintable(error));
    QCOMPARE(*secret, QByteArray("from the keychain"));
    // An environment variable, set on purpose, wins.
    qputenv("ESCALE_PASSPHRASE", "from the environment");
    secret = config::readSecret(none, "ESCALE_PASSPHRASE", "passphrase", error, "repo/passphrase");
    QCOMPARE(*secret, QByteArray("from the environment"));
    qunsetenv("ESCALE_PASSPHRASE");
    // Nowhere: the message names every place it may be kept.
    QVERIFY(!config::readSecret(none, "ESCALE_PASSPHRASE", "passphrase", error, "other/passphrase"));
    QVERIFY2(error.contains("keychain (as 'other/passphrase')") && error.contains("ESCALE_PASSPHRASE"),
             qPrintable(error));
}

void tst_Keychain::relaysUseTheKeychain_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("webdav") << "webdav";
    QTest::newRow("s3") << "s3";
}

void tst_Keychain::relaysUseTheKeychain()
{
    QFETCH(QString, kind);
    std::unique_ptr<testing::Server> server;
    QString url, secret;
    if (kind == "webdav") {
        auto* apache = new testing::ApacheDav;
        server.reset(apache);
        url = apache->url();
        secret = "testpw";
    } else {
        server = std::make_unique<testing::S3rver>();
        url = static_cast<testing::S3rver*>(server.get())->url("keychain");
        secret = "S3RVER";
    }
    QVERIFY2(server->started(), qPrintable(server->log()));
    config::RepositoryConfig c = testing::relayConfig(kind, url, {});
    c.password = {}; // in no file, not in the configuration
    QString error;
    QVERIFY(!relay::createRelay(c, error));
    QVERIFY2(error.contains("keychain (as '" + kind + "/password')"), qPrintable(error));

    QVERIFY2(config::Keychain::write(kind + "/password", secret.toUtf8(), error), qPrintable(error));
    auto relay = relay::createRelay(c, error);
    QVERIFY2(relay, qPrintable(error));
    QVERIFY(testing::runJob(relay->makeFolder("")).ok());
    const relay::RelayError e = testing::put(*relay, "from-keychain", "yes");
    QVERIFY2(e.ok(), qPrintable(e.message));
    QCOMPARE(testing::get(*relay, "from-keychain"), QByteArray("yes"));
}

QTEST_GUILESS_MAIN(tst_Keychain)
#include "tst_Keychain.moc"
