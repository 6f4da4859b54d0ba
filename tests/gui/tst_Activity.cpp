// The activity window follows two real engines (alice and bob, each in an instance of its own,
// on one folder relay): transfers with their progress, recent changes with who made them,
// conflict copies resolved from the window, held-back mass deletions confirmed from it, the
// other machines, errors. The tray's line follows the progress too.
#include "SyncHarness.h"
#include "ActivityWindow.h"
#include "ConflictView.h"
#include "Translations.h"
#include "TrayModel.h"
#include "config/ConfigLoader.h"
#include "control/Instance.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFrame>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QRandomGenerator>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QRandomGenerator>
#include <QTreeWidget>

using namespace escale;

class tst_Activity : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QCOMPARE(ui::installTranslation(*qApp, "en"), QString("en")); } // plurals
    void followsTwoMachines();
    void conflictLinesAligned();
    void conflictOfThisMachine();

private:
    static QStringList rows(const QTreeWidget* tree, int column)
    {
        QStringList out;
        for (int i = 0; i < tree->topLevelItemCount(); ++i)
            out << tree->topLevelItem(i)->text(column);
        return out;
    }
};

void tst_Activity::followsTwoMachines()
{
    QTemporaryDir root;
    for (int i = 0; i < 20; ++i)
        harness::writeFile(root.filePath(QString("bob/file%1.txt").arg(i)), QByteArray::number(i));
    QByteArray big = harness::randomBytes(3 * 1024 * 1024, 9); // several blobs: progress between them
    harness::writeFile(root.filePath("bob/big.bin"), big);
    control::Instance bob(harness::folderMachine(root, "bob", 64 * 1024), false);
    bob.start();
    QTRY_VERIFY_WITH_TIMEOUT(bob.status(0).state == control::RepositoryStatus::State::Idle, 30'000);

    control::Instance alice(harness::folderMachine(root, "alice", 64 * 1024), false);
    ui::ActivityWindow window(&alice);
    ui::TrayModel tray(&alice);
    window.show();
    auto* transfers = window.findChild<QTreeWidget*>("transfers");
    auto* changes = window.findChild<QTreeWidget*>("changes");
    // Empty lists say so in words.
    QCOMPARE(rows(changes, 0), QStringList{"Nothing came or went yet."});
    QCOMPARE(rows(window.findChild<QTreeWidget*>("clients"), 0), QStringList{"No other machine has joined yet."});
    QCOMPARE(rows(window.findChild<QTreeWidget*>("conflicts"), 0), QStringList{"No conflict: nothing to resolve."});
    // While alice receives: the transfer shows with its progress, the tray says what is left.
    bool sawTransfer = false, sawLeft = false;
    connect(&alice, &control::Instance::progressChanged, this, [&](int index) {
        const sync::PassProgress& g = alice.status(index).progress;
        if (g.current != "big.bin" || g.currentDone == 0 || g.currentDone >= g.currentSize)
            return;
        window.refreshTransfers();
        for (int i = 0; i < transfers->topLevelItemCount(); ++i) {
            QTreeWidgetItem* item = transfers->topLevelItem(i);
            auto* bar = qobject_cast<QProgressBar*>(transfers->itemWidget(item, 2));
            sawTransfer |=
                item->text(1).contains("big.bin") && bar && bar->value() > 0 && bar->value() < 1000;
        }
        sawLeft |= tray.describe(index).contains("left");
    });
    alice.start();
    QTRY_COMPARE_WITH_TIMEOUT(harness::readFile(root.filePath("alice/big.bin")), big, 30'000);
    QTRY_VERIFY_WITH_TIMEOUT(alice.status(0).state == control::RepositoryStatus::State::Idle, 30'000);
    QVERIFY(sawTransfer);
    QVERIFY(sawLeft);
    // Recent changes: 21 files received from bob.
    QTRY_COMPARE(changes->topLevelItemCount(), 21);
    QVERIFY(rows(changes, 2).count("received") == 21);
    QVERIFY(rows(changes, 4).count("bob") == 21);
    QVERIFY(rows(changes, 3).contains("big.bin"));
    // The other machines: bob, seen.
    window.showTab(ui::ActivityWindow::ClientsTab);
    auto* clients = window.findChild<QTreeWidget*>("clients");
    QTRY_VERIFY(rows(clients, 1).contains("bob"));

    // A conflict copy holding bob's version: "keep theirs" puts it under the name, and the
    // change reaches bob; the replaced version is in alice's archive.
    const QString copy = "file1 (conflict from bob 2026-11-20 101010).txt";
    harness::writeFile(root.filePath("alice/" + copy), "bob's version");
    alice.handle({{"command", "sync"}, {"repository", "docs"}});
    QTRY_VERIFY_WITH_TIMEOUT(alice.status(0).conflictsWaiting == 1, 30'000);
    window.showTab(ui::ActivityWindow::ConflictsTab);
    auto* conflicts = window.findChild<QTreeWidget*>("conflicts");
    QTRY_COMPARE(conflicts->topLevelItemCount(), 1);
    QCOMPARE(conflicts->topLevelItem(0)->text(1), QString("file1.txt"));
    QCOMPARE(conflicts->topLevelItem(0)->text(2), QString("bob"));
    auto* keepTheirs = window.findChild<QPushButton*>("keepTheirs");
    QCOMPARE(conflicts->currentItem(), conflicts->topLevelItem(0)); // the first is shown at once
    QVERIFY(keepTheirs->isEnabled());
    // Both versions side by side: who made each, and the lines that differ.
    auto label = [&window](const char* name) { return window.findChild<QLabel*>(name)->text(); };
    QVERIFY2(label("currentTitle").contains("From bob") && label("currentTitle").contains("under the file"),
             qPrintable(label("currentTitle")));
    QVERIFY2(label("copyTitle").contains("From bob") && label("copyTitle").contains("conflict copy"),
             qPrintable(label("copyTitle")));
    QVERIFY2(label("copyDetails").contains("13 bytes"), qPrintable(label("copyDetails")));
    QCOMPARE(label("noDiff"), QString("1 line differs."));
    QCOMPARE(window.findChild<QPlainTextEdit*>("copyText")->toPlainText(), QString("bob's version"));
    QCOMPARE(keepTheirs->text(), QString("Keep bob's"));
    keepTheirs->click();
    QCOMPARE(harness::readFile(root.filePath("alice/file1.txt")), QByteArray("bob's version"));
    QVERIFY(!QFileInfo::exists(root.filePath("alice/" + copy)));
    QCOMPARE(conflicts->topLevelItemCount(), 1); // none left, said in words
    QCOMPARE(conflicts->topLevelItem(0)->text(0), QString("No conflict: nothing to resolve."));
    QVERIFY(!keepTheirs->isEnabled());
    QVERIFY(!window.findChild<QLabel*>("conflictStatus")->text().isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(harness::readFile(root.filePath("bob/file1.txt")), QByteArray("bob's version"),
                              30'000);

    // Mass deletion on alice: held back, shown, then confirmed from the window.
    QTRY_VERIFY_WITH_TIMEOUT(alice.status(0).state == control::RepositoryStatus::State::Idle, 30'000);
    alice.handle({{"command", "pause"}}); // all gone at once, not a few per pass
    for (int i = 2; i < 17; ++i)          // at least 10, and more than half
        QVERIFY(QFile::remove(root.filePath(QString("alice/file%1.txt").arg(i))));
    alice.handle({{"command", "resume"}});
    QTRY_VERIFY_WITH_TIMEOUT(alice.status(0).lastPass.deletionsHeld == 15, 30'000);
    QFrame* held = nullptr;
    QTRY_VERIFY((held = window.findChild<QFrame*>("held:docs")));
    QStringList problems;
    for (const QLabel* l : window.findChild<QWidget*>("errors")->findChildren<QLabel*>("text"))
        problems << l->text();
    QVERIFY2(problems.join("\n").contains("waits for confirmation"), qPrintable(problems.join("\n")));
    // Activity opens on what matters: the problem first.
    QCOMPARE(ui::ActivityWindow::tabThatMatters(&alice), ui::ActivityWindow::ErrorsTab);
    const int passes = alice.status(0).passes; // a few passes more: still held, bob keeps his files
    QTRY_VERIFY_WITH_TIMEOUT(alice.status(0).passes >= passes + 2, 60'000);
    QCOMPARE(alice.status(0).lastPass.deletionsHeld, 15);
    QVERIFY(QFileInfo::exists(root.filePath("bob/file5.txt")));
    QVERIFY((held = window.findChild<QFrame*>("held:docs"))); // shown again after each pass
    held->findChild<QPushButton*>("confirmDeletions")->click();
    QTRY_VERIFY_WITH_TIMEOUT(!QFileInfo::exists(root.filePath("bob/file5.txt")), 30'000);
    QVERIFY(QFileInfo::exists(root.filePath("bob/file1.txt")));
    QTRY_VERIFY(!window.findChild<QFrame*>("held:docs"));
    QTRY_VERIFY(rows(changes, 2).contains("deleted") || rows(changes, 2).count("sent") >= 1);
}

void tst_Activity::conflictLinesAligned()
{
    using Row = ui::ConflictView::Row;
    const QList<Row> rows = ui::ConflictView::alignLines({"a", "b", "c", "d"}, {"a", "x", "c", "d", "e"});
    QStringList seen;
    for (const Row& r : rows)
        seen << QString("%1|%2|%3").arg(r.left, r.right).arg(int(r.kind));
    QCOMPARE(seen, (QStringList{"a|a|0", "b|x|1", "c|c|0", "d|d|0", "|e|3"}));
    const QList<Row> removed = ui::ConflictView::alignLines({"a", "b", "c"}, {"c"});
    QCOMPARE(removed.size(), 3);
    QCOMPARE(removed[0].kind, Row::OnlyLeft);
    QCOMPARE(removed[1].kind, Row::OnlyLeft);
    QCOMPARE(removed[2].kind, Row::Same);
    // Text or not: binary, too big and not UTF-8 are not compared.
    QTemporaryDir root;
    harness::writeFile(root.filePath("t.txt"), "one\r\ntwo\n");
    QCOMPARE(ui::ConflictView::textLines(root.filePath("t.txt")).value(), (QStringList{"one", "two"}));
    harness::writeFile(root.filePath("b.bin"), QByteArray("a\0b", 3));
    QVERIFY(!ui::ConflictView::textLines(root.filePath("b.bin")));
    harness::writeFile(root.filePath("latin1.txt"), "caf\xe9");
    QVERIFY(!ui::ConflictView::textLines(root.filePath("latin1.txt")));
    harness::writeFile(root.filePath("big.txt"), QByteArray(ui::ConflictView::kTextLimit + 1, 'x'));
    QVERIFY(!ui::ConflictView::textLines(root.filePath("big.txt")));
}

// A real conflict between two machines: on alice, "mine" is alice's version, whichever side won.
void tst_Activity::conflictOfThisMachine()
{
    QTemporaryDir root;
    harness::writeFile(root.filePath("bob/notes.txt"), "line 1\nline 2\nline 3\n");
    control::Instance bob(harness::folderMachine(root, "bob", 64 * 1024), false);
    control::Instance alice(harness::folderMachine(root, "alice", 64 * 1024), false);
    bob.start();
    QTRY_VERIFY_WITH_TIMEOUT(bob.status(0).state == control::RepositoryStatus::State::Idle, 30'000);
    alice.start();
    QTRY_COMPARE_WITH_TIMEOUT(harness::readFile(root.filePath("alice/notes.txt")),
                              QByteArray("line 1\nline 2\nline 3\n"), 30'000);
    QTRY_VERIFY_WITH_TIMEOUT(alice.status(0).state == control::RepositoryStatus::State::Idle, 30'000);
    // Both edit while neither sees the other.
    alice.handle({{"command", "pause"}});
    bob.handle({{"command", "pause"}});
    QTRY_VERIFY(alice.status(0).state == control::RepositoryStatus::State::Paused &&
                bob.status(0).state == control::RepositoryStatus::State::Paused);
    harness::writeFile(root.filePath("alice/notes.txt"), "line 1\nline 2 by alice\nline 3\n");
    harness::writeFile(root.filePath("bob/notes.txt"), "line 1\nline 2 by bob\nline 3\nline 4\n");
    bob.handle({{"command", "resume"}});
    QTRY_VERIFY_WITH_TIMEOUT(bob.status(0).state == control::RepositoryStatus::State::Idle &&
                                 bob.status(0).pendingUp == 0,
                             30'000);
    alice.handle({{"command", "resume"}});
    QTRY_VERIFY_WITH_TIMEOUT(alice.status(0).conflictsWaiting == 1, 30'000);
    ui::ActivityWindow window(&alice);
    window.showTab(ui::ActivityWindow::ConflictsTab);
    auto* conflicts = window.findChild<QTreeWidget*>("conflicts");
    QTRY_COMPARE(conflicts->topLevelItemCount(), 1);
    QVERIFY(conflicts->currentItem()); // the first shows at once
    auto label = [&window](const char* name) { return window.findChild<QLabel*>(name)->text(); };
    const QString both = label("currentTitle") + " / " + label("copyTitle");
    QVERIFY2(both.contains("Mine (this machine, alice)") && both.contains("From bob"), qPrintable(both));
    QCOMPARE(window.findChild<QPushButton*>("keepMine")->text(), QString("Keep mine (alice)"));
    QCOMPARE(window.findChild<QPushButton*>("keepTheirs")->text(), QString("Keep theirs (bob)"));
    QCOMPARE(label("noDiff"), QString("2 lines differ."));
    // Keep mine: alice's lines under the name, on both machines.
    window.findChild<QPushButton*>("keepMine")->click();
    QCOMPARE(harness::readFile(root.filePath("alice/notes.txt")), QByteArray("line 1\nline 2 by alice\nline 3\n"));
    QTRY_COMPARE_WITH_TIMEOUT(harness::readFile(root.filePath("bob/notes.txt")),
                              QByteArray("line 1\nline 2 by alice\nline 3\n"), 30'000);
    alice.stop();
    bob.stop();
}

QTEST_MAIN(tst_Activity)
#include "tst_Activity.moc"
