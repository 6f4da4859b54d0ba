// The state database's failures: a full disk, a damaged file. They reach the caller as a
// StateError (never a crash), the transaction under way is rolled back, and what was committed
// before stays.

#include "state/StateDb.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace escale;
using state::Meta;
using state::StateDb;
using state::StateError;

class tst_StateDb : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fullDiskThrowsAndKeepsWhatWasCommitted();
    void damagedFileIsNamed();
};

void tst_StateDb::fullDiskThrowsAndKeepsWhatWasCommitted()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("state.db");
    StateDb db;
    QString error;
    QVERIFY2(db.open(path, error), qPrintable(error));
    db.setMeta(Meta::Journal, QStringLiteral("7"));
    db.limitGrowth(0);
    bool thrown = false;
    int written = 0;
    try {
        db.begin();
        for (; written < 100'000; ++written) {
            StateDb::LocalEntry e;
            e.path = QStringLiteral("folder/file %1.txt").arg(written);
            e.hash = QByteArray(32, char(written));
            db.putLocal(e);
        }
        db.commit();
    } catch (const StateError& e) {
        thrown = true;
        QCOMPARE(e.kind(), StateError::Kind::Full);
        QVERIFY2(e.message().contains(path) && e.message().contains("disk is full") &&
                     e.message().contains("nothing is lost"),
                 qPrintable(e.message()));
        db.abandon();
    }
    QVERIFY(thrown);
    QVERIFY(written > 0);
    // The transaction is gone; what was committed before stays, and the database goes on.
    QCOMPARE(db.meta(Meta::Journal), QStringLiteral("7"));
    QVERIFY(!db.local(QStringLiteral("folder/file 0.txt")));
    db.close();
    QVERIFY2(db.open(path, error), qPrintable(error));
    QCOMPARE(db.meta(Meta::Journal), QStringLiteral("7"));
    db.setMeta(Meta::Journal, QStringLiteral("8")); // no limit on a new connection
    QCOMPARE(db.meta(Meta::Journal), QStringLiteral("8"));
}

void tst_StateDb::damagedFileIsNamed()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("state.db");
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QByteArray(8192, 'x')); // not a database
    f.close();
    StateDb db;
    QString error;
    QVERIFY(!db.open(path, error));
    QVERIFY(!db.isOpen());
    QVERIFY2(error.contains(path) && error.contains("is damaged") && error.contains("move it away"),
             qPrintable(error));
}

QTEST_GUILESS_MAIN(tst_StateDb)
#include "tst_StateDb.moc"
