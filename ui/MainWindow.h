#pragma once

#include "TransferRate.h"
#include "config/Config.h"

#include <QElapsedTimer>
#include <QHash>
#include <QMainWindow>
#include <QPointer>

class QLabel;
class QPushButton;
class QScrollArea;
class QTabWidget;
class QTreeWidget;
class QVBoxLayout;

namespace escale::control {
class Instance;
}

namespace escale::ui {

class RepositoryPanel;

// The status window, where a click on the tray lands (and the window itself without a tray): per
// repository its state at a glance (the tray's colours), the last sync, what is being sent and
// received now (files, bytes, speed, time left), its conflicts and problems with the buttons that
// act on them; below, the files that came and went last (openable) and the other machines.
// Before any repository, it says Escale is not set up and offers the wizard. A view on the
// instance: its buttons are the instance's commands.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // The repositories to show, and follow.
    void setInstance(control::Instance* instance);
    // The configuration file named at the bottom.
    void showConfiguration(const config::Config& config);
    // The configuration cannot be used: only the problem, whole.
    void showProblem(const QString& configPath, const QString& problem);

    // Shows the state as it is now (else twice a second while a transfer moves).
    void refresh();

    // The activity window's tabs, as MainWindow asks for them.
    enum class Activity
    {
        Transfers, // or, from the Activity... button, what matters most (ActivityWindow::tabThatMatters)
        Conflicts,
        Errors,
    };

Q_SIGNALS:
    void activityRequested(escale::ui::MainWindow::Activity tab);
    void settingsRequested();
    void addRepositoryRequested();
    void logRequested();
    void aboutRequested();

private:
    void rebuildPanels();
    void refreshPanels(); // the repositories' lines (with what moves now)
    void addRecent(int row);
    void refreshRecent();
    void refreshMachines();

    control::Instance* m_instance = nullptr;
    QLabel* m_problem = nullptr;
    QWidget* m_notSetUp = nullptr;
    QWidget* m_panelsArea = nullptr;
    QScrollArea* m_panelsScroll = nullptr;
    QVBoxLayout* m_panels = nullptr;
    QList<RepositoryPanel*> m_repositoryPanels;
    QTabWidget* m_lists = nullptr;
    QTreeWidget* m_recent = nullptr;
    QTreeWidget* m_machines = nullptr;
    QWidget* m_buttons = nullptr;
    QLabel* m_configPath = nullptr;
    QElapsedTimer m_clock;
};

} // namespace escale::ui

Q_DECLARE_METATYPE(escale::ui::MainWindow::Activity)
