#pragma once

#include "config/ConfigDiagnostic.h"
#include "config/ConfigKeys.h"
#include "config/ConfigWriter.h"
#include "control/Instance.h"

#include <QDialog>
#include <QHash>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QRadioButton;
class QStackedWidget;

namespace escale::ui {

class StatusLabel;

// The settings: general ones (start at login, notifications, language, log level) and, per
// repository, every key of the configuration reference that can change in place (its relay
// changes with `escalectl migrate`; its encryption is the repository's). Apply checks the
// changes with the configuration loader, writes only the keys changed into the file (comments
// and unknown keys stay), and restarts that repository with them. A repository can be paused
// here, and removed (keeping or deleting its local files).
class SettingsDialog : public QDialog
{
    Q_OBJECT

public:
    SettingsDialog(control::Instance* instance, const QString& configPath, QWidget* parent = nullptr);

    // Shows the general page (-1) or a repository's.
    void showPage(int repository);
    // Writes the changes of every page; false (with the message shown) when one is refused.
    bool apply();
    // Whether a page holds changes not applied yet (Close then asks).
    bool hasUnsavedEdits() const;
    // Close: with unsaved edits, asks whether to apply them, throw them away, or stay.
    void reject() override;

Q_SIGNALS:
    void accessRequested(int repository); // "Choose per file..."
    void generalChanged();                // notifications, language or log level written

private:
    struct RepositoryPage
    {
        QString name;
        QWidget* page = nullptr;
        QHash<config::KeyId, QLineEdit*> fields;
        QHash<config::KeyId, QLabel*> fieldErrors; // under each field, shown when its value is refused
        QHash<config::KeyId, QString> labels;      // each field's label, as the user sees it
        QWidget* advanced = nullptr;               // the rarely changed fields, shown on demand
        QHash<config::KeyId, QString> written; // as the file had them when the page was made
        QComboBox* mode = nullptr;
        QCheckBox* hidden = nullptr;
        QCheckBox* temporary = nullptr;
        QCheckBox* verifySsl = nullptr;
        QCheckBox* paused = nullptr;
        QLineEdit* password = nullptr;
        StatusLabel* status = nullptr;
        QRadioButton* deleteFiles = nullptr;
        bool initialHidden = false;
        bool initialTemporary = false;
        bool initialVerify = true;
        QString initialMode;
    };
    void buildGeneral();
    void buildRepository(int index);
    void rebuild();
    bool applyGeneral();
    QList<config::KeyEdit> generalEdits() const; // the general settings changed, as edits
    bool applyRepository(RepositoryPage& page);
    bool unsaved(const RepositoryPage& page) const;
    // The refused value's field in red, its message beside it; false when no field holds that key.
    bool showFieldError(RepositoryPage& page, const config::ConfigDiagnostic& problem);
    void clearFieldErrors(RepositoryPage& page);
    void remove(const QString& name);
    int indexOf(const QString& name) const;

    control::Instance* m_instance;
    QString m_configPath;
    QListWidget* m_pages;
    QStackedWidget* m_stack;
    QCheckBox* m_autostart = nullptr;
    QCheckBox* m_notifications = nullptr;
    QComboBox* m_language = nullptr;
    QComboBox* m_logLevel = nullptr;
    StatusLabel* m_generalStatus = nullptr;
    QHash<config::KeyId, QString> m_generalWritten;
    bool m_initialAutostart = false;
    QList<RepositoryPage> m_repositories;
};

} // namespace escale::ui
