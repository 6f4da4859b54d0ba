#include "wizard/LocalPage.h"

#include "StatusLabel.h"
#include "wizard/PageHelpers.h"

#include "config/Paths.h"
#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QLineEdit>
#include <QSysInfo>
#include <QVBoxLayout>

namespace escale::ui::wizard {

using Kind = setup::RelayForm::Kind;

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
        // Named after the relay's folder (~/Escale/Photos for .../Photos), not numbered.
        const QString base = setup::folderNameFor(wiz()->repository().value(QStringLiteral("relay address")));
        QString folder = QDir::homePath() + QStringLiteral("/Escale/") + base;
        for (int n = 2; QFileInfo(folder).exists() && !QDir(folder).isEmpty(); ++n)
            folder = QDir::homePath() + QStringLiteral("/Escale/%1 %2").arg(base).arg(n);
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
        if (config::overlaps(folder, relay)) {
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
    if (device.contains(QLatin1Char('/')) || device.contains(QLatin1Char('\\')) || device.size() > 64) {
        m_status->error(tr("A machine's name is a name: at most 64 characters, without / or \\ (it appears in "
                           "the names of conflict copies)."));
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

} // namespace escale::ui::wizard
