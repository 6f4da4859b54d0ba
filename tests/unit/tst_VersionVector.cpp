#include "protocol/VersionVector.h"

#include <QTest>

using namespace escale::protocol;
using Order = VersionVector::Order;
Q_DECLARE_METATYPE(VersionVector::Order)

class tst_VersionVector : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void compare_data();
    void compare();
    void incrementAndMerge();
    void text();
};

void tst_VersionVector::compare_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<Order>("order");
    QTest::newRow("empty") << ""
                           << "" << Order::Equal;
    QTest::newRow("equal") << "a:1,b:2"
                           << "a:1,b:2" << Order::Equal;
    QTest::newRow("newer by one counter") << "a:2,b:2"
                                          << "a:1,b:2" << Order::Newer;
    QTest::newRow("newer by a new client") << "a:1,b:2,c:1"
                                           << "a:1,b:2" << Order::Newer;
    QTest::newRow("older") << "a:1"
                           << "a:1,b:1" << Order::Older;
    QTest::newRow("newer than nothing") << "a:1"
                                        << "" << Order::Newer;
    QTest::newRow("concurrent counters") << "a:2,b:1"
                                         << "a:1,b:2" << Order::Concurrent;
    QTest::newRow("concurrent clients") << "a:1"
                                        << "b:1" << Order::Concurrent;
    QTest::newRow("concurrent mixed") << "a:3,c:1"
                                      << "a:3,b:1" << Order::Concurrent;
}

void tst_VersionVector::compare()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(Order, order);
    bool ok = false;
    const VersionVector va = VersionVector::fromString(a, &ok);
    QVERIFY(ok);
    const VersionVector vb = VersionVector::fromString(b, &ok);
    QVERIFY(ok);
    QCOMPARE(va.compare(vb), order);
    const Order reverse = order == Order::Newer ? Order::Older : order == Order::Older ? Order::Newer : order;
    QCOMPARE(vb.compare(va), reverse);
}

void tst_VersionVector::incrementAndMerge()
{
    const VersionVector a = VersionVector().incremented("a");
    QCOMPARE(a.toString(), QString("a:1"));
    const VersionVector b = a.incremented("b");
    QVERIFY(b.supersedes(a));
    const VersionVector c = a.incremented("c");
    QCOMPARE(b.compare(c), Order::Concurrent);
    const VersionVector m = b.merged(c);
    QCOMPARE(m.toString(), QString("a:1,b:1,c:1"));
    QVERIFY(m.supersedes(b));
    QVERIFY(m.supersedes(c));
    QVERIFY(m.incremented("a").supersedes(m));
}

void tst_VersionVector::text()
{
    bool ok = true;
    QCOMPARE(VersionVector::fromString("b:2,a:1", &ok).toString(), QString("a:1,b:2"));
    QVERIFY(ok);
    for (const char* bad : {"a", "a:", "a:x", "a:0", ":3", "a:1,,b:2"}) {
        VersionVector::fromString(bad, &ok);
        QVERIFY2(!ok, bad);
    }
}

QTEST_GUILESS_MAIN(tst_VersionVector)
#include "tst_VersionVector.moc"
