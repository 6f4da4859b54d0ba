#include "config/Paths.h"

#include <QDir>

namespace escale::config {

namespace {

QString xdgDir(const char* variable, const char* fallbackUnderHome)
{
    const QString value = qEnvironmentVariable(variable);
    if (!value.isEmpty() && QDir::isAbsolutePath(value))
        return value;
    return QDir::homePath() + QLatin1Char('/') + QLatin1String(fallbackUnderHome);
}

} // namespace

QString expandHome(const QString& path)
{
    if (path == QLatin1String("~"))
        return QDir::homePath();
    if (path.startsWith(QLatin1String("~/")))
        return QDir::homePath() + path.mid(1);
    return path;
}

QString defaultConfigPath()
{
    return xdgDir("XDG_CONFIG_HOME", ".config") + QLatin1String("/escale/escale.conf");
}

QString defaultStateDir()
{
    return xdgDir("XDG_STATE_HOME", ".local/state") + QLatin1String("/escale");
}

QString defaultDataDir()
{
    return xdgDir("XDG_DATA_HOME", ".local/share") + QLatin1String("/escale");
}

} // namespace escale::config
