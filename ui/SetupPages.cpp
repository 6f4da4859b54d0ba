#include "SetupPages.h"

#include "StatusLabel.h"
#include "config/Keychain.h"
#include "config/Paths.h"
#include "setup/PassphraseStrength.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QSysInfo>
#include <QVBoxLayout>

namespace escale::ui::wizard {

using Kind = setup::RelayForm::Kind;
using Outcome = setup::ProbeResult::Outcome;

namespace {

// A line edit with a "Browse..." button that picks a folder or a file.
QWidget* withBrowse(QLineEdit* edit, bool folder, QWidget* parent)
{
    auto* row = new QWidget(parent);
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(edit, 1);
    auto* browse = new QPushButton(QCoreApplication::translate("SetupWizard", "Browse..."), row);
    browse->setObjectName(edit->objectName() + QStringLiteral("Browse"));
    layout->addWidget(browse);
    QObject::connect(browse, &QPushButton::clicked, edit, [edit, folder] {
        const QString start = edit->text().isEmpty() ? QDir::homePath() : edit->text();
        const QString chosen = folder ? QFileDialog::getExistingDirectory(edit, QString(), start)
                                      : QFileDialog::getOpenFileName(edit, QString(), start);
        if (!chosen.isEmpty())
            edit->setText(chosen);
    });
    return row;
}

QLineEdit* lineEdit(const QString& name, const QString& placeholder, QWidget* parent)
{
    auto* edit = new QLineEdit(parent);
    edit->setObjectName(name);
    edit->setPlaceholderText(placeholder);
    return edit;
}

QPlainTextEdit* listEdit(const QString& name, const QString& placeholder, QWidget* parent)
{
    auto* edit = new QPlainTextEdit(parent);
    edit->setObjectName(name);
    edit->setPlaceholderText(placeholder);
    edit->setTabChangesFocus(true);
    edit->setMaximumHeight(72);
    return edit;
}

// One item per line (blank lines dropped), as a configuration list.
QString listValue(const QPlainTextEdit* edit)
{
    QStringList items;
    for (const QString& line : edit->toPlainText().split(QLatin1Char('\n')))
        if (!line.trimmed().isEmpty())
            items << line.trimmed();
    return items.join(QLatin1String(", "));
}

QString suiteName(const QString& encryption)
{
    if (encryption == QLatin1String("chacha20-poly1305"))
        return QStringLiteral("ChaCha20-Poly1305");
    return encryption == QLatin1String("off") ? encryption : QStringLiteral("AES-256-GCM");
}

// The repository's keys as a probe reads them: a placeholder local folder and name until the
// later pages choose them (nothing is created there).
std::optional<config::RepositoryConfig> probeConfig(const SetupWizard* wizard, QString& error)
{
    setup::NewRepository r = wizard->repository();
    if (r.value(QStringLiteral("local path")).isEmpty())
        r.set(QStringLiteral("local path"), QDir::tempPath() + QStringLiteral("/escale-setup-probe"));
    if (r.name.isEmpty())
        r.name = setup::suggestName(wizard->configPath(), QStringLiteral("setup-probe"));
    QStringList errors;
    auto loaded = r.load(wizard->configPath(), errors);
    if (!loaded)
        error = errors.join(QLatin1Char('\n'));
    return loaded;
}

} // namespace

// ---------------------------------------------------------------------------------------------

TypePage::TypePage(SetupWizard* wizard)
    : QWizardPage(wizard)
    , m_group(new QButtonGroup(this))
{
    setTitle(tr("Where do the machines meet?"));
    setSubTitle(tr("Escale syncs through a relay storage that every machine can reach. Everything on it "
                   "is encrypted; space is freed as soon as every machine has its copy."));
    auto* layout = new QVBoxLayout(this);
    const QList<std::tuple<Kind, QString, QString>> kinds{
        {Kind::Folder, QStringLiteral("folder"), tr("A local or mounted folder (USB drive, network share)")},
        {Kind::WebDav, QStringLiteral("webdav"), tr("WebDAV (Nextcloud, ownCloud, a NAS, Box, ...)")},
        {Kind::S3, QStringLiteral("s3"), tr("S3-compatible object storage (AWS, MinIO, Wasabi, ...)")},
        {Kind::Ftp, QStringLiteral("ftp"), tr("FTP or FTPS server")},
        {Kind::Sftp, QStringLiteral("sftp"), tr("SFTP (an SSH server)")},
        {Kind::Rclone, QStringLiteral("rclone"), tr("An rclone remote (any of rclone's 70 storages)")},
    };
    for (const auto& [kind, name, text] : kinds) {
        auto* button = new QRadioButton(text, this);
        button->setObjectName(QStringLiteral("type.") + name);
        m_group->addButton(button, int(kind));
        layout->addWidget(button);
    }
    m_group->button(int(Kind::Folder))->setChecked(true);
    layout->addStretch();
}

Kind TypePage::kind() const
{
    return Kind(m_group->checkedId());
}

// ---------------------------------------------------------------------------------------------

ConnectionPage::ConnectionPage(SetupWizard* wizard)
    : QWizardPage(wizard)
{
    setTitle(tr("Connection"));
    auto* layout = new QVBoxLayout(this);
    m_form = new QFormLayout;
    layout->addLayout(m_form);
    m_folder = lineEdit(QStringLiteral("relayFolder"), tr("/media/usb/escale"), this);
    m_folderRow = withBrowse(m_folder, true, this);
    m_url = lineEdit(QStringLiteral("url"), tr("https://cloud.example.com/remote.php/dav/files/alice/escale"),
                     this);
    m_endpoint = lineEdit(QStringLiteral("endpoint"), tr("https://s3.eu-west-1.amazonaws.com"), this);
    m_bucket = lineEdit(QStringLiteral("bucket"), tr("my-bucket/escale"), this);
    m_region = lineEdit(QStringLiteral("region"), tr("us-east-1"), this);
    m_host = lineEdit(QStringLiteral("host"), tr("server.example.com"), this);
    m_port = new QSpinBox(this);
    m_port->setObjectName(QStringLiteral("port"));
    m_port->setRange(0, 65535);
    m_port->setSpecialValueText(tr("default"));
    m_path = lineEdit(QStringLiteral("remotePath"), tr("/escale"), this);
    m_ftps = new QCheckBox(tr("Encrypt the connection (FTPS); plain FTP sends the password in clear"), this);
    m_ftps->setObjectName(QStringLiteral("ftps"));
    m_ftps->setChecked(true);
    m_remote = lineEdit(QStringLiteral("remote"), tr("mydrive:escale"), this);
    m_rcloneConfig = lineEdit(QStringLiteral("rcloneConfig"), tr("rclone's own"), this);
    auto* rcloneConfigRow = withBrowse(m_rcloneConfig, false, this);
    m_user = lineEdit(QStringLiteral("user"), QString(), this);
    m_password = lineEdit(QStringLiteral("password"), QString(), this);
    m_password->setEchoMode(QLineEdit::Password);
    m_privateKey =
        lineEdit(QStringLiteral("privateKey"), tr("none: ssh-agent, ~/.ssh, or the password"), this);
    auto* privateKeyRow = withBrowse(m_privateKey, false, this);

    m_form->addRow(tr("Folder:"), m_folderRow);
    m_form->addRow(tr("Address:"), m_url);
    m_form->addRow(tr("Endpoint:"), m_endpoint);
    m_form->addRow(tr("Bucket and folder:"), m_bucket);
    m_form->addRow(tr("Region:"), m_region);
    m_form->addRow(tr("Server:"), m_host);
    m_form->addRow(tr("Port:"), m_port);
    m_form->addRow(tr("Folder on the server:"), m_path);
    m_form->addRow(QString(), m_ftps);
    m_form->addRow(tr("Remote:"), m_remote);
    m_form->addRow(tr("rclone configuration:"), rcloneConfigRow);
    m_form->addRow(tr("User name:"), m_user);
    m_form->addRow(tr("Password:"), m_password);
    m_form->addRow(tr("Private key:"), privateKeyRow);

    auto* testRow = new QHBoxLayout;
    m_test = new QPushButton(tr("Test connection"), this);
    m_test->setObjectName(QStringLiteral("testConnection"));
    testRow->addWidget(m_test);
    testRow->addStretch();
    layout->addLayout(testRow);
    m_status = new StatusLabel(this);
    layout->addWidget(m_status);

    m_trust = new QGroupBox(tr("This server is not trusted yet"), this);
    m_trust->setObjectName(QStringLiteral("trust"));
    auto* trustLayout = new QVBoxLayout(m_trust);
    m_trustDetails = new QLabel(m_trust);
    m_trustDetails->setObjectName(QStringLiteral("trustDetails"));
    m_trustDetails->setWordWrap(true);
    m_trustDetails->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_trustCheck = new QCheckBox(tr("I compared this fingerprint with the server's own: trust it"), m_trust);
    m_trustCheck->setObjectName(QStringLiteral("trustCheck"));
    trustLayout->addWidget(m_trustDetails);
    trustLayout->addWidget(m_trustCheck);
    m_trust->hide();
    layout->addWidget(m_trust);
    layout->addStretch();

    for (QLineEdit* e : {m_folder, m_url, m_endpoint, m_bucket, m_region, m_host, m_path, m_remote,
                         m_rcloneConfig, m_user, m_password, m_privateKey})
        connect(e, &QLineEdit::textEdited, this, &ConnectionPage::edited);
    connect(m_folder, &QLineEdit::textChanged, this, &ConnectionPage::edited);
    connect(m_port, &QSpinBox::valueChanged, this, &ConnectionPage::edited);
    connect(m_ftps, &QCheckBox::toggled, this, &ConnectionPage::edited);
    connect(m_test, &QPushButton::clicked, this, [this] { test(false); });
    connect(m_trustCheck, &QCheckBox::toggled, this, &ConnectionPage::trustToggled);
    connect(&m_probe, &setup::RelayProbe::finished, this, &ConnectionPage::tested);
}

void ConnectionPage::initializePage()
{
    const Kind kind = wiz()->relayKind();
    auto show = [this](QWidget* w, bool on) {
        m_form->setRowVisible(w, on);
    };
    show(m_folderRow, kind == Kind::Folder);
    show(m_url, kind == Kind::WebDav);
    show(m_endpoint, kind == Kind::S3);
    show(m_bucket, kind == Kind::S3);
    show(m_region, kind == Kind::S3);
    const bool server = kind == Kind::Ftp || kind == Kind::Sftp;
    show(m_host, server);
    show(m_port, server);
    show(m_path, server);
    show(m_ftps, kind == Kind::Ftp);
    show(m_remote, kind == Kind::Rclone);
    show(m_rcloneConfig->parentWidget(), kind == Kind::Rclone);
    const bool login = kind != Kind::Folder && kind != Kind::Rclone;
    show(m_user, login);
    show(m_password, login);
    show(m_privateKey->parentWidget(), kind == Kind::Sftp);
    if (auto* label = qobject_cast<QLabel*>(m_form->labelForField(m_user)))
        label->setText(kind == Kind::S3 ? tr("Access key:") : tr("User name:"));
    if (auto* label = qobject_cast<QLabel*>(m_form->labelForField(m_password)))
        label->setText(kind == Kind::S3     ? tr("Secret key:")
                       : kind == Kind::Sftp ? tr("Password or key passphrase:")
                                            : tr("Password:"));
    switch (kind) {
    case Kind::Folder:
        setSubTitle(
            tr("A folder every machine reaches: a USB drive carried around, a network share, a synced "
               "folder. Pick the folder that holds, or will hold, the repository."));
        break;
    case Kind::WebDav:
        setSubTitle(tr("The WebDAV address of a folder on the server, and your login. With Nextcloud, use an "
                       "app password."));
        break;
    case Kind::S3:
        setSubTitle(
            tr("The endpoint of the storage, the bucket (and a folder in it), and an access key allowed "
               "to read, write, list and delete there."));
        break;
    case Kind::Ftp:
    case Kind::Sftp:
        setSubTitle(tr("The server, the folder on it, and your login."));
        break;
    case Kind::Rclone:
        setSubTitle(
            tr("A remote of your rclone configuration and a folder in it (rclone must be installed)."));
        break;
    }
    m_status->clearMessage();
}

void ConnectionPage::cleanupPage()
{
    m_probe.cancel();
    m_thenNext = false;
    m_test->setEnabled(true);
}

setup::RelayForm ConnectionPage::form() const
{
    setup::RelayForm f;
    f.kind = wiz()->relayKind();
    f.folder = m_folder->text();
    f.url = m_url->text();
    f.endpoint = m_endpoint->text();
    f.bucket = m_bucket->text();
    f.region = m_region->text();
    f.host = m_host->text();
    f.port = m_port->value();
    f.path = m_path->text();
    f.ftps = m_ftps->isChecked();
    f.remote = m_remote->text();
    f.rcloneConfig = m_rcloneConfig->text();
    f.privateKey = m_privateKey->text();
    f.user = m_user->text();
    f.password = m_password->text().toUtf8();
    return f;
}

bool ConnectionPage::applyForm()
{
    QString error;
    setup::NewRepository& r = wiz()->repository();
    const setup::RelayForm f = form();
    if (!f.apply(r, error)) {
        m_status->error(error);
        return false;
    }
    if (f.kind == Kind::Folder) {
        const QFileInfo folder(r.value(QStringLiteral("relay address")));
        if (!folder.isDir()) {
            m_status->error(tr("The folder %1 does not exist: create it, or plug in the drive that holds it.")
                                .arg(folder.filePath()));
            return false;
        }
        if (!folder.isWritable()) {
            m_status->error(tr("The folder %1 cannot be written by you.").arg(folder.filePath()));
            return false;
        }
    }
    const bool pinned = m_trustCheck->isChecked() && !m_peer.fingerprint.isEmpty();
    r.set(QStringLiteral("certificate fingerprint"), pinned && !m_peer.ssh ? m_peer.fingerprint : QString());
    r.set(QStringLiteral("host key"), pinned && m_peer.ssh ? m_peer.fingerprint : QString());
    return true;
}

QString ConnectionPage::signature() const
{
    const setup::NewRepository& r = static_cast<const SetupWizard*>(wizard())->repository();
    return QString::fromUtf8(r.sectionText() + '\n' + r.password);
}

void ConnectionPage::edited()
{
    if (sender() != m_trustCheck && m_trust->isVisible()) {
        m_trust->hide();
        const QSignalBlocker block(m_trustCheck);
        m_trustCheck->setChecked(false);
        m_peer = {};
    }
    if (!m_probe.running())
        m_status->clearMessage();
}

void ConnectionPage::trustToggled(bool on)
{
    Q_UNUSED(on);
    test(false);
}

void ConnectionPage::test(bool thenNext)
{
    m_thenNext = thenNext;
    if (!applyForm())
        return;
    QString error;
    const auto config = probeConfig(wiz(), error);
    if (!config) {
        m_status->error(error);
        return;
    }
    m_testing = signature();
    m_test->setEnabled(false);
    m_status->info(tr("Connecting to %1...").arg(config->relay.toDisplayString()));
    m_probe.start(*config);
}

void ConnectionPage::tested(const setup::ProbeResult& result)
{
    m_test->setEnabled(true);
    const bool next = m_thenNext;
    m_thenNext = false;
    switch (result.outcome) {
    case Outcome::Empty:
    case Outcome::Found:
        m_verified = m_testing;
        wiz()->setFound(result);
        if (result.outcome == Outcome::Empty)
            m_status->success(tr("Connected. There is no repository here yet: a new one will be created."));
        else
            m_status->success(
                tr("Connected. A repository is here (%1, %n client(s)).", nullptr, result.clientCount)
                    .arg(result.encrypted() ? tr("encrypted") : tr("not encrypted")));
        if (next && m_verified == signature())
            wizard()->next();
        return;
    case Outcome::Untrusted:
        m_peer = result.peer;
        m_trustDetails->setText(
            tr("%1 presents %2\n%3\nSHA-256 fingerprint:\n%4\n\nWhy it is not trusted: %5")
                .arg(m_peer.where, m_peer.ssh ? tr("an SSH host key") : tr("a TLS certificate"),
                     m_peer.details, m_peer.fingerprint, m_peer.problem));
        m_trust->show();
        m_status->error(m_peer.ssh
                            ? tr("The server's host key is not known. Check its fingerprint before "
                                 "trusting it: someone may be in the way.")
                            : tr("The server's certificate is not trusted. Check its fingerprint before "
                                 "trusting it: someone may be in the way."));
        return;
    case Outcome::Failed:
        break;
    }
    using Cause = relay::RelayError::Kind;
    QString heading;
    switch (result.cause) {
    case Cause::Auth:
        heading = tr("The server refused the user name or password.");
        break;
    case Cause::Network:
        heading = tr("The server cannot be reached.");
        break;
    case Cause::Timeout:
        heading = tr("The server did not answer in time.");
        break;
    case Cause::Tls:
        heading = tr("The secure connection failed.");
        break;
    case Cause::Permission:
        heading = tr("The server refuses access to this folder.");
        break;
    default:
        heading = tr("The connection test failed.");
        break;
    }
    m_status->error(heading + QLatin1Char(' ') + result.error);
}

bool ConnectionPage::validatePage()
{
    if (!applyForm())
        return false;
    if (!m_verified.isEmpty() && m_verified == signature())
        return true;
    if (m_probe.running() && m_testing == signature()) {
        m_thenNext = true;
        return false;
    }
    test(true);
    return false;
}

// ---------------------------------------------------------------------------------------------

RepositoryPage::RepositoryPage(SetupWizard* wizard)
    : QWizardPage(wizard)
{
    setTitle(tr("Repository"));
    auto* layout = new QVBoxLayout(this);
    m_info = new QLabel(this);
    m_info->setObjectName(QStringLiteral("repositoryInfo"));
    m_info->setWordWrap(true);
    m_join = new QRadioButton(tr("Join the repository found on the relay"), this);
    m_join->setObjectName(QStringLiteral("join"));
    m_create = new QRadioButton(tr("Create a new repository"), this);
    m_create->setObjectName(QStringLiteral("create"));
    layout->addWidget(m_info);
    layout->addWidget(m_join);
    layout->addWidget(m_create);
    layout->addStretch();
}

void RepositoryPage::initializePage()
{
    const setup::ProbeResult& found = wiz()->found();
    const bool exists = found.outcome == Outcome::Found;
    m_join->setEnabled(exists);
    m_create->setEnabled(!exists);
    (exists ? m_join : m_create)->setChecked(true);
    if (!exists) {
        m_info->setText(
            tr("There is no repository on this relay yet. A new one is created there when you finish; "
               "other machines then join it with the same relay and passphrase."));
        return;
    }
    QString text = tr("A repository is on this relay (%1). Joining it brings its files here and shares this "
                      "machine's files with the others.")
                       .arg(found.encrypted() ? tr("encrypted with %1").arg(suiteName(found.encryption))
                                              : tr("not encrypted"));
    if (found.clientsKnown && !found.clients.isEmpty()) {
        QStringList names;
        for (const setup::ProbeResult::Client& c : found.clients)
            names << (c.seen.isValid()
                          ? tr("%1 (last seen %2)")
                                .arg(c.name, QLocale().toString(c.seen.toLocalTime(), QLocale::ShortFormat))
                          : c.name);
        text += QStringLiteral("\n\n") + tr("Machines syncing it: %1.").arg(names.join(QLatin1String(", ")));
    } else if (found.clientCount > 0) {
        text +=
            QStringLiteral("\n\n") +
            tr("%n machine(s) sync it; their names are encrypted and show once the passphrase is checked.",
               nullptr, found.clientCount);
    }
    text +=
        QStringLiteral("\n\n") + tr("To create a new repository instead, go back and choose another folder "
                                    "on the relay.");
    m_info->setText(text);
}

int RepositoryPage::nextId() const
{
    const setup::ProbeResult& found = wiz()->found();
    if (found.outcome == Outcome::Found && !found.encrypted())
        return SetupWizard::LocalPage;
    return SetupWizard::PassphrasePage;
}

// ---------------------------------------------------------------------------------------------

PassphrasePage::PassphrasePage(SetupWizard* wizard)
    : QWizardPage(wizard)
{
    setTitle(tr("Encryption"));
    auto* layout = new QVBoxLayout(this);
    m_intro = new QLabel(this);
    m_intro->setWordWrap(true);
    layout->addWidget(m_intro);
    m_encrypt = new QCheckBox(tr("Encrypt everything on the relay (recommended)"), this);
    m_encrypt->setObjectName(QStringLiteral("encrypt"));
    m_encrypt->setChecked(true);
    layout->addWidget(m_encrypt);
    auto* form = m_form = new QFormLayout;
    m_passphrase = lineEdit(QStringLiteral("passphrase"), QString(), this);
    m_passphrase->setEchoMode(QLineEdit::Password);
    m_confirmation = lineEdit(QStringLiteral("confirmation"), QString(), this);
    m_confirmation->setEchoMode(QLineEdit::Password);
    m_strength = new QProgressBar(this);
    m_strength->setObjectName(QStringLiteral("strength"));
    m_strength->setRange(0, 5);
    m_strength->setTextVisible(false);
    m_strength->setMaximumHeight(10);
    m_strengthLabel = new QLabel(this);
    m_strengthLabel->setObjectName(QStringLiteral("strengthLabel"));
    m_strengthLabel->setWordWrap(true);
    form->addRow(tr("Passphrase:"), m_passphrase);
    form->addRow(tr("Again:"), m_confirmation);
    form->addRow(tr("Strength:"), m_strength);
    form->addRow(QString(), m_strengthLabel);
    layout->addLayout(form);
    m_status = new StatusLabel(this);
    layout->addWidget(m_status);
    layout->addStretch();
    connect(m_passphrase, &QLineEdit::textChanged, this, &PassphrasePage::updateStrength);
    connect(m_passphrase, &QLineEdit::textEdited, m_status, &StatusLabel::clearMessage);
    connect(m_confirmation, &QLineEdit::textEdited, m_status, &StatusLabel::clearMessage);
    connect(m_encrypt, &QCheckBox::toggled, this, [this](bool on) {
        m_passphrase->setEnabled(on);
        m_confirmation->setEnabled(on);
        if (on)
            m_status->clearMessage();
        else
            m_status->error(
                tr("Without encryption, whoever can read the relay (its administrator, a thief of the "
                   "drive) can read your files."));
    });
    connect(&m_probe, &setup::RelayProbe::finished, this, &PassphrasePage::checked);
}

void PassphrasePage::initializePage()
{
    const bool joining = wiz()->joining();
    m_encrypt->setVisible(!joining);
    for (QWidget* w : {static_cast<QWidget*>(m_confirmation), static_cast<QWidget*>(m_strength),
                       static_cast<QWidget*>(m_strengthLabel)})
        m_form->setRowVisible(w, !joining);
    if (joining) {
        m_intro->setText(
            tr("This repository is encrypted with %1. Type its passphrase: it is checked against "
               "the repository before going on.")
                .arg(suiteName(wiz()->found().encryption)));
    } else {
        m_intro->setText(
            tr("The passphrase encrypts names and contents before they leave this machine. Every "
               "machine joining the repository needs it. It cannot be recovered: keep a copy in a "
               "safe place. It goes to the system keychain, never into the configuration file."));
    }
    m_status->clearMessage();
    updateStrength();
}

void PassphrasePage::cleanupPage()
{
    m_probe.cancel();
}

void PassphrasePage::updateStrength()
{
    const setup::PassphraseStrength s = setup::PassphraseStrength::of(m_passphrase->text());
    using Level = setup::PassphraseStrength::Level;
    m_strength->setValue(m_passphrase->text().isEmpty() ? 0 : int(s.level) + 1);
    static const char* colours[] = {"#c62828", "#ef6c00", "#f9a825", "#7cb342", "#2e7d32"};
    m_strength->setStyleSheet(
        QStringLiteral("QProgressBar::chunk { background: %1; }").arg(QLatin1String(colours[int(s.level)])));
    QString verdict;
    switch (s.level) {
    case Level::VeryWeak:
        verdict = tr("Very weak");
        break;
    case Level::Weak:
        verdict = tr("Weak");
        break;
    case Level::Fair:
        verdict = tr("Fair");
        break;
    case Level::Good:
        verdict = tr("Good");
        break;
    case Level::Strong:
        verdict = tr("Strong");
        break;
    }
    if (m_passphrase->text().isEmpty())
        m_strengthLabel->setText(tr("Several unrelated words are easy to remember and hard to guess."));
    else if (s.level < Level::Strong)
        m_strengthLabel->setText(tr("%1: add words, digits or symbols to make it stronger.").arg(verdict));
    else
        m_strengthLabel->setText(verdict);
}

bool PassphrasePage::validatePage()
{
    setup::NewRepository& r = wiz()->repository();
    const QString passphrase = m_passphrase->text();
    if (!wiz()->joining()) {
        if (!m_encrypt->isChecked()) {
            r.set(QStringLiteral("encryption"), QStringLiteral("off"));
            r.passphrase.clear();
            return true;
        }
        if (passphrase.isEmpty()) {
            m_status->error(tr("Type a passphrase, or turn encryption off."));
            return false;
        }
        if (passphrase != m_confirmation->text()) {
            m_status->error(tr("The two passphrases differ: type the same one twice."));
            return false;
        }
        if (!setup::PassphraseStrength::of(passphrase).acceptable()) {
            m_status->error(
                tr("This passphrase is too easy to guess: the relay holds what an attacker needs to "
                   "try passphrases offline. Make it longer."));
            return false;
        }
        r.set(QStringLiteral("encryption"), QStringLiteral("on"));
        r.passphrase = passphrase.toUtf8();
        return true;
    }
    if (passphrase.isEmpty()) {
        m_status->error(tr("Type the repository's passphrase."));
        return false;
    }
    if (!m_verified.isEmpty() && m_verified == passphrase) {
        r.set(QStringLiteral("encryption"), wiz()->found().encryption);
        r.passphrase = passphrase.toUtf8();
        return true;
    }
    if (m_probe.running() && m_testing == passphrase)
        return false;
    QString error;
    const auto config = probeConfig(wiz(), error);
    if (!config) {
        m_status->error(error);
        return false;
    }
    m_testing = passphrase;
    m_status->info(tr("Checking the passphrase..."));
    m_probe.start(*config, passphrase.toUtf8());
    return false;
}

void PassphrasePage::checked(const setup::ProbeResult& result)
{
    if (result.outcome != Outcome::Found) {
        m_status->error(tr("The relay could not be read again: %1").arg(result.error));
        return;
    }
    if (result.passphraseWrong) {
        m_status->error(tr("Wrong passphrase: it does not open this repository."));
        return;
    }
    m_verified = m_testing;
    wiz()->setFound(result);
    m_status->success(tr("The passphrase opens the repository."));
    if (m_passphrase->text() == m_verified)
        wizard()->next();
}

// ---------------------------------------------------------------------------------------------

LocalPage::LocalPage(SetupWizard* wizard)
    : QWizardPage(wizard)
{
    setTitle(tr("This machine"));
    setSubTitle(
        tr("The folder to keep in sync here, how this machine is named to the others, and what it does."));
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    m_folder = lineEdit(QStringLiteral("localFolder"), QString(), this);
    m_device = lineEdit(QStringLiteral("deviceName"), QString(), this);
    m_mode = new QComboBox(this);
    m_mode->setObjectName(QStringLiteral("mode"));
    m_mode->addItem(tr("Send and receive"), QStringLiteral("shared"));
    m_mode->addItem(tr("Send only (files here are never changed)"), QStringLiteral("upload"));
    m_mode->addItem(tr("Receive only (files here are never sent)"), QStringLiteral("download"));
    m_mode->addItem(tr("Conservative (never overwrite a file changed here)"), QStringLiteral("conservative"));
    m_name = lineEdit(QStringLiteral("repositoryName"), QString(), this);
    form->addRow(tr("Local folder:"), withBrowse(m_folder, true, this));
    form->addRow(tr("This machine's name:"), m_device);
    form->addRow(tr("Mode:"), m_mode);
    form->addRow(tr("Repository name:"), m_name);
    layout->addLayout(form);
    m_status = new StatusLabel(this);
    layout->addWidget(m_status);
    layout->addStretch();
    connect(m_folder, &QLineEdit::textChanged, this, [this](const QString& folder) {
        m_status->clearMessage();
        if (!m_nameEdited && !folder.trimmed().isEmpty())
            m_name->setText(setup::suggestName(wiz()->configPath(), folder.trimmed()));
    });
    connect(m_name, &QLineEdit::textEdited, this, [this] { m_nameEdited = true; });
}

void LocalPage::initializePage()
{
    if (m_folder->text().isEmpty()) {
        // ~/Escale, or ~/Escale-2 ... when that one is taken by another repository.
        QString folder = QDir::homePath() + QStringLiteral("/Escale");
        for (int n = 2; QFileInfo(folder).exists() && !QDir(folder).isEmpty(); ++n)
            folder = QDir::homePath() + QStringLiteral("/Escale-%1").arg(n);
        m_folder->setText(folder);
    }
    if (m_device->text().isEmpty())
        m_device->setText(QSysInfo::machineHostName());
    m_status->clearMessage();
}

bool LocalPage::validatePage()
{
    setup::NewRepository& r = wiz()->repository();
    const QString folder = QDir::cleanPath(config::expandHome(m_folder->text().trimmed()));
    if (m_folder->text().trimmed().isEmpty() || !QDir::isAbsolutePath(folder)) {
        m_status->error(tr("Choose the local folder (a full path, starting with /)."));
        return false;
    }
    const QFileInfo info(folder);
    if (info.exists() && !info.isDir()) {
        m_status->error(tr("%1 is a file, not a folder.").arg(folder));
        return false;
    }
    if (info.exists() && !info.isWritable()) {
        m_status->error(tr("The folder %1 cannot be written by you.").arg(folder));
        return false;
    }
    if (!info.exists()) {
        QFileInfo parent(info.absolutePath());
        while (!parent.exists() && parent.absoluteFilePath() != QLatin1String("/"))
            parent = QFileInfo(parent.absolutePath());
        if (!parent.isDir() || !parent.isWritable()) {
            m_status->error(tr("The folder %1 cannot be created: %2 cannot be written by you.")
                                .arg(folder, parent.absoluteFilePath()));
            return false;
        }
    }
    if (wiz()->relayKind() == Kind::Folder) {
        const QString relay = r.value(QStringLiteral("relay address"));
        if (folder == relay || folder.startsWith(relay + QLatin1Char('/')) ||
            relay.startsWith(folder + QLatin1Char('/'))) {
            m_status->error(
                tr("The local folder and the relay folder must be apart: neither inside the other."));
            return false;
        }
    }
    const QString device = m_device->text().trimmed();
    if (device.isEmpty()) {
        m_status->error(tr("Give this machine a name: the others see it in their activity."));
        return false;
    }
    const QString name = m_name->text().trimmed();
    if (const QString why = setup::checkName(wiz()->configPath(), name); !why.isEmpty()) {
        m_status->error(tr("Repository name: %1.").arg(why));
        return false;
    }
    r.name = name;
    r.set(QStringLiteral("local path"), folder);
    r.set(QStringLiteral("client name"), device);
    r.set(QStringLiteral("mode"), m_mode->currentData().toString());
    QStringList errors;
    if (!r.load(wiz()->configPath(), errors)) {
        m_status->error(errors.join(QLatin1Char('\n')));
        return false;
    }
    for (const setup::ProbeResult::Client& c : wiz()->found().clients)
        if (wiz()->joining() && c.name.compare(device, Qt::CaseInsensitive) == 0 &&
            m_sameNameAccepted != device) {
            // Allowed (identities are random ids), but confusing in the others' activity.
            m_sameNameAccepted = device;
            m_status->error(
                tr("Another machine of this repository is already named '%1'. Click Next again to "
                   "keep this name, or give this one another.")
                    .arg(c.name));
            return false;
        }
    return true;
}

// ---------------------------------------------------------------------------------------------

FiltersPage::FiltersPage(SetupWizard* wizard)
    : QWizardPage(wizard)
{
    setTitle(tr("What to leave out (optional)"));
    setSubTitle(
        tr("Leave everything empty to sync the whole folder. One pattern per line: * matches any name "
           "part, /.../ is a regular expression."));
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    m_exclude = listEdit(QStringLiteral("exclude"), tr("*.tmp\n*~"), this);
    m_excludeDirectories = listEdit(QStringLiteral("excludeDirectories"), tr("node_modules\nbuild"), this);
    m_include = listEdit(QStringLiteral("include"), tr("everything"), this);
    m_hidden = new QCheckBox(tr("Sync hidden files and folders (names starting with '.')"), this);
    m_hidden->setObjectName(QStringLiteral("hiddenFiles"));
    form->addRow(tr("Files never synced:"), m_exclude);
    form->addRow(tr("Folders never synced:"), m_excludeDirectories);
    form->addRow(tr("Only these files:"), m_include);
    form->addRow(QString(), m_hidden);
    layout->addLayout(form);
    m_status = new StatusLabel(this);
    layout->addWidget(m_status);
    layout->addStretch();
    for (QPlainTextEdit* e : {m_exclude, m_excludeDirectories, m_include})
        connect(e, &QPlainTextEdit::textChanged, m_status, &StatusLabel::clearMessage);
}

bool FiltersPage::validatePage()
{
    setup::NewRepository& r = wiz()->repository();
    r.set(QStringLiteral("exclude"), listValue(m_exclude));
    r.set(QStringLiteral("exclude directories"), listValue(m_excludeDirectories));
    r.set(QStringLiteral("include"), listValue(m_include));
    r.set(QStringLiteral("hidden files"), m_hidden->isChecked() ? QStringLiteral("yes") : QString());
    QStringList errors;
    if (!r.load(wiz()->configPath(), errors)) {
        m_status->error(errors.join(QLatin1Char('\n')));
        return false;
    }
    return true;
}

// ---------------------------------------------------------------------------------------------

SummaryPage::SummaryPage(SetupWizard* wizard)
    : QWizardPage(wizard)
{
    setTitle(tr("Ready"));
    setSubTitle(tr("Escale writes this to its configuration and starts syncing when you click Finish."));
    auto* layout = new QVBoxLayout(this);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("summary"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_summary);
    m_files = new QCheckBox(tr("Keep the password and passphrase in files readable only by you"), this);
    m_files->setObjectName(QStringLiteral("secretsInFiles"));
    m_files->hide();
    layout->addWidget(m_files);
    m_status = new StatusLabel(this);
    layout->addWidget(m_status);
    layout->addStretch();
    setFinalPage(true);
}

void SummaryPage::initializePage()
{
    const setup::NewRepository& r = wiz()->repository();
    QStringList rows;
    auto row = [&rows](const QString& label, const QString& value) {
        rows << QStringLiteral("<tr><td style=\"padding-right:12px\"><b>%1</b></td><td>%2</td></tr>")
                    .arg(label.toHtmlEscaped(), value.toHtmlEscaped());
    };
    QStringList errors;
    const auto config = r.load(wiz()->configPath(), errors);
    row(tr("Repository"), wiz()->joining() ? tr("join '%1'").arg(r.name) : tr("create '%1'").arg(r.name));
    row(tr("Relay"), config ? config->relay.toDisplayString() : r.value(QStringLiteral("relay address")));
    const QString encryption = r.value(QStringLiteral("encryption"));
    row(tr("Encryption"), encryption == QLatin1String("off") ? tr("off")
                          : wiz()->joining()                 ? suiteName(encryption)
                                                             : tr("on (AES-256-GCM)"));
    row(tr("Local folder"),
        r.value(QStringLiteral("local path")) +
            (QFileInfo::exists(r.value(QStringLiteral("local path"))) ? QString() : tr(" (created)")));
    row(tr("This machine"), r.value(QStringLiteral("client name")));
    const QString mode = r.value(QStringLiteral("mode"));
    row(tr("Mode"), mode == QLatin1String("upload")         ? tr("send only")
                    : mode == QLatin1String("download")     ? tr("receive only")
                    : mode == QLatin1String("conservative") ? tr("conservative")
                                                            : tr("send and receive"));
    QStringList filters;
    for (const QString& key :
         {QStringLiteral("exclude"), QStringLiteral("exclude directories"), QStringLiteral("include")})
        if (!r.value(key).isEmpty())
            filters << QStringLiteral("%1: %2").arg(key, r.value(key));
    if (!r.value(QStringLiteral("hidden files")).isEmpty())
        filters << tr("hidden files synced");
    row(tr("Filters"),
        filters.isEmpty() ? tr("none: everything is synced") : filters.join(QLatin1String("; ")));
    row(tr("Configuration"), wiz()->configPath());
    const bool keychain = config::Keychain::reachable();
    row(tr("Secrets"), r.password.isEmpty() && r.passphrase.isEmpty() ? tr("none")
                       : keychain                                     ? tr("in the system keychain")
                                  : tr("no keychain here: in files readable only by you"));
    m_summary->setText(QStringLiteral("<table>%1</table>").arg(rows.join(QString())));
    if (!keychain && !(r.password.isEmpty() && r.passphrase.isEmpty())) {
        m_files->setChecked(true);
        m_files->show();
    }
    m_status->clearMessage();
}

bool SummaryPage::secretsInFiles() const
{
    return m_files->isVisible() && m_files->isChecked();
}

void SummaryPage::showFailure(const QString& error, bool offerFiles)
{
    if (offerFiles) {
        m_files->show();
        m_status->error(tr("%1. Check the box to keep them in files readable only by you (beside the "
                           "configuration, in 'secrets'), then click Finish again.")
                            .arg(error));
    } else {
        m_status->error(error);
    }
}

} // namespace escale::ui::wizard
