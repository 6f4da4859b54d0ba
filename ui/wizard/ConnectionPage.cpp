#include "wizard/ConnectionPage.h"

#include "StatusLabel.h"
#include "wizard/PageHelpers.h"

#include <QCheckBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace escale::ui::wizard {

using Kind = setup::RelayForm::Kind;
using Outcome = setup::ProbeResult::Outcome;

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

} // namespace escale::ui::wizard
