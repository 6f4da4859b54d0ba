#include "wizard/FiltersPage.h"

#include "StatusLabel.h"
#include "wizard/PageHelpers.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace escale::ui::wizard {

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

} // namespace escale::ui::wizard
