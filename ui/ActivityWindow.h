#pragma once

#include "TransferRate.h"
#include "control/Instance.h"

#include <QElapsedTimer>
#include <QHash>
#include <QWidget>

class QLabel;
class QPushButton;
class QTabWidget;
class QTreeWidget;
class QVBoxLayout;

namespace escale::ui {

class ConflictView;

// What Escale is doing and has done, from the running instance: each repository's state and
// relay space against its quota, the transfers under way with their speed, the recent changes
// (who, what, when), conflicts with their resolutions, errors with their remedies, the other
// clients, and the engine's held-back mass deletions waiting for a decision. A view: its
// actions go through the instance and core (sync/Conflicts), never around them.
class ActivityWindow : public QWidget
{
    Q_OBJECT

public:
    explicit ActivityWindow(control::Instance* instance, QWidget* parent = nullptr);

    enum Tab
    {
        TransfersTab,
        ChangesTab,
        ConflictsTab,
        ErrorsTab,
        ClientsTab,
    };
    void showTab(Tab tab);
    // The tab that matters now: errors when a repository has a problem, else conflicts when some
    // wait, else the transfers.
    static Tab tabThatMatters(const control::Instance* instance);
    // Re-reads the conflict copies of every folder (also done when a pass reports some).
    void refreshConflicts();
    // Shows the transfers as they stand now (else every half second while they move).
    void refreshTransfers();

Q_SIGNALS:
    void resolved(const QString& result); // a conflict resolution done, in words
    void settingsRequested();             // a problem's Settings... button

private:
    void refresh();
    void refreshOverview();
    void refreshErrors();
    void refreshClients();
    void refreshHeld();
    void addChange(const control::Change& change);
    void resolveSelected(int choice);
    void showSelectedConflict(); // both versions, and the buttons named after their machines

    control::Instance* m_instance;
    QVBoxLayout* m_heldBox;
    QTreeWidget* m_overview;
    QTabWidget* m_tabs;
    QTreeWidget* m_transfers;
    QTreeWidget* m_changes;
    QTreeWidget* m_conflicts;
    ConflictView* m_conflictView;
    QPushButton* m_keepMine;
    QPushButton* m_keepTheirs;
    QPushButton* m_keepBoth;
    QPushButton* m_showInFolder;
    QLabel* m_conflictStatus;
    QVBoxLayout* m_errors;   // a frame per problem, its text whole, with its buttons
    QStringList m_errorsShown; // what they say, to rebuild them only when it changes
    QTreeWidget* m_clients;
    QList<int> m_conflictsSeen; // conflictsWaiting per repository at the last refresh

    QHash<int, TransferRate> m_samples; // speed per repository
    QElapsedTimer m_clock;
};

} // namespace escale::ui
