#pragma once

#include "SetupWizard.h"

#include <QWizardPage>

class QCheckBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QProgressBar;

namespace escale::ui {
class StatusLabel;
}

namespace escale::ui::wizard {

class PassphrasePage : public QWizardPage
{
    Q_OBJECT

public:
    explicit PassphrasePage(SetupWizard* wizard);
    void initializePage() override;
    bool validatePage() override;
    void cleanupPage() override;

private:
    SetupWizard* wiz() const { return static_cast<SetupWizard*>(wizard()); }
    void updateStrength();
    void checked(const setup::ProbeResult& result);

    QLabel* m_intro;
    QCheckBox* m_encrypt;
    QLineEdit* m_passphrase;
    QLineEdit* m_confirmation;
    QCheckBox* m_show;
    QPushButton* m_generate;
    QWidget* m_generated; // the advice and Copy, after "Generate one"
    QFormLayout* m_form;
    QProgressBar* m_strength;
    QLabel* m_strengthLabel;
    StatusLabel* m_status;
    setup::RelayProbe m_probe;
    QString m_verified; // the passphrase that opened the repository
    QString m_testing;
};

} // namespace escale::ui::wizard
