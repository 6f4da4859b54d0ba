#pragma once

#include "SetupWizard.h"

#include <QWizardPage>

class QCheckBox;
class QFormLayout;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace escale::ui {
class StatusLabel;
}

namespace escale::ui::wizard {

class ConnectionPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit ConnectionPage(SetupWizard* wizard);
    void initializePage() override;
    bool validatePage() override;
    void cleanupPage() override;

private:
    SetupWizard* wiz() const { return static_cast<SetupWizard*>(wizard()); }
    setup::RelayForm form() const;
    // The relay's keys into the wizard's repository; false with the problem shown.
    bool applyForm();
    QString signature() const;
    void test(bool thenNext);
    void tested(const setup::ProbeResult& result);
    void edited();
    void trustToggled(bool on);

    QFormLayout* m_form;
    QLineEdit* m_folder;
    QWidget* m_folderRow;
    QLineEdit* m_url;
    QLineEdit* m_endpoint;
    QLineEdit* m_bucket;
    QLineEdit* m_region;
    QLineEdit* m_host;
    QSpinBox* m_port;
    QLineEdit* m_path;
    QCheckBox* m_ftps;
    QLineEdit* m_remote;
    QLineEdit* m_rcloneConfig;
    QLineEdit* m_user;
    QLineEdit* m_password;
    QLineEdit* m_privateKey;
    QPushButton* m_test;
    StatusLabel* m_status;
    QGroupBox* m_trust;
    QLabel* m_trustDetails;
    QCheckBox* m_trustCheck;

    setup::RelayProbe m_probe;
    relay::PeerIdentity m_peer;
    QString m_testing;  // the signature under test
    QString m_verified; // the signature that passed
    bool m_thenNext = false;
};

} // namespace escale::ui::wizard
