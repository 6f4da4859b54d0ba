#pragma once

#include "SetupWizard.h"

#include <QWizardPage>

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QFormLayout;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;
class QSpinBox;

// The pages of the setup wizard. Each shows its problems in its "status" label and refuses
// Next until they are fixed; the network checks run on a thread (setup::RelayProbe) while the
// page stays responsive, and Next goes on by itself once they pass.
namespace escale::ui {
class StatusLabel;
}

namespace escale::ui::wizard {

class TypePage : public QWizardPage
{
    Q_OBJECT

public:
    explicit TypePage(SetupWizard* wizard);
    setup::RelayForm::Kind kind() const;

private:
    QButtonGroup* m_group;
};

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
    QFormLayout* m_form;
    QProgressBar* m_strength;
    QLabel* m_strengthLabel;
    StatusLabel* m_status;
    setup::RelayProbe m_probe;
    QString m_verified; // the passphrase that opened the repository
    QString m_testing;
};

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
    StatusLabel* m_status;
};

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
