#include "SetupWizard.h"

#include "SetupPages.h"

#include <QAbstractButton>
#include <QDir>
#include <QMessageBox>
#include <QFileInfo>

namespace escale::ui {

SetupWizard::SetupWizard(const QString& configPath, QWidget* parent)
    : QWizard(parent)
    , m_configPath(configPath)
{
    setObjectName(QStringLiteral("setupWizard"));
    setWindowTitle(tr("Add a repository"));
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    setOption(QWizard::HaveHelpButton, false);
    setPage(TypePage, new wizard::TypePage(this));
    setPage(ConnectionPage, new wizard::ConnectionPage(this));
    setPage(RepositoryPage, new wizard::RepositoryPage(this));
    setPage(PassphrasePage, new wizard::PassphrasePage(this));
    setPage(LocalPage, new wizard::LocalPage(this));
    setPage(FiltersPage, new wizard::FiltersPage(this));
    setPage(SummaryPage, new wizard::SummaryPage(this));
    setStartId(TypePage);
    resize(720, 560);
}

setup::RelayForm::Kind SetupWizard::relayKind() const
{
    return static_cast<wizard::TypePage*>(page(TypePage))->kind();
}

bool SetupWizard::joining() const
{
    return m_found.outcome == setup::ProbeResult::Outcome::Found;
}

void SetupWizard::reject()
{
    if (visitedIds().size() > 1) { // past the first page: something was entered
        QMessageBox ask(QMessageBox::Question, tr("Leave the setup?"),
                        tr("What you entered is not kept, and nothing is set up."),
                        QMessageBox::Discard | QMessageBox::Cancel, this);
        ask.setObjectName(QStringLiteral("leaveSetup"));
        ask.button(QMessageBox::Discard)->setText(tr("Leave"));
        ask.button(QMessageBox::Cancel)->setText(tr("Stay"));
        ask.setDefaultButton(QMessageBox::Cancel);
        if (ask.exec() != QMessageBox::Discard)
            return;
    }
    QWizard::reject();
}

void SetupWizard::accept()
{
    auto* summary = static_cast<wizard::SummaryPage*>(page(SummaryPage));
    const QString folder = m_repository.value(QStringLiteral("local path"));
    const bool created = !QFileInfo::exists(folder);
    if (created && !QDir().mkpath(folder)) {
        summary->showFailure(tr("The folder %1 cannot be created").arg(folder), false);
        return;
    }
    const setup::AddResult result =
        setup::addToConfiguration(m_configPath, m_repository, summary->secretsInFiles());
    if (!result.ok) {
        if (created)
            QDir().rmdir(folder); // made just now, still empty
        summary->showFailure(result.error, result.keychainUnavailable);
        return;
    }
    m_added = result.repository;
    Q_EMIT repositoryAdded(m_added);
    QWizard::accept();
}

} // namespace escale::ui
