#pragma once

#include "SetupWizard.h"

#include <QWizardPage>

class QComboBox;
class QLineEdit;

namespace escale::ui {
class StatusLabel;
}

namespace escale::ui::wizard {

class LocalPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit LocalPage(SetupWizard* wizard);
    void initializePage() override;
    bool validatePage() override;

private:
    SetupWizard* wiz() const { return static_cast<SetupWizard*>(wizard()); }
    QLineEdit* m_folder;
    QLineEdit* m_device;
    QComboBox* m_mode;
    QLineEdit* m_name;
    StatusLabel* m_status;
    bool m_nameEdited = false;
    QString m_sameNameAccepted; // a device name another client has, kept after the warning
};

} // namespace escale::ui::wizard
