#pragma once

#include "SetupWizard.h"

#include <QWizardPage>

class QCheckBox;
class QPlainTextEdit;

namespace escale::ui {
class StatusLabel;
}

namespace escale::ui::wizard {

class FiltersPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit FiltersPage(SetupWizard* wizard);
    bool validatePage() override;

private:
    SetupWizard* wiz() const { return static_cast<SetupWizard*>(wizard()); }
    QPlainTextEdit* m_exclude;
    QPlainTextEdit* m_excludeDirectories;
    QPlainTextEdit* m_include;
    QCheckBox* m_hidden;
    QCheckBox* m_temporary;
    StatusLabel* m_status;
};

} // namespace escale::ui::wizard
