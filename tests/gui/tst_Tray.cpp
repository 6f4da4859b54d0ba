// The tray follows the engine's states through the instance's status model, and its menu acts
// on the instance.
#include "SyncHarness.h"
#include "Notifier.h"
#include "Translations.h"
#include "TrayIcon.h"
#include "TrayModel.h"
#include "config/ConfigLoader.h"
#include "control/Instance.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QMenu>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace escale;
using State = ui::TrayModel::State;

namespace {
// A machine of the repository 'docs' on the folder relay root/relay: its folder root/NAME.
config::Config machine(const QTemporaryDir& root, const QString& name, const QString& extra = {})
{
    const QString text = QString("[docs]\nlocal path = %1\nrelay address = %2\nclient name = %3\n"
                                 "state dir = %4\nrefresh = 1\n%5")
                             .arg(root.filePath(name), root.filePath("relay"), name, root.filePath(name + "-state"), extra);
    QDir().mkpath(root.filePath(name));
    return config::ConfigLoader::load(text.toUtf8(), root.filePath(name + ".conf"), root.path()).config;
}
} // namespace

class tst_Tray : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QCOMPARE(ui::installTranslation(*qApp, "en"), QString("en")); } // plurals
    void followsTheEngine();
    void notSetUp();
    void iconsRenderAtTraySizes();
    void notificationsAreRateLimited();
    void saysWhatWaits();
    void neverUpToDateWithChangesToSend();
    void keychainFailureIsSaidAsSuch();
    void syncingForWorkNotForEachPoll();
    void inFrench(); // last: it leaves the French catalogue installed
};

void tst_Tray::followsTheEngine()
{
    QTemporaryDir root;
    const QString text =
        QString("[docs]\nlocal path = %1\nrelay address = %2\nclient name = alice\nstate dir = %3\n"
                "refresh = 1\n[photos]\nlocal path = %4\nrelay address = %5\nstate dir = %3\n"
                "refresh = 1\n")
            .arg(root.filePath("docs"), root.filePath("relay"), root.filePath("state"),
                 root.filePath("photos"), root.filePath("relay2"));
    QDir().mkpath(root.filePath("docs"));
    QDir().mkpath(root.filePath("photos"));
    harness::writeFile(root.filePath("docs/a.txt"), "a");
    // Written a while ago: the first pass sends it (a file just written waits to settle, and whether
    // it went before the menu is read below would depend on the machine's speed).
    harness::setMtime(root.filePath("docs/a.txt"), QDateTime::currentSecsSinceEpoch() - 3600);
    const auto loaded = config::ConfigLoader::load(text.toUtf8(), root.filePath("escale.conf"), root.path());
    QVERIFY(!loaded.hasErrors());
    control::Instance instance(loaded.config, false);
    ui::TrayModel model(&instance);
    ui::TrayIcon tray(&model);
    QCOMPARE(model.state(), State::Syncing); // starting
    if (QMenu* none = tray.menu()->findChild<QMenu*>("recent")) { // nothing sent or received yet
        QCOMPARE(none->actions().size(), 1);
        QCOMPARE(none->actions().first()->text(), QString("None yet"));
        QVERIFY(!none->actions().first()->isEnabled());
    } else {
        QFAIL("no recent files menu");
    }
    instance.start();
    QTRY_COMPARE_WITH_TIMEOUT(model.state(), State::UpToDate, 30'000);
    QVERIFY2(model.tooltip().startsWith("Escale — Up to date\ndocs: up to date ("),
             qPrintable(model.tooltip()));
    QVERIFY(model.tooltip().contains("\nphotos: up to date ("));
    QCOMPARE(model.iconPath(), QString(":/tray/uptodate.svg"));
    QVERIFY(!tray.icon().isNull());

    // The menu: a status line, a submenu per repository, pause all, quit.
    QMenu* menu = tray.menu();
    QTRY_COMPARE(menu->actions().first()->text(), QString("Up to date"));
    QVERIFY(!menu->actions().first()->isEnabled());
    auto titleOf = [menu](const char* name) {
        QMenu* sub = menu->findChild<QMenu*>(name);
        return sub ? sub->title() : QString();
    };
    QTRY_VERIFY(titleOf("repository:docs").startsWith("docs: up to date") &&
                titleOf("repository:photos").startsWith("photos: up to date"));
    QMenu* docs = menu->findChild<QMenu*>("repository:docs");
    QVERIFY(docs);
    QStringList items;
    for (QAction* a : docs->actions())
        items << a->text();
    QCOMPARE(items, (QStringList{"Open folder", "Choose what syncs...", "Pause", "Sync now"}));
    QStringList top;
    for (QAction* a : menu->actions())
        if (!a->isSeparator())
            top << a->text();
    // Nothing paused: "Pause all" (a choice of how long), no "Resume all".
    QCOMPARE(top.mid(1), (QStringList{docs->title(), menu->findChild<QMenu*>("repository:photos")->title(),
                                      "Recent files", "Pause all", "Activity...", "Settings...",
                                      "Add repository...", "Show Escale", "Log...", "About Escale...", "Quit"}));
    // The recent files: a.txt, sent, openable.
    QMenu* recent = menu->findChild<QMenu*>("recent");
    QVERIFY(recent);
    QTRY_COMPARE(recent->actions().first()->text(), QString("a.txt"));
    QCOMPARE(recent->actions().size(), 1);
    QVERIFY(recent->actions().first()->isEnabled());
    QSignalSpy access(&tray, &ui::TrayIcon::accessRequested);
    docs->actions().at(1)->trigger();
    QCOMPARE(access.size(), 1);
    QCOMPARE(access.first().first().toInt(), 0);

    auto choose = [&](const QString& menuName, const QString& item) {
        QMenu* sub = menu->findChild<QMenu*>(menuName);
        QVERIFY2(sub, qPrintable(menuName));
        for (QAction* a : sub->actions())
            if (a->text().startsWith(item)) {
                a->trigger();
                return;
            }
        QFAIL(qPrintable("no menu item " + item));
    };
    // Pause from the menu: the repository pauses; all paused shows as paused.
    QCOMPARE(docs->actions().at(2)->text(), QString("Pause"));
    choose("pause:docs", "Until resumed");
    QTRY_VERIFY(instance.status(0).paused);
    QVERIFY(!instance.status(0).pausedUntil.isValid());
    QVERIFY(model.tooltip().contains("docs: paused"));
    QVERIFY(model.state() != State::Paused); // photos still runs
    auto trigger = [&](const QString& item) {
        for (QAction* a : menu->actions())
            if (a->text() == item) {
                a->trigger();
                return;
            }
        QFAIL(qPrintable("no menu item " + item));
    };
    QTRY_VERIFY(menu->findChild<QMenu*>("pause:docs") == nullptr); // docs: "Resume" now
    top.clear();
    for (QAction* a : menu->actions())
        if (!a->isSeparator() && !a->menu())
            top << a->text();
    QVERIFY2(top.contains("Resume all"), qPrintable(top.join(", "))); // photos runs, docs is paused: both
    // Paused for an hour, all of them: the status line says until when.
    choose("pause:", "For 1 hour");
    QTRY_COMPARE(model.state(), State::Paused);
    for (int i : {0, 1})
        QVERIFY(qAbs(QDateTime::currentDateTimeUtc().secsTo(instance.status(i).pausedUntil) - 3600) < 60);
    const QString until = ui::TrayModel::until(instance.status(0).pausedUntil);
    QTRY_COMPARE(menu->actions().first()->text(), "Paused until " + until);
    QVERIFY(model.tooltip().contains("docs: paused until " + until));
    QTRY_VERIFY(menu->findChild<QMenu*>("pause:") == nullptr); // nothing runs: no "Pause all"
    trigger("Resume all");
    QTRY_COMPARE_WITH_TIMEOUT(model.state(), State::UpToDate, 30'000);
    QVERIFY(!instance.status(0).pausedUntil.isValid());

    // A conflict copy in the folder: conflicts waiting.
    harness::writeFile(root.filePath("docs/n (conflict from bob 2026-11-26 101500).txt"), "theirs");
    harness::writeFile(root.filePath("docs/n.txt"), "mine");
    QTRY_COMPARE_WITH_TIMEOUT(model.state(), State::Conflicts, 30'000);
    QVERIFY2(model.tooltip().contains("docs: up to date") && model.tooltip().contains("1 conflict"),
             qPrintable(model.tooltip()));
    QCOMPARE(model.iconPath(), QString(":/tray/conflicts.svg"));

    // The photos folder disappears (an unmounted disk): error, which outranks conflicts.
    QVERIFY(QDir(root.filePath("photos")).removeRecursively());
    QTRY_COMPARE_WITH_TIMEOUT(model.state(), State::Error, 30'000);
    QVERIFY2(model.tooltip().contains("photos: error: the local folder"), qPrintable(model.tooltip()));
    QTRY_COMPARE(menu->actions().first()->text(), QString("A repository needs attention"));
    // The menu line is cut to a menu's width; its tooltip and the tooltip have it whole.
    QMenu* photos = menu->findChild<QMenu*>("repository:photos");
    QVERIFY(photos);
    QVERIFY2(photos->title().size() <= ui::TrayModel::kMenuCharacters && photos->title().endsWith("…"),
             qPrintable(photos->title()));
    QVERIFY(photos->menuAction()->toolTip().contains("create it, or mount the disk it is on"));

    // Another machine joins docs: its recent files are what it received, openable.
    const auto bobs = config::ConfigLoader::load(
        QString("[docs]\nlocal path = %1\nrelay address = %2\nclient name = bob\nstate dir = %3\n")
            .arg(root.filePath("bobs"), root.filePath("relay"), root.filePath("bobstate"))
            .toUtf8(),
        root.filePath("bob.conf"), root.path());
    QVERIFY(!bobs.hasErrors());
    QDir().mkpath(root.filePath("bobs"));
    control::Instance bob(bobs.config, false);
    ui::TrayModel bobModel(&bob);
    ui::TrayIcon bobTray(&bobModel);
    bob.start();
    auto bobRecent = [&bobTray] {
        QStringList files;
        if (QMenu* m = bobTray.menu()->findChild<QMenu*>("recent"))
            for (QAction* a : m->actions())
                files << a->text() + " " + a->toolTip();
        return files;
    };
    QTRY_VERIFY_WITH_TIMEOUT(bobRecent().size() >= 2, 30'000);
    QVERIFY2(bobRecent().contains("a.txt " + root.filePath("bobs/a.txt")), qPrintable(bobRecent().join(", ")));
    bob.stop();
    instance.stop();
}

void tst_Tray::notSetUp()
{
    // No repository yet: not "up to date" but "not set up", and the wizard is what it offers.
    const auto loaded = config::ConfigLoader::load("", "escale.conf", "/tmp");
    control::Instance instance(loaded.config, false);
    ui::TrayModel model(&instance);
    ui::TrayIcon tray(&model);
    QCOMPARE(model.state(), State::NotSetUp);
    QCOMPARE(model.statusLine(), QString("Not set up"));
    QCOMPARE(model.iconPath(), QString(":/tray/notsetup.svg"));
    QVERIFY2(model.tooltip().contains("not set up"), qPrintable(model.tooltip()));
    QStringList items;
    for (QAction* a : tray.menu()->actions())
        if (!a->isSeparator())
            items << a->text();
    QCOMPARE(items, (QStringList{"Not set up", "Set up a folder to sync...", "Quit"}));
    QSignalSpy wizard(&tray, &ui::TrayIcon::addRepositoryRequested);
    tray.menu()->actions().at(2)->trigger();
    QCOMPARE(wizard.size(), 1);
}

void tst_Tray::iconsRenderAtTraySizes()
{
    // Each state's icon renders at 16 to 32 px, with visible pixels and its own colour.
    QSet<QRgb> centres;
    for (const QString name : {"uptodate", "syncing", "paused", "offline", "error", "conflicts", "notsetup"}) {
        const QIcon icon(":/tray/" + name + ".svg");
        for (int size : {16, 22, 24, 32}) {
            const QImage image = icon.pixmap(size, size).toImage();
            QCOMPARE(image.width(), size);
            int opaque = 0;
            for (int y = 0; y < size; ++y)
                for (int x = 0; x < size; ++x)
                    opaque += qAlpha(image.pixel(x, y)) > 200;
            QVERIFY2(opaque > size * size / 2, qPrintable(name)); // a filled disc, not a faint line
            if (size == 32)
                centres.insert(image.pixel(4, 16) | 0xff000000);
        }
    }
    QVERIFY(centres.size() >= 5); // states tell apart by colour (offline and paused are both grey)
}

void tst_Tray::notificationsAreRateLimited()
{
    QTemporaryDir root;
    QDir().mkpath(root.filePath("docs"));
    harness::writeFile(root.filePath("docs/a.txt"), "a");
    const QString text = QString("[docs]\nlocal path = %1\nrelay address = %2\nstate dir = %3\n")
                             .arg(root.filePath("docs"), root.filePath("relay"), root.filePath("state"));
    const auto loaded = config::ConfigLoader::load(text.toUtf8(), root.filePath("escale.conf"), root.path());
    QVERIFY(!loaded.hasErrors());
    control::Instance instance(loaded.config, false);
    ui::Notifier notifier(&instance);
    QDateTime now = QDateTime::currentDateTimeUtc();
    notifier.setClock([&now] { return now; });
    QList<std::pair<ui::Notifier::Kind, QString>> shown;
    connect(&notifier, &ui::Notifier::notify, this,
            [&shown](ui::Notifier::Kind kind, const QString&, const QString& title, const QString&) {
                shown.append({kind, title});
            });
    QList<ui::Notifier::Kind> withdrawn;
    connect(&notifier, &ui::Notifier::withdrawn, this,
            [&withdrawn](ui::Notifier::Kind kind, const QString& repository) {
                QCOMPARE(repository, QString("docs"));
                withdrawn.append(kind);
            });
    // A real first pass: "in sync", once.
    instance.start();
    QTRY_COMPARE_WITH_TIMEOUT(shown.size(), 1, 30'000);
    QCOMPARE(shown.first().first, ui::Notifier::Kind::FirstSync);
    QCOMPARE(shown.first().second, QString("docs is in sync"));
    instance.stop();
    // Not at the next start: the first sync happened once, ever.
    {
        control::Instance again(loaded.config, false);
        ui::Notifier other(&again);
        int told = 0;
        connect(&other, &ui::Notifier::notify, this, [&told] { ++told; });
        again.start();
        QTRY_VERIFY_WITH_TIMEOUT(again.status(0).passes > 0, 30'000);
        again.stop();
        QCOMPARE(again.status(0).state, control::RepositoryStatus::State::Idle);
        QCOMPARE(told, 0);
    }

    // Passes reported to it: a failure once per distinct error, conflicts and a full relay at
    // most once per interval.
    sync::PassResult failed;
    failed.status = sync::PassResult::Status::Failed;
    failed.error = "the relay cannot be reached";
    shown.clear();
    for (int i = 0; i < 5; ++i)
        Q_EMIT instance.passFinished(0, failed);
    QCOMPARE(shown.size(), 1);
    QCOMPARE(shown.last().first, ui::Notifier::Kind::Error);
    QVERIFY(withdrawn.isEmpty());
    sync::PassResult good;
    good.conflicts = 2;
    good.waitingForSpace = true;
    Q_EMIT instance.passFinished(0, good);
    QCOMPARE(shown.size(), 3); // conflicts, relay full; no second "in sync"
    QCOMPARE(shown.at(1).first, ui::Notifier::Kind::Conflicts);
    QCOMPARE(shown.at(2).first, ui::Notifier::Kind::RelayFull);
    // The error is gone with the pass that went well: its notification is withdrawn, once.
    QCOMPARE(withdrawn, QList<ui::Notifier::Kind>{ui::Notifier::Kind::Error});
    now = now.addSecs(60);
    Q_EMIT instance.passFinished(0, good);
    QCOMPARE(shown.size(), 3); // within the interval: nothing new
    // The same error after a recovery, later: shown again.
    now = now.addSecs(11 * 60);
    Q_EMIT instance.passFinished(0, failed);
    QCOMPARE(shown.size(), 4);
    Q_EMIT instance.passFinished(0, good);
    QCOMPARE(shown.size(), 6);
    // A conflict copy received from the machine that made it (this one made none): told too;
    // the notification goes once none is left.
    now = now.addSecs(11 * 60);
    withdrawn.clear();
    sync::PassResult quiet;
    quiet.conflictsWaiting = 0;
    Q_EMIT instance.passFinished(0, quiet); // also: room on the relay again
    QCOMPARE(withdrawn, (QList<ui::Notifier::Kind>{ui::Notifier::Kind::RelayFull, ui::Notifier::Kind::Conflicts}));
    sync::PassResult received;
    received.conflictsWaiting = 1;
    Q_EMIT instance.passFinished(0, received);
    QCOMPARE(shown.size(), 7);
    QCOMPARE(shown.last().first, ui::Notifier::Kind::Conflicts);
    Q_EMIT instance.passFinished(0, received); // the same copy still waits: nothing new
    QCOMPARE(shown.size(), 7);
    withdrawn.clear();
    Q_EMIT instance.passFinished(0, quiet);
    QCOMPARE(withdrawn, QList<ui::Notifier::Kind>{ui::Notifier::Kind::Conflicts});
    shown.removeLast();
    // A keychain that cannot give a secret is said as such, once.
    const QString locked = "cannot read the passphrase: the keychain did not answer within 10 s (is it locked?)";
    Q_EMIT instance.failedToStart(0, locked, true);
    Q_EMIT instance.failedToStart(0, locked, true);
    QCOMPARE(shown.size(), 7);
    QCOMPARE(shown.last().first, ui::Notifier::Kind::Keychain);
    QCOMPARE(shown.last().second, QString("docs: the keychain is not available"));
    notifier.setEnabled(false);
    now = now.addSecs(3600);
    Q_EMIT instance.passFinished(0, failed);
    QCOMPARE(shown.size(), 7);
}

// A content another machine published and nobody can send any more (its machine is off, the
// relay lost it): the file waits, and the tooltip says so beside "up to date".
void tst_Tray::saysWhatWaits()
{
    QTemporaryDir root;
    auto load = [&](const QString& name) { return machine(root, name); };
    harness::writeFile(root.filePath("bob/report.txt"), "bob's report");
    harness::setMtime(root.filePath("bob/report.txt"), 1'700'000'000); // not being written any more
    {
        control::Instance bob(load("bob"), false);
        bob.start();
        QTRY_VERIFY_WITH_TIMEOUT(bob.status(0).lastPass.published > 0, 30'000);
        bob.stop();
    }
    QVERIFY(QDir(root.filePath("relay/data")).removeRecursively()); // the relay lost its content
    control::Instance alice(load("alice"), false);
    ui::TrayModel model(&alice);
    alice.start();
    QTRY_VERIFY_WITH_TIMEOUT(model.tooltip().contains("docs: up to date"), 30'000);
    QTRY_VERIFY2_WITH_TIMEOUT(model.tooltip().contains(QRegularExpression(", 1 file(\\(s\\))? waiting \\(see Activity\\)")),
                              qPrintable(model.tooltip()), 30'000);
    QVERIFY(!QFile::exists(root.filePath("alice/report.txt")));
    alice.stop();
}

// Changes that wait to be sent (a relay full until the other machine takes its copies) are never
// called "up to date".
void tst_Tray::neverUpToDateWithChangesToSend()
{
    QTemporaryDir root;
    auto load = [&](const QString& name) { return machine(root, name, "disk quota = 1MB\nchunk size = 1MB\n"); };
    {
        control::Instance bob(load("bob"), false); // joins, then is away
        bob.start();
        QTRY_VERIFY_WITH_TIMEOUT(bob.status(0).state == control::RepositoryStatus::State::Idle, 30'000);
        bob.stop();
    }
    control::Instance alice(load("alice"), false);
    ui::TrayModel model(&alice);
    alice.start();
    QTRY_VERIFY_WITH_TIMEOUT(alice.status(0).state == control::RepositoryStatus::State::Idle, 30'000);
    for (int i = 0; i < 3; ++i)
        harness::writeFile(root.filePath(QString("alice/big%1.bin").arg(i)), harness::randomBytes(700 * 1024, i));
    QTRY_VERIFY_WITH_TIMEOUT(alice.status(0).state == control::RepositoryStatus::State::Idle &&
                                 alice.status(0).pendingUp > 0 && alice.status(0).lastPass.waitingForSpace,
                             30'000);
    QTRY_VERIFY2(model.tooltip().contains(QRegularExpression("docs: \\d changes? waiting to be sent")),
                 qPrintable(model.tooltip()));
    QVERIFY2(!model.tooltip().contains("up to date"), qPrintable(model.tooltip()));
    QVERIFY2(model.statusLine().contains("waiting to be sent"), qPrintable(model.statusLine()));
    QCOMPARE(model.state(), State::UpToDate); // the icon: nothing is wrong
    alice.stop();
}

// The keychain's failure is known by its cause, not by the words of the message: an encrypted
// repository whose passphrase only the keychain could give, on a machine without one, is said as
// a keychain problem; one whose passphrase file is empty is an ordinary error.
void tst_Tray::keychainFailureIsSaidAsSuch()
{
    const QByteArray bus = qgetenv("DBUS_SESSION_BUS_ADDRESS");
    qunsetenv("DBUS_SESSION_BUS_ADDRESS");
    qunsetenv("ESCALE_PASSPHRASE");
    const auto restore = qScopeGuard([&bus] {
        if (!bus.isEmpty())
            qputenv("DBUS_SESSION_BUS_ADDRESS", bus);
    });
    for (const bool fromKeychain : {true, false}) {
        QTemporaryDir root;
        QDir().mkpath(root.filePath("docs"));
        harness::writeFile(root.filePath("empty"), "");
        QFile::setPermissions(root.filePath("empty"), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        const QString text =
            QString("[docs]\nlocal path = %1\nrelay address = %2\nstate dir = %3\nencryption = on\n%4")
                .arg(root.filePath("docs"), root.filePath("relay"), root.filePath("state"),
                     fromKeychain ? QString() : "passphrase = " + root.filePath("empty") + "\n");
        const auto loaded = config::ConfigLoader::load(text.toUtf8(), root.filePath("escale.conf"), root.path());
        QVERIFY(!loaded.hasErrors());
        control::Instance instance(loaded.config, false);
        ui::Notifier notifier(&instance);
        QList<ui::Notifier::Kind> shown;
        connect(&notifier, &ui::Notifier::notify, this,
                [&shown](ui::Notifier::Kind kind, const QString&, const QString&, const QString&) {
                    shown.append(kind);
                });
        instance.start();
        QTRY_VERIFY_WITH_TIMEOUT(!shown.isEmpty(), 30'000);
        instance.stop();
        QCOMPARE(shown.first(), fromKeychain ? ui::Notifier::Kind::Keychain : ui::Notifier::Kind::Error);
    }
}

// The relay is polled twice a second after activity: the tray says "syncing" for a pass with files
// to move (at once), not for each of those polls (it would blink).
void tst_Tray::syncingForWorkNotForEachPoll()
{
    QTemporaryDir root;
    const QString text = QString("[docs]\nlocal path = %1\nrelay address = %2\nclient name = alice\nstate dir = %3\n")
                             .arg(root.filePath("docs"), root.filePath("relay"), root.filePath("state"));
    QDir().mkpath(root.filePath("docs"));
    const auto loaded = config::ConfigLoader::load(text.toUtf8(), root.filePath("escale.conf"), root.path());
    QVERIFY(!loaded.hasErrors());
    control::Instance instance(loaded.config, false);
    ui::TrayModel model(&instance);
    instance.start();
    QTRY_COMPARE_WITH_TIMEOUT(model.state(), State::UpToDate, 30'000);
    int syncing = 0;
    connect(&model, &ui::TrayModel::changed, this, [&] { syncing += model.state() == State::Syncing ? 1 : 0; });
    const int polls = instance.status(0).passes;
    QTRY_VERIFY_WITH_TIMEOUT(instance.status(0).passes >= polls + 6, 30'000); // idle polls
    const int idlePolls = instance.status(0).passes - polls;
    QVERIFY2(syncing * 2 < idlePolls, qPrintable(QString("%1 of %2").arg(syncing).arg(idlePolls)));
    syncing = 0;
    for (int i = 0; i < 300; ++i)
        harness::writeFile(root.filePath(QString("docs/file %1.txt").arg(i)), QByteArray(20'000, char('a' + i % 26)));
    QTRY_VERIFY_WITH_TIMEOUT(syncing > 0, 30'000);
    // Files still being written when a pass starts go at the next one: up to date once all are out.
    QTRY_COMPARE_WITH_TIMEOUT(instance.status(0).sent, 300, 30'000);
    QTRY_COMPARE_WITH_TIMEOUT(model.state(), State::UpToDate, 30'000);
}

void tst_Tray::inFrench()
{
    // The whole interface in French when asked (or when the system is French).
    QCOMPARE(ui::installTranslation(*qApp, "en"), QString("en"));
    QCOMPARE(ui::installTranslation(*qApp, "fr"), QString("fr"));
    QTemporaryDir root;
    QDir().mkpath(root.filePath("docs"));
    const QString text = QString("[docs]\nlocal path = %1\nrelay address = %2\nstate dir = %3\n")
                             .arg(root.filePath("docs"), root.filePath("relay"), root.filePath("state"));
    const auto loaded = config::ConfigLoader::load(text.toUtf8(), root.filePath("escale.conf"), root.path());
    control::Instance instance(loaded.config, false);
    ui::TrayModel model(&instance);
    ui::TrayIcon tray(&model);
    instance.start();
    QTRY_COMPARE_WITH_TIMEOUT(model.statusLine(), QString("À jour"), 30'000);
    QVERIFY2(model.tooltip().startsWith("Escale — À jour\ndocs : à jour ("), qPrintable(model.tooltip()));
    QTRY_COMPARE(tray.menu()->actions().first()->text(), QString("À jour"));
    QStringList items;
    for (QAction* a : tray.menu()->findChild<QMenu*>("repository:docs")->actions())
        items << a->text();
    QCOMPARE(items, (QStringList{"Ouvrir le dossier", "Choisir ce qui se synchronise…", "Suspendre",
                                 "Synchroniser maintenant"}));
    instance.stop();
}

QTEST_MAIN(tst_Tray)
#include "tst_Tray.moc"
