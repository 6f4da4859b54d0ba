#pragma once

// Core's messages in the user's language: the desktop application installs the catalogue
// (translations/escale_fr.ts holds core's contexts beside the interface's); the service, `escale
// --once` and escalectl install none and speak English. trc() is QCoreApplication::translate, and
// lupdate reads it as such (-tr-function-alias translate+=trc, ui/CMakeLists.txt). Its context is
// the module the message comes from ("relay", "sync", "config", ...).
//
// The text is a plain string literal (adjacent literals are joined), UTF-8, with %1... for what
// varies, so that a translation can reorder it. Messages only written to the log stay English.
#include <QCoreApplication>
#include <QString>

namespace escale {

inline QString trc(const char* context, const char* text, const char* disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate(context, text, disambiguation, n);
}

} // namespace escale
