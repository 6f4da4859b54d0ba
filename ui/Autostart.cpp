#include "Autostart.h"

#include "config/Paths.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>

namespace escale::ui {

namespace {

// A desktop entry's Exec argument, quoted as the specification asks.
QString quoted(const QString& argument)
{
    QString escaped = argument;
    for (const char* c : {"\\", "\"", "`", "$"})
        escaped.replace(QLatin1String(c), QLatin1Char('\\') + QLatin1String(c));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

} // namespace

QString Autostart::entryPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) +
           QStringLiteral("/autostart/escale.desktop");
}

bool Autostart::enabled()
{
    return QFileInfo::exists(entryPath());
}

bool Autostart::setEnabled(bool on, const QString& configPath, QString& error)
{
    const QString path = entryPath();
    if (!on) {
        if (QFileInfo::exists(path) && !QFile::remove(path)) {
            error = QStringLiteral("cannot remove %1").arg(path);
            return false;
        }
        return true;
    }
    QString exec = quoted(QCoreApplication::applicationFilePath());
    if (QFileInfo(configPath).absoluteFilePath() != QFileInfo(config::defaultConfigPath()).absoluteFilePath())
        exec += QStringLiteral(" -c ") + quoted(QFileInfo(configPath).absoluteFilePath());
    const QString entry = QStringLiteral("[Desktop Entry]\nType=Application\nName=Escale\n"
                                         "Comment=Keeps folders in sync through a relay storage\nExec=%1\n"
                                         "Icon=escale\nTerminal=false\nX-GNOME-Autostart-enabled=true\n")
                              .arg(exec);
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(entry.toUtf8()) < 0 || !out.commit()) {
        error = QStringLiteral("cannot write %1: %2").arg(path, out.errorString());
        return false;
    }
    return true;
}

} // namespace escale::ui
