#include "SettingsDialog.h"

#include "sync/PathFilter.h"

#include "Autostart.h"
#include "StatusLabel.h"
#include "Words.h"
#include "config/ConfigWriter.h"
#include "config/RelayAddress.h"
#include "config/Keychain.h"
#include "config/Units.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace escale::ui {

namespace {

using config::KeyId;

QString keyName(KeyId id)
{
    const config::KeyDefinition* k = config::keyDefinition(id);
    return k ? k->name : QString();
}

// Whether the file's general settings leave notifications on (the default).
bool notificationsOn(const QHash<KeyId, QString>& general)
{
    return config::parseBool(general.value(KeyId::Notifications)).value_or(true);
}

} // namespace

SettingsDialog::SettingsDialog(control::Instance* instance, const QString& configPath, QWidget* parent)
    : QDialog(parent)
    , m_instance(instance)
    , m_configPath(configPath)
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings")); // the system adds " — Escale"
    auto* layout = new QVBoxLayout(this);
    auto* body = new QHBoxLayout;
    m_pages = new QListWidget(this);
    m_pages->setObjectName(QStringLiteral("pages"));
    m_pages->setMaximumWidth(200);
    m_stack = new QStackedWidget(this);
    body->addWidget(m_pages);
    body->addWidget(m_stack, 1);
    layout->addLayout(body, 1);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Apply | QDialogButtonBox::Close, this);
    layout->addWidget(buttons);
    connect(buttons->button(QDialogButtonBox::Apply), &QPushButton::clicked, this, &SettingsDialog::apply);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_pages, &QListWidget::currentRowChanged, m_stack, &QStackedWidget::setCurrentIndex);
    connect(instance, &control::Instance::repositoryAdded, this, &SettingsDialog::rebuild);
    rebuild();
    resize(820, 600);
}

void SettingsDialog::rebuild()
{
    const int current = m_pages->currentRow();
    m_pages->clear();
    while (m_stack->count() > 0) {
        QWidget* w = m_stack->widget(0);
        m_stack->removeWidget(w);
        w->deleteLater();
    }
    m_repositories.clear();
    buildGeneral();
    for (int i = 0; i < m_instance->repositoryCount(); ++i)
        buildRepository(i);
    m_pages->setCurrentRow(std::clamp(current, 0, m_pages->count() - 1));
}

void SettingsDialog::showPage(int repository)
{
    m_pages->setCurrentRow(repository < 0 ? 0 : repository + 1);
}

int SettingsDialog::indexOf(const QString& name) const
{
    for (int i = 0; i < m_instance->repositoryCount(); ++i)
        if (m_instance->repository(i).name == name)
            return i;
    return -1;
}

void SettingsDialog::buildGeneral()
{
    auto* page = new QWidget(m_stack);
    page->setObjectName(QStringLiteral("general"));
    auto* layout = new QVBoxLayout(page);
    auto* form = new QFormLayout;
    m_generalWritten = config::sectionValues(m_configPath, QString());
    m_autostart = new QCheckBox(tr("Start Escale when I log in"), page);
    m_autostart->setObjectName(QStringLiteral("autostart"));
    m_initialAutostart = Autostart::enabled();
    m_autostart->setChecked(m_initialAutostart);
    m_notifications =
        new QCheckBox(tr("Show notifications (first sync, conflicts, errors, a full relay)"), page);
    m_notifications->setObjectName(QStringLiteral("notifications"));
    m_notifications->setChecked(notificationsOn(m_generalWritten));
    m_language = new QComboBox(page);
    m_language->setObjectName(QStringLiteral("language"));
    m_language->addItem(tr("The system's"), QStringLiteral("auto"));
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("Français"), QStringLiteral("fr"));
    m_language->setCurrentIndex(std::max(
        0, m_language->findData(
               m_generalWritten.value(KeyId::Language, QStringLiteral("auto")).trimmed().toLower())));
    m_logLevel = new QComboBox(page);
    m_logLevel->setObjectName(QStringLiteral("logLevel"));
    m_logLevel->setToolTip(tr("'log level' in the configuration: what the log keeps"));
    for (const auto& [level, text] : {std::pair{"debug", tr("Everything, details included")},
                                      std::pair{"info", tr("Information, warnings and errors")},
                                      std::pair{"warning", tr("Warnings and errors")},
                                      std::pair{"error", tr("Errors only")},
                                      std::pair{"critical", tr("Critical errors only")}})
        m_logLevel->addItem(text, QString::fromLatin1(level));
    m_logLevel->setCurrentIndex(std::max(
        0, m_logLevel->findData(
               m_generalWritten.value(KeyId::LogLevel, QStringLiteral("info")).trimmed().toLower())));
    form->addRow(QString(), m_autostart);
    form->addRow(QString(), m_notifications);
    form->addRow(tr("Language:"), m_language);
    form->addRow(tr("Log level:"), m_logLevel);
    layout->addLayout(form);
    auto* note = new QLabel(
        tr("The language applies at the next start. Configuration file: %1").arg(m_configPath), page);
    note->setWordWrap(true);
    layout->addWidget(note);
    m_generalStatus = new StatusLabel(page);
    layout->addWidget(m_generalStatus);
    layout->addStretch();
    m_stack->addWidget(page);
    m_pages->addItem(tr("General"));
}

void SettingsDialog::buildRepository(int index)
{
    const config::RepositoryConfig& r = m_instance->repository(index);
    RepositoryPage p;
    p.name = r.name;
    p.written = config::sectionValues(m_configPath, r.name);
    auto* scroll = new QScrollArea(m_stack);
    scroll->setObjectName(QStringLiteral("repository:") + r.name);
    scroll->setWidgetResizable(true);
    auto* page = new QWidget(scroll);
    scroll->setWidget(page);
    p.page = scroll;
    auto* layout = new QVBoxLayout(page);
    auto group = [&](const QString& title, QWidget* parent = nullptr, QVBoxLayout* into = nullptr) {
        auto* box = new QGroupBox(title, parent ? parent : page);
        auto* form = new QFormLayout(box);
        form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
        form->setRowWrapPolicy(QFormLayout::WrapLongRows); // long French labels go above their field
        (into ? into : layout)->addWidget(box);
        return form;
    };
    // A field: its line edit, and under it the message when its value is refused.
    auto field = [&](QFormLayout* form, KeyId id, const QString& label, const QString& placeholder) {
        auto* holder = new QWidget(page);
        auto* column = new QVBoxLayout(holder);
        column->setContentsMargins(0, 0, 0, 0);
        column->setSpacing(2);
        auto* edit = new QLineEdit(p.written.value(id), holder);
        edit->setObjectName(keyName(id));
        edit->setPlaceholderText(placeholder);
        edit->setToolTip(tr("'%1' in the configuration").arg(keyName(id)));
        auto* error = new QLabel(holder);
        error->setObjectName(QStringLiteral("error:") + keyName(id));
        error->setWordWrap(true);
        error->setStyleSheet(QStringLiteral("color: #c62828"));
        error->hide();
        column->addWidget(edit);
        column->addWidget(error);
        form->addRow(label, holder);
        p.fields.insert(id, edit);
        p.fieldErrors.insert(id, error);
        p.labels.insert(id, QString(label).remove(QLatin1Char(':')).trimmed());
        connect(edit, &QLineEdit::textEdited, error, [edit, error] {
            error->hide();
            edit->setStyleSheet(QString());
        });
    };
    using Scheme = config::RelayAddress::Scheme;
    const Scheme scheme = r.relay.scheme;
    const bool tls = scheme == Scheme::WebDavs || scheme == Scheme::S3 || scheme == Scheme::Ftps;
    const bool network = scheme != Scheme::Folder && scheme != Scheme::Rclone;

    QFormLayout* where = group(tr("Folder and relay"));
    p.paused = new QCheckBox(tr("Paused"), page);
    p.paused->setObjectName(QStringLiteral("paused"));
    p.paused->setChecked(m_instance->status(index).paused);
    const QString name = r.name;
    connect(p.paused, &QCheckBox::toggled, this, [this, name](bool on) {
        m_instance->handle(
            QJsonObject{{QStringLiteral("command"), on ? QStringLiteral("pause") : QStringLiteral("resume")},
                        {QStringLiteral("repository"), name}});
    });
    where->addRow(QString(), p.paused);
    field(where, KeyId::LocalPath, tr("Local folder:"), QString());
    auto* relay = new QLabel(tr("%1\n(to move the repository elsewhere: escalectl migrate %2 NEW-ADDRESS)")
                                 .arg(r.relay.toDisplayString(), r.name),
                             page);
    relay->setTextInteractionFlags(Qt::TextSelectableByMouse);
    relay->setWordWrap(true);
    where->addRow(tr("Relay:"), relay);
    p.password = new QLineEdit(page);
    p.password->setObjectName(QStringLiteral("password"));
    p.password->setEchoMode(QLineEdit::Password);
    p.password->setPlaceholderText(p.written.contains(KeyId::Password)
                                       ? tr("kept in %1").arg(p.written.value(KeyId::Password))
                                       : tr("unchanged (in the keychain)"));
    p.password->setEnabled(!p.written.contains(KeyId::Password));
    if (network) { // a folder or an rclone remote has no account of its own here
        field(where, KeyId::User, tr("User name:"), tr("none"));
        where->addRow(tr("New password:"), p.password);
    } else {
        p.password->hide();
    }
    field(where, KeyId::ClientName, tr("This machine's name:"), tr("the host name"));
    p.mode = new QComboBox(page);
    p.mode->setObjectName(QStringLiteral("mode"));
    p.mode->addItem(tr("Send and receive"), QStringLiteral("shared"));
    p.mode->addItem(tr("Send only"), QStringLiteral("upload"));
    p.mode->addItem(tr("Receive only"), QStringLiteral("download"));
    p.mode->addItem(tr("Conservative: never overwrite a file changed here"), QStringLiteral("conservative"));
    p.initialMode = config::syncModeName(r.mode);
    p.mode->setCurrentIndex(std::max(0, p.mode->findData(p.initialMode)));
    where->addRow(tr("Mode:"), p.mode);
    where->addRow(tr("Encryption:"), new QLabel(Words::suite(config::encryptionName(r.encryption)), page));

    QFormLayout* what = group(tr("What syncs"));
    field(what, KeyId::Include, tr("Only these files:"), tr("everything"));
    field(what, KeyId::Exclude, tr("Files never synced:"), tr("none (patterns, separated by commas)"));
    field(what, KeyId::FileExtension, tr("Only these extensions:"), tr("any"));
    field(what, KeyId::IncludeDirectories, tr("Only these folders:"), tr("every folder"));
    field(what, KeyId::ExcludeDirectories, tr("Folders never synced:"), tr("none"));
    p.hidden = new QCheckBox(tr("sync them (.env, .git, ...)"), page);
    p.hidden->setObjectName(QStringLiteral("hidden files"));
    p.hidden->setToolTip(tr("Files and folders whose name starts with '.'"));
    p.initialHidden = r.hiddenFiles;
    p.hidden->setChecked(r.hiddenFiles);
    what->addRow(tr("Hidden files:"), p.hidden);
    p.temporary = new QCheckBox(tr("sync them too"), page);
    p.temporary->setObjectName(QStringLiteral("temporary files"));
    p.temporary->setToolTip(tr("Left out unless ticked: %1, and the folders %2.")
                                .arg(sync::PathFilter::temporaryPatterns().join(QLatin1String(" ")),
                                     sync::PathFilter::temporaryFolders().join(QLatin1String(", "))));
    p.initialTemporary = r.temporaryFiles;
    p.temporary->setChecked(r.temporaryFiles);
    what->addRow(tr("Temporary files of editors and systems:"), p.temporary);
    auto* perFile = new QPushButton(tr("Choose per file..."), page);
    perFile->setObjectName(QStringLiteral("chooseAccess"));
    connect(perFile, &QPushButton::clicked, this, [this, name] { Q_EMIT accessRequested(indexOf(name)); });
    what->addRow(QString(), perFile);

    QFormLayout* space = group(tr("Relay space and speed"));
    field(space, KeyId::DiskQuota, tr("Relay quota:"), tr("unlimited (e.g. 5GB)"));
    field(space, KeyId::Refresh, tr("Check the relay every:"), tr("30s"));
    field(space, KeyId::Transfers, tr("Parallel transfers:"), tr("4"));
    field(space, KeyId::BandwidthUp, tr("Upload limit:"), tr("unlimited (e.g. 2MB per second: 2MB)"));
    field(space, KeyId::BandwidthDown, tr("Download limit:"), tr("unlimited"));

    // Only what this kind of relay uses: a folder relay has no certificate, an SFTP server no S3 region.
    p.verifySsl = new QCheckBox(tr("check it (recommended)"), page);
    p.verifySsl->setObjectName(QStringLiteral("verify ssl"));
    p.initialVerify = r.verifySsl;
    p.verifySsl->setChecked(r.verifySsl);
    p.verifySsl->setVisible(tls);
    if (tls || scheme == Scheme::Sftp || scheme == Scheme::S3 || scheme == Scheme::S3Http || scheme == Scheme::Rclone) {
        QFormLayout* security = group(tr("Connection and security"));
        if (tls) {
            security->addRow(tr("The server's certificate:"), p.verifySsl);
            field(security, KeyId::CaCertificate, tr("Authority certificate:"), tr("the system's"));
            field(security, KeyId::CertificateFingerprint, tr("Trusted certificate fingerprint:"), tr("none"));
            field(security, KeyId::Certificate, tr("Client certificate:"), tr("none"));
            field(security, KeyId::PrivateKey, tr("Private key:"), tr("none"));
            field(security, KeyId::SslVersion, tr("Oldest TLS version:"), tr("TLS 1.2"));
        }
        if (scheme == Scheme::Ftps)
            field(security, KeyId::ImplicitTls, tr("FTPS from the first byte:"), tr("on port 990"));
        if (scheme == Scheme::Sftp) {
            field(security, KeyId::PrivateKey, tr("SSH key:"), tr("~/.ssh/id_ed25519 or the agent"));
            field(security, KeyId::HostKey, tr("SSH host key:"), tr("from known hosts"));
            field(security, KeyId::KnownHosts, tr("Known hosts file:"), tr("~/.ssh/known_hosts"));
        }
        if (scheme == Scheme::S3 || scheme == Scheme::S3Http) {
            field(security, KeyId::Region, tr("S3 region:"), tr("us-east-1"));
            field(security, KeyId::UrlStyle, tr("S3 address style:"), tr("auto"));
        }
        if (scheme == Scheme::Rclone) {
            field(security, KeyId::RcloneBinary, tr("rclone program:"), tr("rclone"));
            field(security, KeyId::RcloneConfig, tr("rclone configuration:"), tr("rclone's own"));
        }
    }

    // Advanced: rarely changed; open when one of them is set.
    auto* showAdvanced = new QCheckBox(tr("Show the advanced settings"), page);
    showAdvanced->setObjectName(QStringLiteral("showAdvanced"));
    layout->addWidget(showAdvanced);
    p.advanced = new QWidget(page);
    p.advanced->setObjectName(QStringLiteral("advanced"));
    auto* advancedLayout = new QVBoxLayout(p.advanced);
    advancedLayout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(p.advanced);
    QFormLayout* advanced = group(tr("Advanced"), p.advanced, advancedLayout);
    const QList<KeyId> advancedKeys{KeyId::DeleteThreshold, KeyId::Pullers,  KeyId::FastWindow, KeyId::Retention,
                                    KeyId::ArchiveRetention, KeyId::ChunkSize, KeyId::Timeout,    KeyId::Retries,
                                    KeyId::StateDir,         KeyId::Checksum};
    field(advanced, KeyId::DeleteThreshold, tr("Ask before deleting more than:"), tr("50% (or a number of files)"));
    field(advanced, KeyId::Pullers, tr("Copies before freeing:"), tr("every machine (0)"));
    field(advanced, KeyId::FastWindow, tr("Check every second after activity for:"), tr("2min (0: never)"));
    field(advanced, KeyId::Retention, tr("Wait for an absent machine:"), tr("30d"));
    field(advanced, KeyId::ArchiveRetention, tr("Keep replaced versions:"), tr("30d"));
    field(advanced, KeyId::ChunkSize, tr("Pack size:"), tr("8MB"));
    if (network)
        field(advanced, KeyId::Timeout, tr("Timeout:"), tr("60s"));
    field(advanced, KeyId::Retries, tr("Retries:"), tr("5"));
    field(advanced, KeyId::StateDir, tr("State folder:"), tr("~/.local/share/escale"));
    field(advanced, KeyId::Checksum, tr("Checksum:"), tr("sha256"));
    const bool anyAdvanced =
        std::any_of(advancedKeys.cbegin(), advancedKeys.cend(), [&](KeyId id) { return p.written.contains(id); });
    showAdvanced->setChecked(anyAdvanced);
    p.advanced->setVisible(anyAdvanced);
    connect(showAdvanced, &QCheckBox::toggled, p.advanced, &QWidget::setVisible);

    p.status = new StatusLabel(page);
    layout->addWidget(p.status);

    auto* removal = new QGroupBox(tr("Remove this repository"), page);
    removal->setObjectName(QStringLiteral("removal"));
    auto* removalLayout = new QVBoxLayout(removal);
    auto* keep = new QRadioButton(tr("Keep its files in %1").arg(r.localPath), removal);
    keep->setChecked(true);
    p.deleteFiles = new QRadioButton(tr("Also move its files to the trash"), removal);
    p.deleteFiles->setObjectName(QStringLiteral("deleteFiles"));
    auto* note = new QLabel(tr("The other machines keep their copies. They stop waiting for this one after "
                               "'retention', or at once with 'escalectl forget-client'."),
                            removal);
    note->setWordWrap(true);
    auto* removeButton = new QPushButton(tr("Remove %1").arg(r.name), removal);
    removeButton->setObjectName(QStringLiteral("remove"));
    connect(removeButton, &QPushButton::clicked, this, [this, name] { remove(name); });
    removalLayout->addWidget(keep);
    removalLayout->addWidget(p.deleteFiles);
    removalLayout->addWidget(note);
    removalLayout->addWidget(removeButton, 0, Qt::AlignLeft);
    layout->addWidget(removal);
    layout->addStretch();

    m_stack->addWidget(scroll);
    m_pages->addItem(r.name);
    m_repositories.append(p);
}

bool SettingsDialog::apply()
{
    bool ok = applyGeneral();
    for (RepositoryPage& p : m_repositories)
        ok = applyRepository(p) && ok;
    return ok;
}

QList<config::KeyEdit> SettingsDialog::generalEdits() const
{
    QList<config::KeyEdit> edits;
    auto changed = [&](KeyId id, const QString& value, const QString& byDefault) {
        const QString before = m_generalWritten.value(id, byDefault).trimmed().toLower();
        if (before != value)
            edits << config::keyEdit(id, value);
    };
    changed(KeyId::Language, m_language->currentData().toString(), QStringLiteral("auto"));
    changed(KeyId::LogLevel, m_logLevel->currentData().toString(), QStringLiteral("info"));
    if (m_notifications->isChecked() != notificationsOn(m_generalWritten))
        edits << config::keyEdit(KeyId::Notifications,
                                 m_notifications->isChecked() ? QStringLiteral("yes") : QStringLiteral("no"));
    return edits;
}

bool SettingsDialog::applyGeneral()
{
    const QList<config::KeyEdit> edits = generalEdits();
    QString error;
    if (m_autostart->isChecked() != m_initialAutostart) {
        if (!Autostart::setEnabled(m_autostart->isChecked(), m_configPath, error)) {
            m_generalStatus->error(error);
            return false;
        }
        m_initialAutostart = m_autostart->isChecked();
    }
    if (edits.isEmpty())
        return true;
    if (!config::checkEdits(m_configPath, QString(), edits, error) ||
        !config::editSectionInFile(m_configPath, QString(), edits, error)) {
        m_generalStatus->error(error);
        return false;
    }
    m_generalWritten = config::sectionValues(m_configPath, QString());
    m_generalStatus->info(tr("Saved."));
    Q_EMIT generalChanged();
    return true;
}

bool SettingsDialog::applyRepository(RepositoryPage& p)
{
    const int index = indexOf(p.name);
    if (index < 0)
        return true;
    QList<config::KeyEdit> edits;
    for (auto it = p.fields.cbegin(); it != p.fields.cend(); ++it) {
        const QString now = it.value()->text().trimmed();
        if (now != p.written.value(it.key()).trimmed())
            edits << config::keyEdit(it.key(), now.isEmpty() ? std::nullopt : std::optional<QString>(now));
    }
    const QString mode = p.mode->currentData().toString();
    if (mode != p.initialMode)
        edits << config::keyEdit(KeyId::Mode, mode) << config::keyEdit(KeyId::PushOnly, std::nullopt)
              << config::keyEdit(KeyId::PullOnly, std::nullopt);
    const auto yesNo = [](bool on) {
        return on ? QStringLiteral("yes") : QStringLiteral("no");
    };
    if (p.hidden->isChecked() != p.initialHidden)
        edits << config::keyEdit(KeyId::HiddenFiles, yesNo(p.hidden->isChecked()));
    if (p.temporary->isChecked() != p.initialTemporary)
        edits << config::keyEdit(KeyId::TemporaryFiles, yesNo(p.temporary->isChecked()));
    if (p.verifySsl->isChecked() != p.initialVerify)
        edits << config::keyEdit(KeyId::VerifySsl, yesNo(p.verifySsl->isChecked()));
    const QString password = p.password->text();
    if (edits.isEmpty() && password.isEmpty())
        return true;
    QString error;
    config::ConfigDiagnostic problem;
    clearFieldErrors(p);
    const auto checked = config::checkEdits(m_configPath, p.name, edits, error, &problem);
    if (!checked) {
        // Beside the field, with its label; the file's line numbers mean nothing to the user.
        if (!showFieldError(p, problem))
            p.status->error(tr("Not saved: %1").arg(problem.message.isEmpty() ? error : problem.message));
        return false;
    }
    if (!password.isEmpty()) {
        if (!config::Keychain::write(p.name + QStringLiteral("/password"), password.toUtf8(), error)) {
            p.status->error(tr("The keychain cannot keep the password: %1").arg(error));
            return false;
        }
        p.password->clear();
    }
    if (!edits.isEmpty() && !config::editSectionInFile(m_configPath, p.name, edits, error)) {
        p.status->error(error);
        return false;
    }
    p.written = config::sectionValues(m_configPath, p.name);
    const config::RepositoryConfig* updated = checked->repository(p.name);
    p.initialMode = config::syncModeName(updated->mode);
    p.initialHidden = updated->hiddenFiles;
    p.initialTemporary = updated->temporaryFiles;
    p.initialVerify = updated->verifySsl;
    m_instance->replaceRepository(index, *updated);
    p.status->info(tr("Saved; %1 restarted with the new settings.").arg(p.name));
    return true;
}

void SettingsDialog::clearFieldErrors(RepositoryPage& p)
{
    for (auto it = p.fieldErrors.cbegin(); it != p.fieldErrors.cend(); ++it) {
        it.value()->hide();
        p.fields.value(it.key())->setStyleSheet(QString());
    }
    p.status->clearMessage();
}

bool SettingsDialog::showFieldError(RepositoryPage& p, const config::ConfigDiagnostic& problem)
{
    const config::KeyDefinition* key = config::findKey(problem.key.trimmed().toLower());
    if (!key || !p.fields.contains(key->id))
        return false;
    QLineEdit* edit = p.fields.value(key->id);
    QLabel* error = p.fieldErrors.value(key->id);
    const QString label = p.labels.value(key->id);
    error->setText(tr("%1: %2").arg(label, problem.message));
    error->show();
    edit->setStyleSheet(QStringLiteral("QLineEdit { border: 2px solid #c62828; }"));
    if (p.advanced && p.advanced->isAncestorOf(edit) && !p.advanced->isVisible())
        if (auto* show = p.page->findChild<QCheckBox*>(QStringLiteral("showAdvanced")))
            show->setChecked(true);
    p.status->error(tr("Not saved: check \"%1\".").arg(label));
    m_pages->setCurrentRow(m_stack->indexOf(p.page));
    edit->setFocus();
    if (auto* scroll = qobject_cast<QScrollArea*>(p.page))
        scroll->ensureWidgetVisible(edit);
    return true;
}

bool SettingsDialog::unsaved(const RepositoryPage& p) const
{
    for (auto it = p.fields.cbegin(); it != p.fields.cend(); ++it)
        if (it.value()->text().trimmed() != p.written.value(it.key()).trimmed())
            return true;
    return p.mode->currentData().toString() != p.initialMode || p.hidden->isChecked() != p.initialHidden ||
           p.temporary->isChecked() != p.initialTemporary || p.verifySsl->isChecked() != p.initialVerify ||
           !p.password->text().isEmpty();
}

bool SettingsDialog::hasUnsavedEdits() const
{
    if (m_autostart->isChecked() != m_initialAutostart || !generalEdits().isEmpty())
        return true;
    return std::any_of(m_repositories.cbegin(), m_repositories.cend(),
                       [this](const RepositoryPage& p) { return unsaved(p); });
}

void SettingsDialog::reject()
{
    if (hasUnsavedEdits()) {
        QMessageBox ask(QMessageBox::Question, tr("Unsaved changes"),
                        tr("Some settings were changed but not applied. Apply them now?"),
                        QMessageBox::Apply | QMessageBox::Discard | QMessageBox::Cancel, this);
        ask.setObjectName(QStringLiteral("unsavedChanges"));
        ask.setDefaultButton(QMessageBox::Apply);
        const int answer = ask.exec();
        if (answer == QMessageBox::Cancel || (answer == QMessageBox::Apply && !apply()))
            return; // stays open, with what was refused shown
        if (answer == QMessageBox::Discard)
            rebuild(); // the next opening shows the file as it is
    }
    QDialog::reject();
}

void SettingsDialog::remove(const QString& name)
{
    const int index = indexOf(name);
    if (index < 0)
        return;
    bool trash = false;
    for (const RepositoryPage& p : std::as_const(m_repositories))
        if (p.name == name)
            trash = p.deleteFiles->isChecked();
    const QString folder = m_instance->repository(index).localPath;
    QString error;
    if (!config::removeSectionFromFile(m_configPath, name, error)) {
        m_generalStatus->error(error);
        return;
    }
    m_instance->removeRepository(index);
    for (const char* secret : {"password", "passphrase"}) {
        QString ignored; // a secret that was never there is no error
        config::Keychain::remove(name + QLatin1Char('/') + QLatin1String(secret), ignored);
    }
    rebuild();
    m_pages->setCurrentRow(0);
    if (trash && !QFile::moveToTrash(folder))
        m_generalStatus->error(
            tr("'%1' is removed, but its folder %2 could not be moved to the trash.").arg(name, folder));
    else
        m_generalStatus->info(trash ? tr("'%1' is removed; its folder is in the trash.").arg(name)
                                    : tr("'%1' is removed; its files stay in %2.").arg(name, folder));
}

} // namespace escale::ui
