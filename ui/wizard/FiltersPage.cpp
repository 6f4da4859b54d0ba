#include "wizard/FiltersPage.h"

#include "StatusLabel.h"
#include "sync/PathFilter.h"
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
    m_hidden = new QCheckBox(tr("Sync hidden files and folders (names starting with '.', such as .env or .git)"),
                             this);
    m_hidden->setObjectName(QStringLiteral("hiddenFiles"));
    m_hidden->setChecked(true);
    m_temporary = new QCheckBox(tr("Sync the temporary files of editors and systems too"), this);
    m_temporary->setObjectName(QStringLiteral("temporaryFiles"));
    m_temporary->setToolTip(tr("Left out unless ticked: %1, and the folders %2. They are locks, swap files, "
                               "partial downloads and thumbnails that belong to one machine.")
                                .arg(sync::PathFilter::temporaryPatterns().join(QLatin1String(" ")),
                                     sync::PathFilter::temporaryFolders().join(QLatin1String(", "))));
    form->addRow(tr("Files never synced:"), m_exclude);
    form->addRow(tr("Folders never synced:"), m_excludeDirectories);
    form->addRow(tr("Only these files:"), m_include);
    form->addRow(QString(), m_hidden);
    form->addRow(QString(), m_temporary);
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
    r.set(QStringLiteral("hidden files"), m_hidden->isChecked() ? QString() : QStringLiteral("no"));
    r.set(QStringLiteral("temporary files"), m_temporary->isChecked() ? QStringLiteral("yes") : QString());
    QStringList errors;
    if (!r.load(wiz()->configPath(), errors)) {
        m_status->error(errors.join(QLatin1Char('\n')));
        return false;
    }
    return true;
}

} // namespace escale::ui::wizard
