#include "wizard/SummaryPage.h"

#include "sync/PathFilter.h"

#include "StatusLabel.h"
#include "wizard/PageHelpers.h"

#include "config/Keychain.h"
#include "config/Paths.h"
#include <QCheckBox>
#include <QFileInfo>
#include <QLabel>
#include <QVBoxLayout>

namespace escale::ui::wizard {

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
    row(tr("Encryption"), wiz()->joining() || encryption == QLatin1String("off") ? suiteName(encryption)
                                                                               : suiteName(QStringLiteral("aes-256-gcm")));
    row(tr("Local folder"),
        r.value(QStringLiteral("local path")) +
            (QFileInfo::exists(r.value(QStringLiteral("local path"))) ? QString() : tr(" (created)")));
    row(tr("This machine"), r.value(QStringLiteral("client name")));
    const QString mode = r.value(QStringLiteral("mode"));
    row(tr("Mode"), mode == QLatin1String("upload")         ? tr("send only")
                    : mode == QLatin1String("download")     ? tr("receive only")
                    : mode == QLatin1String("conservative") ? tr("conservative")
                                                            : tr("send and receive"));
    // Exactly what is left out, the defaults included.
    QStringList left;
    if (r.value(QStringLiteral("temporary files")) != QLatin1String("yes"))
        left << tr("temporary files of editors and systems (%1; folders %2)")
                    .arg(sync::PathFilter::temporaryPatterns().join(QLatin1String(" ")),
                         sync::PathFilter::temporaryFolders().join(QLatin1String(", ")));
    if (r.value(QStringLiteral("hidden files")) == QLatin1String("no"))
        left << tr("hidden files and folders (names starting with '.')");
    if (!r.value(QStringLiteral("exclude")).isEmpty())
        left << tr("files named %1").arg(r.value(QStringLiteral("exclude")));
    if (!r.value(QStringLiteral("exclude directories")).isEmpty())
        left << tr("folders named %1").arg(r.value(QStringLiteral("exclude directories")));
    if (!r.value(QStringLiteral("include")).isEmpty())
        left << tr("every file but those named %1").arg(r.value(QStringLiteral("include")));
    row(tr("Not synced"), left.isEmpty() ? tr("nothing: every file is synced") : left.join(QLatin1String("; ")));
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
