#pragma once

#include <QString>

class QCoreApplication;

namespace escale::ui {

// Loads the desktop application's translation: `language` is the configuration's 'language'
// (auto: the system's). English is the source language; French is complete. Qt's own strings
// (standard dialogs and buttons) follow. Returns the language in use ("en" or "fr").
QString installTranslation(QCoreApplication& app, const QString& language);

} // namespace escale::ui
