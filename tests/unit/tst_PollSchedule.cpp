// When the runner polls the relay (core/sync/PollSchedule): pure arithmetic on times, so the
// test's clock and random draws decide.
#include "sync/PollSchedule.h"

#include <QTest>

using escale::sync::PollSchedule;

class tst_PollSchedule : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fastWindowAfterActivityThenBackOff();
    void everyKindOfActivityRestartsTheWindow();
    void jitterNeverPassesTheBound();
    void failuresWaitAtLeastFiveSeconds();
    void withoutFastWindowEveryRefresh();
    void defaultsPollTwiceASecond();

private:
    static PollSchedule::Settings settings(qint64 refresh = 30'000, qint64 window = 120'000)
    {
        PollSchedule::Settings s;
        s.refreshMs = refresh;
        s.fastWindowMs = window;
        s.fastIntervalMs = 1000; // round figures below (the default is half a second)
        return s;
    }
};

void tst_PollSchedule::fastWindowAfterActivityThenBackOff()
{
    PollSchedule schedule(settings());
    qint64 now = 1'000'000;
    schedule.activity(now);
    // Idle polls within the window: at least once a second, for the two minutes.
    while (now < 1'000'000 + 120'000) {
        QVERIFY(schedule.fast(now));
        const qint64 d = schedule.next(now, false, false, 1.0);
        QCOMPARE(d, 1000);
        now += d;
    }
    QVERIFY(!schedule.fast(now));
    // Then 2, 4, 8, 16 s and 'refresh' from then on.
    QList<qint64> delays;
    for (int i = 0; i < 7; ++i) {
        delays << schedule.next(now, false, false, 1.0);
        now += delays.last();
    }
    QCOMPARE(delays, (QList<qint64>{2000, 4000, 8000, 16'000, 30'000, 30'000, 30'000}));
}

void tst_PollSchedule::everyKindOfActivityRestartsTheWindow()
{
    PollSchedule schedule(settings());
    qint64 now = 0;
    schedule.activity(now);
    now += 200'000; // long idle: slow polls
    for (int i = 0; i < 6; ++i)
        now += schedule.next(now, false, false, 1.0);
    QCOMPARE(schedule.next(now, false, false, 1.0), 30'000);
    // A pass that moved something (a change from another machine, or sent one): fast again.
    QCOMPARE(schedule.next(now, true, false, 1.0), 1000);
    QVERIFY(schedule.fast(now + 119'000));
    QVERIFY(!schedule.fast(now + 121'000));
    now += 121'000;
    QCOMPARE(schedule.next(now, false, false, 1.0), 2000);
    // A local change or "sync now" (the runner calls activity()): fast again, for two minutes.
    schedule.activity(now);
    QCOMPARE(schedule.next(now + 60'000, false, false, 1.0), 1000);
    QCOMPARE(schedule.next(now + 119'500, false, false, 1.0), 1000);
    QCOMPARE(schedule.next(now + 120'500, false, false, 1.0), 2000);
}

void tst_PollSchedule::jitterNeverPassesTheBound()
{
    PollSchedule schedule(settings(30'000));
    qint64 now = 0;
    schedule.activity(now);
    QCOMPARE(schedule.next(now, false, false, 0.0), 850); // 85 % at the lowest draw
    now = 500'000;
    for (int i = 0; i < 10; ++i)
        schedule.next(now, false, false, 0.5);
    // After a long idleness the wait is never more than 'refresh', never under 85 % of it.
    for (double r : {0.0, 0.3, 0.999}) {
        const qint64 d = schedule.next(now, false, false, r);
        QVERIFY2(d <= 30'000 && d >= 25'500, qPrintable(QString::number(d)));
    }
}

void tst_PollSchedule::failuresWaitAtLeastFiveSeconds()
{
    PollSchedule schedule(settings());
    schedule.activity(0);
    QCOMPARE(schedule.next(10, false, true, 1.0), 5000); // even inside the fast window
    PollSchedule shortRefresh(settings(3000));
    shortRefresh.activity(0);
    QCOMPARE(shortRefresh.next(10, false, true, 1.0), 3000); // never beyond 'refresh'
}

void tst_PollSchedule::withoutFastWindowEveryRefresh()
{
    PollSchedule schedule(settings(60'000, 0));
    schedule.activity(0);
    QVERIFY(!schedule.fast(0));
    QCOMPARE(schedule.next(0, false, false, 1.0), 60'000);
    QCOMPARE(schedule.next(60'000, true, false, 1.0), 1000); // work left: looked at again soon
    QCOMPARE(schedule.next(61'000, false, false, 1.0), 60'000);
}

void tst_PollSchedule::defaultsPollTwiceASecond()
{
    PollSchedule schedule{PollSchedule::Settings{}};
    schedule.activity(0);
    QCOMPARE(schedule.next(100, false, false, 1.0), 500);
    QCOMPARE(schedule.next(119'000, false, false, 0.0), 425);
    QList<qint64> delays;
    for (qint64 now = 121'000; delays.size() < 7; now += delays.last())
        delays << schedule.next(now, false, false, 1.0);
    QCOMPARE(delays, (QList<qint64>{1000, 2000, 4000, 8000, 16'000, 30'000, 30'000}));
}

QTEST_GUILESS_MAIN(tst_PollSchedule)
#include "tst_PollSchedule.moc"
