#include "wizard/RepositoryPage.h"

#include "StatusLabel.h"
#include "wizard/PageHelpers.h"

#include <QLabel>
#include <QRadioButton>
#include <QVBoxLayout>

namespace escale::ui::wizard {

using Outcome = setup::ProbeResult::Outcome;

RepositoryPage::RepositoryPage(SetupWizard* wizard)
    : QWizardPage(wizard)
{
    setTitle(tr("Repository"));
    setSubTitle(tr("A repository is what the machines share on the relay: create one, or join one."));
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

} // namespace escale::ui::wizard
