#pragma once

#include "config/Config.h"

#include <QMainWindow>

class QLabel;
class QTreeWidget;

namespace escale::ui {

// The main window: the repositories of the configuration and their state. It opens when
// there is no system tray, and from the tray menu.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget* parent = nullptr);

    void showConfiguration(const config::Config& config);
    void showProblem(const QString& configPath, const QString& problem);

Q_SIGNALS:
    // Without a tray, the window is where these are: the same as the tray menu's.
    void activityRequested();
    void settingsRequested();
    void addRepositoryRequested();

private:
    QLabel* m_message = nullptr;
    QTreeWidget* m_repositories = nullptr;
    QWidget* m_buttons = nullptr;
};

} // namespace escale::ui
