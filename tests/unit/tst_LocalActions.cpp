// Access modifiers and conflict copies: parsing, and the three ways to resolve a conflict.
#include "SyncHarness.h"
#include "protocol/LocalLayout.h"
#include "protocol/PathCheck.h"
#include "sync/LocalArchive.h"
#include "sync/AccessFlags.h"
#include "sync/Conflicts.h"
#include "sync/Resolution.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace escale;
using harness::readFile;
using harness::writeFile;

class tst_LocalActions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void accessModifiers_data();
    void accessModifiers();
    void inheritedAccess();
    void conflictNames_data();
    void conflictNames();
    void longConflictNamesFit();
    void longNamesArchivedTwiceInOneSecond();
    void resolveEachWay();
    void resolveTwiceInOneSecond();
};

void tst_LocalActions::accessModifiers_data()
{
    QTest::addColumn<QString>("start");
    QTest::addColumn<QStringList>("words");
    QTest::addColumn<QString>("result"); // empty: refused
    QTest::newRow("send off") << "r?w?" << QStringList{"r-"} << "r-w?";
    QTest::newRow("two words") << "r?w?" << QStringList{"r-", "w+"} << "r-w+";
    QTest::newRow("one word") << "r?w?" << QStringList{"r-w+"} << "r-w+";
    QTest::newRow("bare letters") << "r-w-" << QStringList{"rw"} << "r+w+";
    QTest::newRow("unset") << "r-w+" << QStringList{"r?"} << "r?w+";
    QTest::newRow("upper case") << "r?w?" << QStringList{"W-"} << "r?w-";
    QTest::newRow("last wins") << "r?w?" << QStringList{"r-", "r+"} << "r+w?";
    QTest::newRow("unknown letter") << "r?w?" << QStringList{"x+"} << "";
    QTest::newRow("sign alone") << "r?w?" << QStringList{"+"} << "";
    QTest::newRow("empty") << "r?w?" << QStringList{""} << "";
    QTest::newRow("good then bad") << "r?w?" << QStringList{"r-", "w*"} << "";
}

void tst_LocalActions::accessModifiers()
{
    QFETCH(QString, start);
    QFETCH(QStringList, words);
    QFETCH(QString, result);
    state::StateDb::Access flags;
    auto parse = [](QChar c) {
        return c == '?' ? std::nullopt : std::optional<bool>(c == '+');
    };
    flags.send = parse(start.at(1));
    flags.receive = parse(start.at(3));
    const state::StateDb::Access before = flags;
    QString error;
    const bool ok = sync::applyAccessModifiers(words, flags, error);
    QCOMPARE(ok, !result.isEmpty());
    if (ok) {
        QCOMPARE(sync::accessFlagsText(flags), result);
    } else {
        QVERIFY(!error.isEmpty());
        QVERIFY(flags == before); // nothing half-applied
    }
}

void tst_LocalActions::inheritedAccess()
{
    sync::AccessTable table;
    table.insert("a", {false, std::nullopt});
    table.insert("a/b", {std::nullopt, false});
    table.insert("a/b/c.txt", {true, std::nullopt});
    auto e = sync::effectiveAccess(table, "a/b/c.txt");
    QVERIFY(e.send && e.sendSet && e.sendSetAt == "a/b/c.txt");
    QVERIFY(!e.receive && e.receiveSetAt == "a/b");
    e = sync::effectiveAccess(table, "a/b/d.txt");
    QVERIFY(!e.send && e.sendSetAt == "a");
    e = sync::effectiveAccess(table, "ab/x"); // a sibling whose name starts alike inherits nothing
    QVERIFY(e.send && e.receive && !e.sendSet && !e.receiveSet);
}

void tst_LocalActions::conflictNames_data()
{
    QTest::addColumn<QString>("original");
    QTest::addColumn<QString>("device");
    QTest::newRow("extension") << "notes.txt"
                               << "bob";
    QTest::newRow("folder") << "a b/report.final.pdf"
                            << "alice's laptop";
    QTest::newRow("no extension") << "Makefile"
                                  << "x";
    QTest::newRow("dot file") << "dir/.profile"
                              << "srv (2)";
    QTest::newRow("device with parenthesis") << "x.tar"
                                             << "a) (b";
}

void tst_LocalActions::conflictNames()
{
    // What conflictCopyName() writes, parseConflictCopy() reads back.
    QFETCH(QString, original);
    QFETCH(QString, device);
    const qint64 when = QDateTime(QDate(2026, 11, 26), QTime(7, 5, 9), Qt::UTC).toMSecsSinceEpoch();
    const QString copy = sync::conflictCopyName(original, device, when);
    const auto parsed = sync::parseConflictCopy(copy);
    QVERIFY2(parsed, qPrintable(copy));
    QCOMPARE(parsed->original, original);
    QCOMPARE(parsed->device, device);
    QCOMPARE(parsed->time.toMSecsSinceEpoch(), when);
    QVERIFY(parsed->tag.isEmpty());
    QVERIFY(!sync::parseConflictCopy(original));
    // With a tag (two copies from one device and one second).
    const QString tagged = sync::conflictCopyName(original, device, when, "0a1b2c3d");
    QVERIFY(tagged != copy);
    const auto parsedTagged = sync::parseConflictCopy(tagged);
    QVERIFY2(parsedTagged, qPrintable(tagged));
    QCOMPARE(parsedTagged->original, original);
    QCOMPARE(parsedTagged->device, device);
    QCOMPARE(parsedTagged->time.toMSecsSinceEpoch(), when);
    QCOMPARE(parsedTagged->tag, QString("0a1b2c3d"));
    QVERIFY(!sync::parseConflictCopy("notes (conflict from bob yesterday).txt"));
    QVERIFY(!sync::parseConflictCopy(" (conflict from bob 2026-11-26 070509).txt"));
}

// A copy of a long name, or of a copy of a copy, cuts the original's stem (at a character's
// boundary) so that the copy's name fits in 255 bytes, and still reads as a copy (model seed 700027).
void tst_LocalActions::longConflictNamesFit()
{
    const qint64 when = QDateTime(QDate(2026, 11, 26), QTime(7, 5, 9), Qt::UTC).toMSecsSinceEpoch();
    QString nested = "a.txt";
    for (int i = 0; i < 8; ++i) {
        nested = sync::conflictCopyName("dir/" + nested, i % 2 ? "carol" : "bob", when + i * 1000, "0a1b2c3d").mid(4);
        QVERIFY2(nested.toUtf8().size() <= 255, qPrintable(nested));
        QVERIFY2(protocol::checkRelayPath("dir/" + nested).isEmpty(), qPrintable(nested));
        QVERIFY(nested.endsWith(".txt"));
        const auto parsed = sync::parseConflictCopy(nested);
        QVERIFY2(parsed, qPrintable(nested));
        QCOMPARE(parsed->tag, QString("0a1b2c3d"));
        QCOMPARE(parsed->device, QString(i % 2 ? "carol" : "bob"));
    }
    // Multi-byte characters (3 and 4 bytes in UTF-8) are never cut in the middle.
    for (const QString& letter : {QString::fromUtf8("\xe6\x97\xa5"), QString::fromUtf8("\xf0\x9f\x98\x80")}) {
        QString name;
        while (name.toUtf8().size() < 250)
            name += letter;
        const QString copy = sync::conflictCopyName(name + ".md", "bob", when, "0a1b2c3d");
        QVERIFY2(copy.toUtf8().size() <= 255, qPrintable(copy));
        QVERIFY2(protocol::checkRelayPath(copy).isEmpty(), qPrintable(copy));
        QCOMPARE(QString::fromUtf8(copy.toUtf8()), copy); // no broken character
        QVERIFY(copy.startsWith(letter + letter) && copy.endsWith(").md"));
    }
    // A device name, or an extension, too long on its own.
    const QString longDevice(300, QLatin1Char('d'));
    const QString copy = sync::conflictCopyName("x." + QString(300, QLatin1Char('e')), longDevice, when);
    QVERIFY2(copy.toUtf8().size() <= 255 && protocol::checkRelayPath(copy).isEmpty(), qPrintable(copy));
    QVERIFY(sync::parseConflictCopy(copy));
    // Short names are as they were, a long device's name too when the copy fits.
    QCOMPARE(sync::conflictCopyName("a.md", QString(100, QLatin1Char('d')), when),
             "a (conflict from " + QString(100, QLatin1Char('d')) + " 2026-11-26 070509).md");
    QCOMPARE(sync::conflictCopyName("notes.md", "bob", when, "0a1b2c3d"),
             QString("notes (conflict from bob 2026-11-26 070509 0a1b2c3d).md"));
    // A name of 255 bytes that ends as this copy would: the copy is never the name itself (model
    // run 1420001), with one-byte and four-byte characters before the suffix.
    const QString suffix = " (conflict from bob 2026-11-26 070509 0a1b2c3d).md";
    for (const QString& letter : {QString("n"), QString::fromUtf8("\xf0\x9f\x98\x80")}) {
        QString name = QString(255 - suffix.size(), QLatin1Char('n'));
        while ((name + suffix).toUtf8().size() > 255)
            name.chop(1);
        name = name.left(name.size() - letter.size()) + letter;
        while ((name + suffix).toUtf8().size() > 255)
            name.remove(0, 1);
        const QString full = "dir/" + name + suffix;
        const QString own = sync::conflictCopyName(full, "bob", when, "0a1b2c3d");
        QVERIFY2(own != full, qPrintable(own));
        QVERIFY2(own.section('/', -1).toUtf8().size() <= 255, qPrintable(own));
        QCOMPARE(QString::fromUtf8(own.toUtf8()), own); // no broken character
        QVERIFY(own.startsWith("dir/n") && own.endsWith(suffix));
    }
}

// A name of 255 bytes archived twice within a second: `name (2).ext` cannot be, so the second goes
// to the folder beside (`stamp-2`), under its own name.
void tst_LocalActions::longNamesArchivedTwiceInOneSecond()
{
    QTemporaryDir root;
    const QString name = QString(251, QLatin1Char('n')) + ".txt";
    const QString stamp = sync::archiveStamp();
    QString error;
    for (const QByteArray& content : {QByteArray("first"), QByteArray("second"), QByteArray("third")}) {
        QFile::remove(root.filePath(name)); // (a new file: the archive may hold a hard link to the last)
        writeFile(root.filePath(name), content);
        QVERIFY2(sync::copyToArchive(root.path(), stamp, name, error), qPrintable(error));
    }
    const QString archive = root.filePath(protocol::local::archiveFolder());
    QCOMPARE(readFile(archive + "/" + stamp + "/" + name), QByteArray("first"));
    QCOMPARE(readFile(archive + "/" + stamp + "-2/" + name), QByteArray("second"));
    QCOMPARE(readFile(archive + "/" + stamp + "-3/" + name), QByteArray("third"));
}

void tst_LocalActions::resolveEachWay()
{
    QTemporaryDir root;
    const qint64 when = QDateTime(QDate(2026, 11, 26), QTime(7, 5, 9), Qt::UTC).toMSecsSinceEpoch();
    auto make = [&](const QString& original, const QByteArray& current, const QByteArray& theirs) {
        writeFile(root.filePath(original), current);
        const QString copy = sync::conflictCopyName(original, "bob", when);
        writeFile(root.filePath(copy), theirs);
        return *sync::parseConflictCopy(copy);
    };
    const auto keepCurrent = make("one.txt", "mine", "theirs");
    const auto keepCopy = make("sub/two.txt", "mine", "theirs");
    const auto keepBoth = make("three.txt", "mine", "theirs");
    writeFile(root.filePath("three (bob).txt"), "an unrelated file with the name");
    writeFile(root.filePath(".escale-archive/old (conflict from x 2026-01-01 000000).txt"), "archived");
    QList<sync::ConflictCopy> found = sync::findConflicts(root.path());
    QCOMPARE(found.size(), 3);
    QCOMPARE(found.at(0).copy, keepCurrent.copy);
    QVERIFY(found.at(0).originalExists);

    QString result, error;
    QVERIFY2(sync::resolveConflict(root.path(), keepCurrent, sync::KeepVersion::Current, result, error),
             qPrintable(error));
    QCOMPARE(readFile(root.filePath("one.txt")), QByteArray("mine"));
    QVERIFY(!QFile::exists(root.filePath(keepCurrent.copy)));
    QVERIFY(!sync::resolveConflict(root.path(), keepCurrent, sync::KeepVersion::Current, result, error));
    QVERIFY2(error.contains("is not there any more"), qPrintable(error));

    QVERIFY(sync::resolveConflict(root.path(), keepCopy, sync::KeepVersion::Copy, result, error));
    QCOMPARE(readFile(root.filePath("sub/two.txt")), QByteArray("theirs"));
    QVERIFY(!QFile::exists(root.filePath(keepCopy.copy)));

    QVERIFY(sync::resolveConflict(root.path(), keepBoth, sync::KeepVersion::Both, result, error));
    QCOMPARE(readFile(root.filePath("three.txt")), QByteArray("mine"));
    QCOMPARE(readFile(root.filePath("three (bob 2).txt")), QByteArray("theirs"));
    QCOMPARE(readFile(root.filePath("three (bob).txt")), QByteArray("an unrelated file with the name"));
    QVERIFY(sync::findConflicts(root.path()).isEmpty());

    // What went is in the archive, nothing lost.
    QStringList archived;
    for (QDirIterator it(root.filePath(".escale-archive"), QDir::Files, QDirIterator::Subdirectories);
         it.hasNext();)
        archived << readFile(it.next());
    archived.sort();
    QCOMPARE(archived, (QStringList{"archived", "mine", "theirs"}));
}

// Two `resolve --keep copy` of one name within a second: each replaced version goes to the
// archive under its own name (one-second archive folders once overwrote the first).
void tst_LocalActions::resolveTwiceInOneSecond()
{
    QTemporaryDir root;
    const qint64 when = QDateTime(QDate(2026, 11, 26), QTime(7, 5, 9), Qt::UTC).toMSecsSinceEpoch();
    writeFile(root.filePath("doc.txt"), "mine");
    const QString first = sync::conflictCopyName("doc.txt", "bob", when);
    const QString second = sync::conflictCopyName("doc.txt", "carol", when);
    writeFile(root.filePath(first), "bob's");
    writeFile(root.filePath(second), "carol's");
    QString result, error;
    QVERIFY2(sync::resolveConflict(root.path(), *sync::parseConflictCopy(first), sync::KeepVersion::Copy, result,
                                   error),
             qPrintable(error));
    QVERIFY2(sync::resolveConflict(root.path(), *sync::parseConflictCopy(second), sync::KeepVersion::Copy, result,
                                   error),
             qPrintable(error));
    QCOMPARE(readFile(root.filePath("doc.txt")), QByteArray("carol's"));
    QStringList archived;
    for (QDirIterator it(root.filePath(".escale-archive"), QDir::Files, QDirIterator::Subdirectories); it.hasNext();)
        archived << readFile(it.next());
    archived.sort();
    QCOMPARE(archived, (QStringList{"bob's", "mine"}));
}

QTEST_GUILESS_MAIN(tst_LocalActions)
#include "tst_LocalActions.moc"
