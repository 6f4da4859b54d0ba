#include "DesktopNotifications.h"

#include "TrayIcon.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusReply>
#include <QVariantMap>

namespace escale::ui {

namespace {
const QString kService = QStringLiteral("org.freedesktop.Notifications");
const QString kPath = QStringLiteral("/org/freedesktop/Notifications");
const QString kInterface = QStringLiteral("org.freedesktop.Notifications");
constexpr int kCallTimeoutMs = 2000; // a server that hangs does not freeze the interface long
} // namespace

DesktopNotifications::DesktopNotifications(TrayIcon* fallback, QObject* parent)
    : QObject(parent)
    , m_fallback(fallback)
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (bus.isConnected()) {
        // From whoever serves notifications (the server may start, or change, after this).
        bus.connect(QString(), kPath, kInterface, QStringLiteral("ActionInvoked"), this,
                    SLOT(onActionInvoked(uint, QString)));
        bus.connect(QString(), kPath, kInterface, QStringLiteral("NotificationClosed"), this,
                    SLOT(onClosed(uint, uint)));
    }
    if (m_fallback)
        connect(m_fallback, &TrayIcon::messageClicked, this, [this] {
            if (!m_lastFallbackKey.isEmpty())
                Q_EMIT clicked(m_lastFallbackKey);
        });
}

bool DesktopNotifications::serverPresent() const
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    return bus.isConnected() && bus.interface() && bus.interface()->isServiceRegistered(kService).value();
}

void DesktopNotifications::show(const QString& key, const QString& title, const QString& message, bool warning)
{
    if (serverPresent()) {
        QDBusMessage call = QDBusMessage::createMethodCall(kService, kPath, kInterface, QStringLiteral("Notify"));
        const QVariantMap hints{{QStringLiteral("urgency"), QVariant::fromValue(uchar(warning ? 2 : 1))},
                                {QStringLiteral("desktop-entry"), QStringLiteral("io.github.escale.Escale")}};
        call << QStringLiteral("Escale") << m_ids.value(key, 0u) << QStringLiteral("io.github.escale.Escale")
             << title << message << QStringList{QStringLiteral("default"), tr("Show")} << hints
             << int(warning ? 0 : -1); // a problem stays until seen or withdrawn
        const QDBusReply<uint> reply = QDBusConnection::sessionBus().call(call, QDBus::Block, kCallTimeoutMs);
        if (reply.isValid()) {
            m_ids.insert(key, reply.value());
            return;
        }
    }
    if (m_fallback) {
        m_lastFallbackKey = key;
        m_fallback->showMessage(title, message, warning);
    }
}

void DesktopNotifications::withdraw(const QString& key)
{
    const auto found = m_ids.constFind(key);
    if (found == m_ids.constEnd())
        return;
    const uint id = *found;
    m_ids.erase(found);
    QDBusMessage call =
        QDBusMessage::createMethodCall(kService, kPath, kInterface, QStringLiteral("CloseNotification"));
    call << id;
    QDBusConnection::sessionBus().call(call, QDBus::NoBlock);
}

void DesktopNotifications::onActionInvoked(uint id, const QString& action)
{
    Q_UNUSED(action) // "default" (the notification itself) or "Show": the same
    const QString key = m_ids.key(id);
    if (!key.isEmpty())
        Q_EMIT clicked(key);
}

void DesktopNotifications::onClosed(uint id, uint reason)
{
    Q_UNUSED(reason)
    const QString key = m_ids.key(id);
    if (!key.isEmpty())
        m_ids.remove(key);
}

} // namespace escale::ui
