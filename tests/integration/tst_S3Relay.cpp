// The S3 relay against a real S3 server on 127.0.0.1 that checks SigV4 signatures
// (@20minutes/s3rver): the backend contract, the errors users meet, and three engines
// converging through it.
#include "EngineScenario.h"
#include "RelayCalls.h"
#include "RelayServers.h"
#include "SyncHarness.h"
#include "relay/RelayFactory.h"
#include "relay/s3/S3Relay.h"
#include "sync/Streams.h"

#include <QBuffer>
#include <QLoggingCategory>

using namespace escale;

namespace {

config::RepositoryConfig s3Config(const QString& url, const QString& secret = "S3RVER")
{
    return testing::relayConfig("s3", url, secret);
}

} // namespace

using testing::get;
using testing::put;
using testing::runJob;

class tst_S3Relay : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void listingParser();
    void backendContract();
    void errorsNameCauseAndRemedy();
    void largeObjectsGoInParts();
    void listingsGoPageByPage();
    void threeEnginesConverge();
    void serverKilledDuringTransfers();
    void stalledServerTimesOut();

private:
    std::unique_ptr<testing::S3rver> m_server;
};

void tst_S3Relay::initTestCase()
{
    m_server = std::make_unique<testing::S3rver>();
    QVERIFY2(m_server->started(), qPrintable(m_server->log()));
}

void tst_S3Relay::listingParser()
{
    const QByteArray xml = R"(<?xml version="1.0" encoding="UTF-8"?>
<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>b</Name><Prefix>repo/data/</Prefix>
<KeyCount>3</KeyCount><MaxKeys>1000</MaxKeys><Delimiter>/</Delimiter><IsTruncated>true</IsTruncated>
<Contents><Key>repo/data/one</Key><LastModified>2026-11-25T10:00:00.000Z</LastModified><ETag>"abc"</ETag>
<Size>12</Size><StorageClass>STANDARD</StorageClass></Contents>
<CommonPrefixes><Prefix>repo/data/ab/</Prefix></CommonPrefixes>
<NextContinuationToken>token+/=</NextContinuationToken></ListBucketResult>)";
    QString error;
    const auto page = relay::S3Relay::parseListing(xml, "repo/data/", error);
    QVERIFY2(page, qPrintable(error));
    QCOMPARE(page->entries.size(), 2);
    QCOMPARE(page->entries.at(0).name, QString("one"));
    QCOMPARE(page->entries.at(0).size, 12);
    QVERIFY(page->entries.at(0).modified.isValid());
    QCOMPARE(page->entries.at(1).name, QString("ab"));
    QVERIFY(page->entries.at(1).isDirectory);
    QCOMPARE(page->continuation, QString("token+/="));
    QVERIFY(!relay::S3Relay::parseListing("<ListBucketResult><Contents>", "", error));
}

void tst_S3Relay::backendContract()
{
    QString error;
    auto relay = relay::createRelay(s3Config(m_server->url("contract")), error);
    QVERIFY2(relay, qPrintable(error));
    QStringList root;
    testing::checkNewRelay(*relay, root);
    // (s3rver's file store reports no CommonPrefixes for keys two levels down: the parser's test
    // covers them; the engine itself only lists objects.)
    QVERIFY2(root.contains("escale-repository.json"), qPrintable(root.join(", ")));

    testing::checkRemoval(*relay);
}

void tst_S3Relay::errorsNameCauseAndRemedy()
{
    QString error;
    auto relay = relay::createRelay(s3Config(m_server->url("errors"), "wrong secret"), error);
    relay::RelayError e = put(*relay, "a", "b");
    QCOMPARE(e.kind, relay::RelayError::Kind::Auth);
    QVERIFY2(e.message.contains("refuses the credentials") && e.message.contains("SignatureDoesNotMatch"),
             qPrintable(e.message));

    relay = relay::createRelay(
        s3Config(QString("s3+http://S3RVER@127.0.0.1:%1/nosuchbucket/x").arg(m_server->port())), error);
    e = put(*relay, "a", "b");
    QVERIFY2(e.message.contains("the bucket 'nosuchbucket' does not exist"), qPrintable(e.message));

    config::RepositoryConfig none = s3Config(m_server->url());
    none.password = {};
    none.relay.user.clear();
    qunsetenv("AWS_ACCESS_KEY_ID");
    QVERIFY(!relay::createRelay(none, error));
    QVERIFY2(error.contains("no S3 credentials"), qPrintable(error));
}

void tst_S3Relay::largeObjectsGoInParts()
{
    QString error;
    auto settings = relay::S3Relay::settingsFromConfig(s3Config(m_server->url("parts")), error);
    QVERIFY2(settings, qPrintable(error));
    settings->multipartAbove = 2 * 1024 * 1024;
    settings->partSize = 1024 * 1024;
    relay::S3Relay relay(*settings);
    QByteArray big(3 * 1024 * 1024 + 5, Qt::Uninitialized);
    for (qsizetype i = 0; i < big.size(); ++i)
        big[i] = char(i * 7 + (i >> 10));

    // From a sequential source, as the engine sends (a chunk read through its hash).
    QLoggingCategory::setFilterRules("escale.relay.debug=true");
    QTest::ignoreMessage(QtDebugMsg, "data/cd/big: sent in 4 parts");
    QBuffer buffer(&big);
    buffer.open(QIODevice::ReadOnly);
    sync::HashingReader source(&buffer, big.size());
    source.open(QIODevice::ReadOnly);
    QVERIFY(runJob(relay.put("data/cd/big", &source, big.size(), relay::WriteMode::Fresh)).ok());
    QLoggingCategory::setFilterRules("escale.relay.debug=false");
    QVERIFY(get(relay, "data/cd/big") == big);
    std::unique_ptr<relay::RelayJob> job(relay.list("data/cd"));
    QVERIFY(relay::waitFor(job.get()).ok());
    QCOMPARE(job->entries().value(0).size, big.size());

    // A source that ends early: the upload is abandoned, nothing is published.
    QBuffer shorter;
    shorter.setData(big.left(2 * 1024 * 1024 + 100));
    shorter.open(QIODevice::ReadOnly);
    const relay::RelayError e =
        runJob(relay.put("data/cd/short", &shorter, big.size(), relay::WriteMode::Fresh));
    QVERIFY2(e.message.contains("ended 1048481 bytes early"), qPrintable(e.message));
    relay::RelayError missing;
    get(relay, "data/cd/short", &missing);
    QCOMPARE(missing.kind, relay::RelayError::Kind::NotFound);
    // Below the threshold (one PUT), a body that ends early is an error too, never a success.
    QBuffer small;
    small.setData(big.left(1000));
    small.open(QIODevice::ReadOnly);
    const relay::RelayError once = runJob(relay.put("data/cd/one", &small, 1500, relay::WriteMode::Fresh));
    QVERIFY2(once.message.contains("ended after 1000 of 1500 bytes"), qPrintable(once.message));
}

void tst_S3Relay::listingsGoPageByPage()
{
    // ListObjectsV2 with continuation: pages of two keys, seven objects.
    QString error;
    auto settings = relay::S3Relay::settingsFromConfig(s3Config(m_server->url("pages")), error);
    QVERIFY2(settings, qPrintable(error));
    settings->pageSize = 2;
    relay::S3Relay relay(*settings);
    QStringList written;
    for (int i = 0; i < 7; ++i) {
        written << QString("key %1+").arg(i);
        QVERIFY(put(relay, "heads/" + written.last(), QByteArray::number(i)).ok());
    }
    std::unique_ptr<relay::RelayJob> job(relay.list("heads"));
    const relay::RelayError e = relay::waitFor(job.get());
    QVERIFY2(e.ok(), qPrintable(e.message));
    QStringList listed;
    for (const relay::RelayEntry& entry : job->entries())
        listed << entry.name;
    QCOMPARE(listed, written);
}

void tst_S3Relay::threeEnginesConverge()
{
    testing::threeEnginesConverge(
        [this] { return testing::encrypted(s3Config(m_server->url("engines")), "s3 secret"); });
}

void tst_S3Relay::serverKilledDuringTransfers()
{
    // A server of its own: this one is killed and restarted.
    testing::S3rver server;
    QVERIFY2(server.started(), qPrintable(server.log()));
    testing::serverKilledDuringTransfers(server, [&] {
        config::RepositoryConfig c = s3Config(server.url("killed"));
        c.timeoutMs = 20'000;
        return c;
    });
}

void tst_S3Relay::stalledServerTimesOut()
{
    testing::S3rver server;
    QVERIFY2(server.started(), qPrintable(server.log()));
    testing::stalledServerTimesOut(server, [&] { return s3Config(server.url("stalled")); });
}

QTEST_GUILESS_MAIN(tst_S3Relay)
#include "tst_S3Relay.moc"
