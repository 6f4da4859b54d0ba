#include "relay/FaultyRelay.h"
#include "relay/MemoryRelay.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QTest>
#include <memory>

using namespace escale::relay;

class tst_FaultyRelay : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void passesThrough();
    void scriptedFailures();
    void randomFailuresAreReproducible();
    void truncatesAndCorrupts();
    void staleAndReorderedListings();
    void dropsUploads();
    void delays();

private:
    std::shared_ptr<MemoryStore> m_store;
    std::unique_ptr<MemoryRelay> m_inner;
    std::unique_ptr<FaultyRelay> m_relay;
};

namespace {
RelayError put(RelayBackend& r, const QString& path, const QByteArray& bytes)
{
    QBuffer source;
    source.setData(bytes);
    source.open(QIODevice::ReadOnly);
    std::unique_ptr<RelayJob> job(r.put(path, &source, bytes.size(), WriteMode::Replace));
    return waitFor(job.get());
}
QByteArray get(RelayBackend& r, const QString& path, RelayError* error = nullptr)
{
    QBuffer sink;
    sink.open(QIODevice::WriteOnly);
    std::unique_ptr<RelayJob> job(r.get(path, &sink));
    const RelayError e = waitFor(job.get());
    if (error)
        *error = e;
    return sink.data();
}
QStringList listNames(RelayBackend& r, const QString& folder, RelayError* error = nullptr)
{
    std::unique_ptr<RelayJob> job(r.list(folder));
    const RelayError e = waitFor(job.get());
    if (error)
        *error = e;
    QStringList out;
    for (const RelayEntry& entry : job->entries())
        out << entry.name;
    return out;
}
} // namespace

void tst_FaultyRelay::init()
{
    m_store = std::make_shared<MemoryStore>();
    m_inner = std::make_unique<MemoryRelay>(m_store);
    m_relay = std::make_unique<FaultyRelay>(m_inner.get());
}

void tst_FaultyRelay::passesThrough()
{
    QVERIFY(put(*m_relay, "a/x", "hello").ok());
    QCOMPARE(get(*m_relay, "a/x"), QByteArray("hello"));
    QCOMPARE(listNames(*m_relay, "a"), QStringList{"x"});
    QCOMPARE(m_relay->injectedFaults(), 0);
}

void tst_FaultyRelay::scriptedFailures()
{
    m_relay->failNext(FaultyRelay::Op::Put, 2, RelayError::Kind::Busy);
    QCOMPARE(put(*m_relay, "a/x", "1").kind, RelayError::Kind::Busy);
    QCOMPARE(put(*m_relay, "a/x", "2").kind, RelayError::Kind::Busy);
    QVERIFY(!m_store->contains("a/x"));
    QVERIFY(put(*m_relay, "a/x", "3").ok());
    QCOMPARE(m_store->object("a/x"), QByteArray("3"));
    m_relay->failNext(FaultyRelay::Op::Get, 1, RelayError::Kind::Timeout);
    RelayError e;
    get(*m_relay, "a/x", &e);
    QCOMPARE(e.kind, RelayError::Kind::Timeout);
    QVERIFY(e.isRetryable());
    QCOMPARE(get(*m_relay, "a/x"), QByteArray("3"));
    QCOMPARE(m_relay->injectedFaults(), 3);
}

void tst_FaultyRelay::randomFailuresAreReproducible()
{
    auto pattern = [this](quint32 seed) {
        FaultyRelay r(m_inner.get());
        r.setSeed(seed);
        r.setFailureRate(0.5);
        QString out;
        for (int i = 0; i < 40; ++i)
            out += put(r, "k", "v").ok() ? '.' : 'x';
        return out;
    };
    const QString a = pattern(7);
    QCOMPARE(pattern(7), a);
    QVERIFY(a.contains('x'));
    QVERIFY(a.contains('.'));
}

void tst_FaultyRelay::truncatesAndCorrupts()
{
    const QByteArray data(1000, 'a');
    QVERIFY(put(*m_relay, "o", data).ok());
    m_relay->truncateNextGets(1);
    RelayError e;
    const QByteArray truncated = get(*m_relay, "o", &e);
    QVERIFY(e.ok()); // the relay lies: success, but half the bytes
    QCOMPARE(truncated.size(), 500);
    m_relay->corruptNextGets(1);
    const QByteArray corrupted = get(*m_relay, "o", &e);
    QVERIFY(e.ok());
    QCOMPARE(corrupted.size(), data.size());
    QVERIFY(corrupted != data);
    QCOMPARE(get(*m_relay, "o"), data);
    QCOMPARE(m_store->object("o"), data); // the stored object itself is intact
}

void tst_FaultyRelay::staleAndReorderedListings()
{
    QVERIFY(put(*m_relay, "d/a", "1").ok());
    QCOMPARE(listNames(*m_relay, "d"), QStringList{"a"});
    QVERIFY(put(*m_relay, "d/b", "2").ok());
    m_relay->serveStaleListings(1);
    QCOMPARE(listNames(*m_relay, "d"), QStringList{"a"}); // stale
    QCOMPARE(listNames(*m_relay, "d").size(), 2);         // fresh again

    for (int i = 0; i < 20; ++i)
        QVERIFY(put(*m_relay, QString("r/%1").arg(i, 2, 10, QChar('0')), "x").ok());
    const QStringList ordered = listNames(*m_relay, "r");
    m_relay->setReorderListings(true);
    const QStringList shuffled = listNames(*m_relay, "r");
    QCOMPARE(QSet<QString>(shuffled.begin(), shuffled.end()), QSet<QString>(ordered.begin(), ordered.end()));
    QVERIFY(shuffled != ordered);
}

void tst_FaultyRelay::dropsUploads()
{
    m_relay->dropNextPuts(1);
    QVERIFY(put(*m_relay, "lost", "data").ok());
    QVERIFY(!m_store->contains("lost"));
    QVERIFY(put(*m_relay, "kept", "data").ok());
    QVERIFY(m_store->contains("kept"));
}

void tst_FaultyRelay::delays()
{
    m_relay->setDelay(100);
    QElapsedTimer t;
    t.start();
    QVERIFY(put(*m_relay, "x", "1").ok());
    QVERIFY(t.elapsed() >= 90);
}

QTEST_GUILESS_MAIN(tst_FaultyRelay)
#include "tst_FaultyRelay.moc"
