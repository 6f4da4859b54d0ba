#pragma once

#include "SetupWizard.h"

#include <QWizardPage>

class QLabel;
class QRadioButton;

namespace escale::ui::wizard {

class RepositoryPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit RepositoryPage(SetupWizard* wizard);
    void initializePage() override;
    int nextId() const override;

private:
    SetupWizard* wiz() const { return static_cast<SetupWizard*>(wizard()); }
    QLabel* m_info;
    QRadioButton* m_join;
    QRadioButton* m_create;
};

} // namespace escale::ui::wizard
