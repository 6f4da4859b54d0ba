#include "wizard/TypePage.h"

#include "StatusLabel.h"
#include "wizard/PageHelpers.h"

#include <QButtonGroup>
#include <QRadioButton>
#include <QVBoxLayout>

namespace escale::ui::wizard {

using Kind = setup::RelayForm::Kind;

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

} // namespace escale::ui::wizard
