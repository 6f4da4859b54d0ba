#pragma once

#include "control/Instance.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QPushButton;
class QTreeView;

namespace escale::ui {

class AccessTreeModel;

// Per-file access: the tree of a repository's folder with a "send" and a "receive" switch on
// each file and folder (AccessTreeModel). A change goes to the repository's state database and
// the running instance syncs that repository at once, so it shows in what syncs right away.
class AccessDialog : public QDialog
{
    Q_OBJECT

public:
    explicit AccessDialog(control::Instance* instance, QWidget* parent = nullptr);
    ~AccessDialog() override;

    void showRepository(int index);
    AccessTreeModel* model() const { return m_model.get(); }
    QTreeView* view() const { return m_view; }

private:
    control::Instance* m_instance;
    QComboBox* m_repositories;
    QTreeView* m_view;
    QLabel* m_status;
    QPushButton* m_inherit;
    std::unique_ptr<AccessTreeModel> m_model;
};

} // namespace escale::ui
