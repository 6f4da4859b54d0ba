#pragma once

#include "SetupWizard.h"

#include <QWizardPage>

class QCheckBox;
class QLabel;

namespace escale::ui {
class StatusLabel;
}

namespace escale::ui::wizard {

class SummaryPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit SummaryPage(SetupWizard* wizard);
    void initializePage() override;
    bool secretsInFiles() const;
    // Finish failed: why, and, when the keychain could not keep the secrets, the file choice.
    void showFailure(const QString& error, bool offerFiles);

private:
    SetupWizard* wiz() const { return static_cast<SetupWizard*>(wizard()); }
    QLabel* m_summary;
    QCheckBox* m_files;
    StatusLabel* m_status;
};

} // namespace escale::ui::wizard
