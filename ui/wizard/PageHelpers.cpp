#include "wizard/PageHelpers.h"

#include "Words.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>

namespace escale::ui::wizard {

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
    return Words::suite(encryption);
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

} // namespace escale::ui::wizard
