// The status window, on real instances syncing through folder relays: each repository's state,
// what moves now, conflicts and problems with their buttons, recent files, other machines; and
// "not set up" before any repository.
#include "ActivityWindow.h"
#include "AboutBox.h"
#include "LogViewer.h"
#include "MainWindow.h"
#include "Version.h"
#include "Words.h"
#include "Translations.h"
#include "SyncHarness.h"
#include "config/ConfigLoader.h"
#include "control/Instance.h"

#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QGuiApplication>
#include <QLineEdit>
#include <QFrame>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace escale;

class tst_MainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void notSetUp();
    void followsTheRepositories();
    void showsATransferUnderWay();
    void showsConfigurationProblem();
    void logViewerAndAbout();
    void problemsReadAsSentences();
    void emptiedFolderAsksBeforeDeleting();
};

namespace {

config::Config load(const QString& text, const QTemporaryDir& root)
{
    const auto loaded = config::ConfigLoader::load(text.toUtf8(), root.filePath("escale.conf"), root.path());
    if (loaded.hasErrors())
        qFatal("bad test configuration: %s", qPrintable(loaded.firstError()->toString()));
    return loaded.config;
}

QString section(const QString& name, const QTemporaryDir& root, const QString& folder, const QString& relay,
                const QString& client, const QString& extra = {})
{
    QDir().mkpath(root.filePath(folder));
    return QString("[%1]\nlocal path = %2\nrelay address = %3\nclient name = %4\nstate dir = %5\nrefresh = 1\n%6")
        .arg(name, root.filePath(folder), root.filePath(relay), client, root.filePath(client + "-state"), extra);
}

QString textOf(QWidget* panel, const char* name)
{
    auto* label = panel->findChild<QLabel*>(name);
    return label ? label->text() : QString("(no label %1)").arg(name);
}

bool shown(QWidget* panel, const char* name)
{
    auto* w = panel->findChild<QWidget*>(name);
    return w && w->isVisibleTo(panel);
}

} // namespace

void tst_MainWindow::initTestCase()
{
    QCOMPARE(ui::installTranslation(*qApp, "en"), QString("en")); // the English plurals
}

void tst_MainWindow::notSetUp()
{
    control::Instance instance(config::Config{}, false);
    ui::MainWindow w;
    w.setInstance(&instance);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(w.findChild<QWidget*>("notSetUp")->isVisible());
    QVERIFY(!w.findChild<QWidget*>("repositories")->isVisible());
    QSignalSpy wizard(&w, &ui::MainWindow::addRepositoryRequested);
    w.findChild<QPushButton*>("setUp")->click();
    QCOMPARE(wizard.size(), 1);
}

void tst_MainWindow::followsTheRepositories()
{
    QTemporaryDir root;
    const config::Config config = load(section("docs", root, "docs", "relay", "alice") +
                                           section("photos", root, "photos", "relay2", "alice"),
                                       root);
    harness::writeFile(root.filePath("docs/a.txt"), "a");
    control::Instance instance(config, false);
    ui::MainWindow w;
    w.setInstance(&instance);
    w.showConfiguration(config);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(!w.findChild<QWidget*>("notSetUp")->isVisible());
    QVERIFY(w.findChild<QLabel*>("configPath")->text().contains(root.filePath("escale.conf")));
    QWidget* docs = w.findChild<QWidget*>("repository:docs");
    QWidget* photos = w.findChild<QWidget*>("repository:photos");
    QVERIFY(docs && photos);
    QCOMPARE(textOf(docs, "state"), QString("Starting…"));
    instance.start();
    QTRY_COMPARE_WITH_TIMEOUT(textOf(docs, "state"), QString("Up to date"), 30'000);
    QTRY_COMPARE_WITH_TIMEOUT(textOf(photos, "state"), QString("Up to date"), 30'000);
    QVERIFY2(textOf(docs, "details").startsWith("Last sync: ") &&
                 !textOf(docs, "details").contains("not yet") &&
                 textOf(docs, "details").contains(root.filePath("docs")),
             qPrintable(textOf(docs, "details")));
    for (const char* hidden : {"progress", "transfer", "problem", "conflicts", "waiting"})
        QVERIFY2(!shown(docs, hidden), hidden);
    QVERIFY(w.findChild<QTreeWidget*>("machines")->topLevelItem(0)->text(0).contains("No other machine"));

    // Pause and resume from the window.
    auto* pause = docs->findChild<QPushButton*>("pause");
    QCOMPARE(pause->text(), QString("Pause"));
    pause->click();
    QTRY_COMPARE(textOf(docs, "state"), QString("Paused"));
    QCOMPARE(pause->text(), QString("Resume"));
    QVERIFY(!docs->findChild<QPushButton*>("syncNow")->isEnabled());
    QVERIFY(instance.status(0).paused);
    pause->click();
    QTRY_COMPARE_WITH_TIMEOUT(textOf(docs, "state"), QString("Up to date"), 30'000);

    // A conflict copy: said, with the button that opens the conflicts.
    harness::writeFile(root.filePath("docs/n (conflict from bob 2026-11-26 101500).txt"), "theirs");
    harness::writeFile(root.filePath("docs/n.txt"), "mine");
    QTRY_VERIFY_WITH_TIMEOUT(shown(docs, "conflicts"), 30'000);
    QVERIFY2(textOf(docs, "conflicts").startsWith("1 file changed on two machines at once"),
             qPrintable(textOf(docs, "conflicts")));
    QSignalSpy activity(&w, &ui::MainWindow::activityRequested);
    docs->findChild<QPushButton*>("resolve")->click();
    QCOMPARE(activity.size(), 1);
    QCOMPARE(activity.first().first().value<ui::MainWindow::Activity>(), ui::MainWindow::Activity::Conflicts);

    // The photos folder disappears (an unmounted disk): the problem, whole, with Retry and Settings.
    QVERIFY(QDir().rename(root.filePath("photos"), root.filePath("photos.away")));
    QTRY_VERIFY_WITH_TIMEOUT(shown(photos, "problem"), 30'000);
    QCOMPARE(textOf(photos, "state"), QString("Sync failed: Escale tries again"));
    QVERIFY2(textOf(photos, "problem").startsWith("The local folder ") && // core's message, as a sentence
                 textOf(photos, "problem").contains("does not exist: create it, or mount the disk it is on"),
             qPrintable(textOf(photos, "problem")));
    QVERIFY(photos->findChild<QLabel*>("problem")->wordWrap());
    QSignalSpy settings(&w, &ui::MainWindow::settingsRequested);
    photos->findChild<QPushButton*>("settings")->click();
    QCOMPARE(settings.size(), 1);
    // The activity window opens on the errors; the problem is there whole, with the same buttons.
    QCOMPARE(ui::ActivityWindow::tabThatMatters(&instance), ui::ActivityWindow::ErrorsTab);
    {
        ui::ActivityWindow window(&instance);
        QFrame* frame = window.findChild<QFrame*>("problem:photos");
        QVERIFY(frame);
        auto* text = frame->findChild<QLabel*>("text");
        QVERIFY(text->wordWrap());
        QVERIFY2(text->text().contains("does not exist: create it, or mount the disk it is on"), qPrintable(text->text()));
        QVERIFY(frame->findChild<QPushButton*>("retry"));
        QSignalSpy asked(&window, &ui::ActivityWindow::settingsRequested);
        frame->findChild<QPushButton*>("settings")->click();
        QCOMPARE(asked.size(), 1);
    }
    // The disk is back: Retry syncs at once, and the problem goes.
    QVERIFY(QDir().rename(root.filePath("photos.away"), root.filePath("photos")));
    photos->findChild<QPushButton*>("retry")->click();
    QTRY_COMPARE_WITH_TIMEOUT(textOf(photos, "state"), QString("Up to date"), 30'000);
    QVERIFY(!shown(photos, "problem"));
    QCOMPARE(ui::ActivityWindow::tabThatMatters(&instance), ui::ActivityWindow::ConflictsTab); // docs' copy

    // Another machine joins docs: its window lists what it received (openable) and the first machine.
    const config::Config bobs = load(section("docs", root, "bobs", "relay", "bob"), root);
    control::Instance bob(bobs, false);
    ui::MainWindow bobWindow;
    bobWindow.setInstance(&bob);
    bob.start();
    auto* recent = bobWindow.findChild<QTreeWidget*>("recent");
    auto listed = [recent](const QString& file) -> QTreeWidgetItem* {
        for (int i = 0; i < recent->topLevelItemCount(); ++i)
            if (recent->topLevelItem(i)->text(3) == file)
                return recent->topLevelItem(i);
        return nullptr;
    };
    QTRY_VERIFY_WITH_TIMEOUT(listed("a.txt"), 30'000);
    QCOMPARE(listed("a.txt")->text(2), QString("received"));
    QCOMPARE(listed("a.txt")->text(4), QString("alice"));
    QCOMPARE(listed("a.txt")->data(0, Qt::UserRole).toString(), root.filePath("bobs/a.txt"));
    auto* machines = bobWindow.findChild<QTreeWidget*>("machines");
    QTRY_VERIFY_WITH_TIMEOUT(machines->topLevelItemCount() > 0 && machines->topLevelItem(0)->text(1) == "alice",
                             30'000);
    QCOMPARE(machines->topLevelItem(0)->text(0), QString("docs"));
    bob.stop();
    instance.stop();
}

void tst_MainWindow::showsATransferUnderWay()
{
    // Two machines; alice sends a big file slowly ('bandwidth limit up'): her window shows the
    // bar filling, the files, the speed and the file under way.
    QTemporaryDir root;
    const config::Config alices =
        load(section("docs", root, "docs", "relay", "alice", "bandwidth limit up = 1MB\n"), root);
    const config::Config bobs = load(section("docs", root, "bobs", "relay", "bob"), root);
    control::Instance alice(alices, false);
    control::Instance bob(bobs, false);
    ui::MainWindow w;
    w.setInstance(&alice);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QWidget* docs = w.findChild<QWidget*>("repository:docs");
    alice.start();
    bob.start();
    QTRY_COMPARE_WITH_TIMEOUT(textOf(docs, "state"), QString("Up to date"), 30'000);
    QTRY_COMPARE_WITH_TIMEOUT(bob.status(0).state, control::RepositoryStatus::State::Idle, 30'000);
    // bob must be known to alice as a reader, or nothing is uploaded: one pass that sees him.
    QTRY_VERIFY_WITH_TIMEOUT(!alice.status(0).lastPass.peers.isEmpty(), 30'000);
    harness::writeFile(root.filePath("docs/big.bin"), QByteArray(4 * 1024 * 1024, 'x'));
    auto* bar = docs->findChild<QProgressBar*>("progress");
    QTRY_VERIFY_WITH_TIMEOUT(bar->isVisible() && bar->value() > 0 && bar->value() < 1000, 30'000);
    QVERIFY2(textOf(docs, "transfer").contains("sending 1 of 1 file"), qPrintable(textOf(docs, "transfer")));
    QVERIFY2(textOf(docs, "transfer").contains("Now sending big.bin"), qPrintable(textOf(docs, "transfer")));
    QCOMPARE(textOf(docs, "state"), QString("Syncing"));
    QTRY_VERIFY_WITH_TIMEOUT(textOf(docs, "transfer").contains("/s"), 10'000); // the speed, once measured
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(root.filePath("bobs/big.bin")).size() == 4 * 1024 * 1024, 60'000);
    QTRY_VERIFY_WITH_TIMEOUT(!bar->isVisible(), 30'000);
    bob.stop();
    alice.stop();
}

void tst_MainWindow::showsConfigurationProblem()
{
    ui::MainWindow w;
    w.showProblem("/etc/escale.conf",
                  "escale.conf:3: 'mode': expected shared, upload, download or conservative");
    w.show();
    auto* label = w.findChild<QLabel*>("problem");
    QVERIFY(label->isVisible());
    QVERIFY(label->text().contains("escale.conf:3: 'mode'"));
    QVERIFY(!w.findChild<QWidget*>("repositories")->isVisible());
    QVERIFY(!w.findChild<QWidget*>("notSetUp")->isVisible());
}

void tst_MainWindow::logViewerAndAbout()
{
    QTemporaryDir root;
    const QString log = root.filePath("state/escale.log");
    harness::writeFile(log, "2026-12-05T10:00:00.000Z info escale.app: Escale 1.0 (desktop) with escale.conf\n"
                            "2026-12-05T10:00:01.000Z info escale.engine: [docs] repository ready on /r\n"
                            "2026-12-05T10:00:02.000Z debug escale.engine: [docs] pass: header 0 ms\n"
                            "2026-12-05T10:00:03.000Z warning escale.engine: [photos] cannot read x.jpg\n"
                            "  a second line of that message\n"
                            "2026-12-05T10:00:04.000Z error escale.engine: [docs] the relay is full\n");
    ui::LogViewer viewer(log);
    viewer.show();
    // Information and above by default: the debug line is left out; a message keeps its lines.
    QCOMPARE(viewer.shownLines().size(), 4);
    QVERIFY(!viewer.shownLines().join("\n").contains("pass: header"));
    QVERIFY(viewer.shownLines().at(2).endsWith("\n  a second line of that message"));
    viewer.setRepositoryFilter("docs");
    QCOMPARE(viewer.shownLines().size(), 2);
    viewer.setLevelFilter(3);
    QCOMPARE(viewer.shownLines(), QStringList{"2026-12-05T10:00:04.000Z error escale.engine: [docs] the relay is full"});
    viewer.setLevelFilter(0);
    QCOMPARE(viewer.shownLines().size(), 3);
    viewer.findChild<QLineEdit*>("search")->setText("READY");
    QCOMPARE(viewer.shownLines().size(), 1);
    viewer.findChild<QPushButton*>("copy")->click();
    QCOMPARE(QGuiApplication::clipboard()->text(), viewer.shownLines().first());
    viewer.findChild<QLineEdit*>("search")->clear();
    // Followed as it grows.
    QFile more(log);
    QVERIFY(more.open(QIODevice::Append));
    more.write("2026-12-05T10:00:05.000Z info escale.engine: [docs] received b.txt\n");
    more.close();
    QTRY_COMPARE_WITH_TIMEOUT(viewer.shownLines().size(), 4, 5000);
    QVERIFY(viewer.shownLines().last().endsWith("received b.txt"));
    QVERIFY(ui::LogViewer::parse("2026-12-05T10:00:05.000Z info escale.app: no repository").value().repository.isEmpty());
    QVERIFY(!ui::LogViewer::parse("not a log line"));

    ui::AboutBox about("/home/u/.config/escale/escale.conf", "/home/u/.local/share/escale", log);
    QVERIFY(about.text().contains(QString("Escale ") + escale::versionString()));
    QVERIFY(about.text().contains("CeCILL-C"));
    QVERIFY(about.text().contains("/home/u/.config/escale/escale.conf"));
    QVERIFY(about.text().contains(log));
}

// Core's messages start in lower case ("the relay folder ..."): shown on their own, a capital; a
// message that starts with a file's or a relay's name keeps it as it is.
void tst_MainWindow::problemsReadAsSentences()
{
    QCOMPARE(ui::Words::sentence("the relay folder /mnt/usb is not there"), QString("The relay folder /mnt/usb is not there"));
    QCOMPARE(ui::Words::sentence("l’archive est pleine"), QString("L’archive est pleine"));
    QCOMPARE(ui::Words::sentence("photos/a.jpg changed locally meanwhile"), QString("photos/a.jpg changed locally meanwhile"));
    QCOMPARE(ui::Words::sentence("webdavs://dav.example/x: not found"), QString("webdavs://dav.example/x: not found"));
    QCOMPARE(ui::Words::sentence("notes.txt: not found"), QString("notes.txt: not found"));
    QCOMPARE(ui::Words::sentence("Already a sentence"), QString("Already a sentence"));
    QCOMPARE(ui::Words::sentence(""), QString());
}

// A folder emptied whole (its marker gone with its files): nothing syncs, the window says why and
// offers to delete the files everywhere; the other machine keeps them until then.
void tst_MainWindow::emptiedFolderAsksBeforeDeleting()
{
    QTemporaryDir root;
    const config::Config config = load(section("docs", root, "docs", "relay", "alice"), root);
    harness::writeFile(root.filePath("docs/a.txt"), "kept until confirmed");
    control::Instance instance(config, false);
    control::Instance other(load(section("docs", root, "bobs", "relay", "bob"), root), false);
    instance.start();
    other.start();
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(root.filePath("bobs/a.txt")), 30'000);
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(root.filePath("docs/.escale-folder")), 30'000);
    ui::MainWindow w;
    w.setInstance(&instance);
    w.showConfiguration(config);
    w.show();
    auto* docs = w.findChild<QWidget*>("repository:docs");
    QVERIFY(!shown(docs, "confirmDeletions"));

    for (const QString& name : QDir(root.filePath("docs")).entryList(QDir::Files | QDir::Hidden))
        QVERIFY(QFile::remove(root.filePath("docs/" + name)));
    instance.retry(0);
    QTRY_VERIFY_WITH_TIMEOUT(shown(docs, "confirmDeletions"), 30'000);
    QVERIFY(instance.status(0).lastPass.markerLost);
    QVERIFY2(textOf(docs, "problem").contains("lost its marker"), qPrintable(textOf(docs, "problem")));
    {
        ui::ActivityWindow activity(&instance);
        QVERIFY(activity.findChild<QFrame*>("problem:docs")->findChild<QPushButton*>("confirmDeletions"));
    }
    other.retry(0);
    QTest::qWait(1500);
    QVERIFY(QFileInfo::exists(root.filePath("bobs/a.txt"))); // nothing deleted without asking

    docs->findChild<QPushButton*>("confirmDeletions")->click();
    QTRY_VERIFY_WITH_TIMEOUT(instance.status(0).lastError.isEmpty() && !shown(docs, "confirmDeletions"), 30'000);
    QVERIFY(QFileInfo::exists(root.filePath("docs/.escale-folder"))); // marked again
    other.retry(0);
    QTRY_VERIFY_WITH_TIMEOUT(!QFileInfo::exists(root.filePath("bobs/a.txt")), 30'000);
    other.stop();
    instance.stop();
}

QTEST_MAIN(tst_MainWindow)
#include "tst_MainWindow.moc"
