#pragma once

#include "TrayModel.h"

#include <QMenu>
#include <QObject>
#include <memory>

class QSystemTrayIcon;

namespace escale::ui {

// The tray icon and its menu, drawn from a TrayModel; its actions go through the instance's
// commands (the same as escalectl's). The menu is rebuilt when the status changes.
class TrayIcon : public QObject
{
    Q_OBJECT

public:
    explicit TrayIcon(TrayModel* model, QObject* parent = nullptr);
    ~TrayIcon() override;

    void show();
    bool isVisible() const;
    QMenu* menu() const { return m_menu.get(); }
    QIcon icon() const;
    // A desktop notification from the tray (shown only while the tray is).
    void showMessage(const QString& title, const QString& message, bool warning);

Q_SIGNALS:
    void showWindowRequested();
    void addRepositoryRequested();
    void activityRequested();
    void settingsRequested();
    void logRequested();
    void aboutRequested();
    void accessRequested(int repository); // "Choose what syncs..."
    void messageClicked(); // a notification the user clicked
    void quitRequested();

private:
    void rebuild();
    void command(const QString& name, const QString& repository = {}, const QDateTime& until = {});
    // "Pause" with its choices: until resumed, for an hour, until tomorrow morning.
    void addPauseMenu(QMenu* menu, const QString& text, const QString& repository);
    static QDateTime tomorrowMorning(); // 08:00 tomorrow, local time
    static constexpr int kRecentInMenu = 10;

    TrayModel* m_model;
    std::unique_ptr<QMenu> m_menu;
    QSystemTrayIcon* m_tray;
};

} // namespace escale::ui
