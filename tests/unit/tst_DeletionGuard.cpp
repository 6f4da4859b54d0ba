// The mass-delete guard over time (core/sync/DeletionGuard): pure, so its clock is the test's.
#include "sync/DeletionGuard.h"

#include <QTest>

using escale::sync::DeletionGuard;
using Verdict = DeletionGuard::Verdict;

class tst_DeletionGuard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fewDeletionsGoOut();
    void manyAtOnceAreHeld();
    void aSlowRemovalIsHeldLikeAFastOne();
    void aRemovalUnderWayWaits();
    void countLimitAndConfirmation();
};

void tst_DeletionGuard::fewDeletionsGoOut()
{
    DeletionGuard::Settings s;
    QCOMPARE(DeletionGuard::decide(s, 0, 100, {}, 1000, 0, false), Verdict::Publish);
    QCOMPARE(DeletionGuard::decide(s, 9, 10, {}, 1000, 0, false), Verdict::Publish); // fewer than 10 files
    QCOMPARE(DeletionGuard::decide(s, 50, 100, {}, 1000, 0, false), Verdict::Publish); // not more than half
}

void tst_DeletionGuard::manyAtOnceAreHeld()
{
    DeletionGuard::Settings s;
    QCOMPARE(DeletionGuard::decide(s, 51, 100, {}, 1000, 0, false), Verdict::Hold);
    QCOMPARE(DeletionGuard::decide(s, 10, 10, {}, 1000, 0, false), Verdict::Hold);
}

// Reproduction: with --once, 45 % of the files deleted before each of three passes left 15 of 100
// files; with daemons, a slow rm -r got most deletions out before the guard saw them.
void tst_DeletionGuard::aSlowRemovalIsHeldLikeAFastOne()
{
    DeletionGuard::Settings s;
    const qint64 minute = 60'000;
    QList<DeletionGuard::Published> recent;
    QCOMPARE(DeletionGuard::decide(s, 45, 100, recent, 0, 0, false), Verdict::Publish);
    recent.append({0, 45});
    // 45 more of the 55 left, a minute later: 90 of 100 within the hour.
    QCOMPARE(DeletionGuard::decide(s, 45, 55, recent, minute, 0, false), Verdict::Hold);
    // One at a time, for an hour: held once more than half the folder went within the hour.
    recent.clear();
    int tracked = 100;
    int published = 0;
    Verdict v = Verdict::Publish;
    for (int i = 0; i < 100 && v == Verdict::Publish; ++i) {
        v = DeletionGuard::decide(s, 1, tracked, recent, i * 30'000, 0, false);
        if (v == Verdict::Publish) {
            recent.append({i * 30'000, 1});
            --tracked;
            ++published;
        }
    }
    QCOMPARE(v, Verdict::Hold);
    QCOMPARE(published, 50);
    // After the window, the old deletions no longer count.
    QCOMPARE(DeletionGuard::recentCount(s, recent, 100 * 30'000 + s.windowMs), 0);
}

void tst_DeletionGuard::aRemovalUnderWayWaits()
{
    DeletionGuard::Settings s;
    s.quietMs = 3000;
    // Files still disappearing (the count grew 1 s ago): wait, whatever their number.
    QCOMPARE(DeletionGuard::decide(s, 5, 300, {}, 10'000, 9'000, false), Verdict::Wait);
    // Quiet for 3 s: a few go out...
    QCOMPARE(DeletionGuard::decide(s, 5, 300, {}, 12'000, 9'000, false), Verdict::Publish);
    // ...and a whole folder removed slowly is held, never partly published.
    QCOMPARE(DeletionGuard::decide(s, 300, 300, {}, 12'000, 9'000, false), Verdict::Hold);
    QCOMPARE(DeletionGuard::decide(s, 200, 300, {}, 10'000, 9'500, false), Verdict::Hold);
}

void tst_DeletionGuard::countLimitAndConfirmation()
{
    DeletionGuard::Settings s;
    s.percent = 0;
    s.count = 20;
    QCOMPARE(DeletionGuard::decide(s, 20, 1000, {}, 0, 0, false), Verdict::Publish);
    QCOMPARE(DeletionGuard::decide(s, 15, 1000, {{0, 10}}, 1000, 0, false), Verdict::Hold);
    QCOMPARE(DeletionGuard::decide(s, 500, 1000, {}, 0, 0, true), Verdict::Publish); // confirmed
}

QTEST_GUILESS_MAIN(tst_DeletionGuard)
#include "tst_DeletionGuard.moc"
