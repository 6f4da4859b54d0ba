#pragma once

#include <QHash>
#include <QObject>
#include <QString>

namespace escale::ui {

class TrayIcon;

// Notifications on the desktop's notification server (org.freedesktop.Notifications, on the
// session bus: GNOME, KDE, XFCE, any notification daemon), which can replace a notification and
// withdraw it once what it told of is gone; without one, the tray's balloon (which cannot be
// withdrawn). Each notification has a key (repository/kind): a new one with the same key replaces
// the old one, and `withdraw(key)` takes it away.
class DesktopNotifications : public QObject
{
    Q_OBJECT

public:
    explicit DesktopNotifications(TrayIcon* fallback, QObject* parent = nullptr);

    void show(const QString& key, const QString& title, const QString& message, bool warning);
    void withdraw(const QString& key);
    // Whether the session has a notification server (checked at each notification).
    bool serverPresent() const;
    // The keys shown and not withdrawn nor closed (tests).
    QStringList shownKeys() const { return m_ids.keys(); }

Q_SIGNALS:
    void clicked(const QString& key);

private Q_SLOTS:
    void onActionInvoked(uint id, const QString& action);
    void onClosed(uint id, uint reason);

private:
    TrayIcon* m_fallback;
    QHash<QString, uint> m_ids; // key -> the server's notification id
    QString m_lastFallbackKey;  // the tray balloon's (a click on it)
};

} // namespace escale::ui
