// Desktop notifications go to the session's notification server (org.freedesktop.Notifications):
// a newer one of the same key replaces the older, a withdrawn one is closed, a click comes back
// with its key; without a server, the tray's balloon. Runs in a private D-Bus session
// (keychain/in-keyring.sh), with a notification server of its own.
#include "DesktopNotifications.h"
#include "TrayIcon.h"
#include "TrayModel.h"
#include "config/ConfigLoader.h"
#include "control/Instance.h"

#include <QApplication>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace escale;

// A notification server as the desktop's: it keeps what is shown, by id.
class FakeServer : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")

public:
    struct Shown
    {
        QString summary;
        QString body;
        QStringList actions;
        int urgency = -1;
    };
    QHash<uint, Shown> shown;
    QList<uint> closed;
    uint next = 1;

public Q_SLOTS:
    uint Notify(const QString& app, uint replaces, const QString& icon, const QString& summary,
                const QString& body, const QStringList& actions, const QVariantMap& hints, int timeout)
    {
        Q_UNUSED(app)
        Q_UNUSED(icon)
        Q_UNUSED(timeout)
        const uint id = replaces != 0 ? replaces : next++;
        shown.insert(id, Shown{summary, body, actions, hints.value("urgency").toInt()});
        return id;
    }
    void CloseNotification(uint id)
    {
        closed << id;
        shown.remove(id);
        Q_EMIT NotificationClosed(id, 3);
    }
    QStringList GetCapabilities() { return {"actions", "body"}; }

Q_SIGNALS:
    void ActionInvoked(uint id, const QString& action);
    void NotificationClosed(uint id, uint reason);
};

class tst_Notifications : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void replacedWithdrawnAndClicked();
};

void tst_Notifications::replacedWithdrawnAndClicked()
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected())
        QFAIL("no D-Bus session: run under tests/keychain/in-keyring.sh");
    const auto loaded = config::ConfigLoader::load("", "escale.conf", "/tmp");
    control::Instance instance(loaded.config, false);
    ui::TrayModel model(&instance);
    ui::TrayIcon tray(&model);
    ui::DesktopNotifications notifications(&tray);

    // No server yet: the tray's balloon (not shown without a tray), nothing kept to withdraw.
    QVERIFY(!notifications.serverPresent());
    notifications.show("docs/2", "docs: sync failed", "the relay cannot be reached", true);
    QVERIFY(notifications.shownKeys().isEmpty());

    FakeServer server;
    QVERIFY(bus.registerObject("/org/freedesktop/Notifications", &server,
                               QDBusConnection::ExportAllSlots | QDBusConnection::ExportAllSignals));
    QVERIFY(bus.registerService("org.freedesktop.Notifications"));
    QVERIFY(notifications.serverPresent());

    notifications.show("docs/2", "docs: sync failed", "the relay cannot be reached", true);
    QCOMPARE(server.shown.size(), 1);
    const uint error = server.shown.keys().first();
    QCOMPARE(server.shown.value(error).summary, QString("docs: sync failed"));
    QCOMPARE(server.shown.value(error).urgency, 2); // critical: it stays until seen
    QVERIFY(server.shown.value(error).actions.contains("default"));
    // Another error of the same repository replaces it; a conflict is another notification.
    notifications.show("docs/2", "docs: sync failed", "wrong password", true);
    QCOMPARE(server.shown.size(), 1);
    QCOMPARE(server.shown.value(error).body, QString("wrong password"));
    notifications.show("docs/1", "docs: conflicting changes", "1 file", false);
    QCOMPARE(server.shown.size(), 2);
    const uint conflict = notifications.shownKeys().contains("docs/1") ? server.next - 1 : 0;
    QCOMPARE(server.shown.value(conflict).urgency, 1);

    // A click comes back with its key.
    QSignalSpy clicked(&notifications, &ui::DesktopNotifications::clicked);
    Q_EMIT server.ActionInvoked(conflict, "default");
    QTRY_COMPARE(clicked.size(), 1);
    QCOMPARE(clicked.first().first().toString(), QString("docs/1"));

    // The error is gone: its notification is closed on the desktop; the conflict stays.
    notifications.withdraw("docs/2");
    QTRY_COMPARE(server.closed, QList<uint>{error});
    QCOMPARE(server.shown.keys(), QList<uint>{conflict});
    notifications.withdraw("docs/2"); // twice: nothing more
    QTest::qWait(100);
    QCOMPARE(server.closed.size(), 1);
    // Closed by the user on the desktop: forgotten, not closed again later.
    server.CloseNotification(conflict);
    QTRY_VERIFY(notifications.shownKeys().isEmpty());
    notifications.withdraw("docs/1");
    QTest::qWait(100);
    QCOMPARE(server.closed.size(), 2);
    bus.unregisterService("org.freedesktop.Notifications");
}

QTEST_MAIN(tst_Notifications)
#include "tst_Notifications.moc"
