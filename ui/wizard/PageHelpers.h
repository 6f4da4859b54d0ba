#pragma once

#include "SetupWizard.h"
#include "config/Config.h"

#include <QString>
#include <optional>

class QLineEdit;
class QPlainTextEdit;
class QWidget;

// What several pages of the setup wizard build their forms with.
namespace escale::ui::wizard {

// A line edit with a "Browse..." button that picks a folder or a file.
QWidget* withBrowse(QLineEdit* edit, bool folder, QWidget* parent);
QLineEdit* lineEdit(const QString& name, const QString& placeholder, QWidget* parent);
QPlainTextEdit* listEdit(const QString& name, const QString& placeholder, QWidget* parent);
// One item per line (blank lines dropped), as a configuration list.
QString listValue(const QPlainTextEdit* edit);
// "AES-256-GCM", "ChaCha20-Poly1305" or "off" for a header's encryption.
QString suiteName(const QString& encryption);
// The repository's keys as a probe reads them: a placeholder local folder and name until the
// later pages choose them (nothing is created there).
std::optional<config::RepositoryConfig> probeConfig(const SetupWizard* wizard, QString& error);

} // namespace escale::ui::wizard
