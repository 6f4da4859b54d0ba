#include "config/Paths.h"

#include <QDir>
#include <QFileInfo>

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

namespace {

// The path with symbolic links resolved in the part that exists.
QString realPath(const QString& path)
{
    QString existing = QDir::cleanPath(path);
    QString rest;
    while (!existing.isEmpty() && existing != QLatin1String("/") && !QFileInfo::exists(existing)) {
        rest = QLatin1Char('/') + QFileInfo(existing).fileName() + rest;
        existing = QFileInfo(existing).path();
    }
    const QString canonical = QFileInfo(existing).canonicalFilePath();
    return QDir::cleanPath((canonical.isEmpty() ? existing : canonical) + rest);
}

bool under(const QString& x, const QString& y)
{
    return x == y || x.startsWith(y.endsWith(QLatin1Char('/')) ? y : y + QLatin1Char('/'));
}

} // namespace

bool isInside(const QString& a, const QString& b)
{
    return under(a, b) || under(realPath(a), realPath(b));
}

} // namespace escale::config
