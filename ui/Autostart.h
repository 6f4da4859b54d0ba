#pragma once

#include <QString>

namespace escale::ui {

// "Start Escale at login": an XDG autostart entry, $XDG_CONFIG_HOME/autostart/escale.desktop
// (~/.config/autostart by default), which every freedesktop session (GNOME, KDE, Xfce, ...)
// starts at login. The entry's existence is the setting.
class Autostart
{
public:
    static QString entryPath();
    static bool enabled();
    // Writes (for the running binary and, when not the default, this configuration) or
    // removes the entry; false with `error` when the file cannot be written or removed.
    static bool setEnabled(bool on, const QString& configPath, QString& error);
};

} // namespace escale::ui
