#pragma once

#include <QString>

namespace escale::config {

// '~' and '~/...' become the home folder.
QString expandHome(const QString& path);

// $XDG_CONFIG_HOME/escale/escale.conf, by default ~/.config/escale/escale.conf.
QString defaultConfigPath();

// $XDG_STATE_HOME/escale, by default ~/.local/state/escale: logs.
QString defaultStateDir();

// $XDG_DATA_HOME/escale, by default ~/.local/share/escale: per-repository state databases.
QString defaultDataDir();

} // namespace escale::config
