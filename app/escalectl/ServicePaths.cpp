// escalectl service-paths: the drop-in that lets Escale's systemd units write where the
// configuration says, outside the home their sandbox leaves writable (docs/server.md).
#include "Common.h"
#include "config/ConfigLoader.h"
#include "config/Paths.h"

#include <QDir>
#include <pwd.h>
#include <unistd.h>

namespace escale::ctl {

int servicePaths(const QString& configPath)
{
    const config::LoadResult loaded = config::ConfigLoader::loadFile(configPath);
    if (loaded.hasErrors())
        return fail(ExitUsage, loaded.firstError()->toString());
    const QString home = QDir::homePath();
    const QStringList folders = config::writableFolders(loaded.config, home);
    QString user;
    if (const passwd* pw = ::getpwuid(::geteuid()))
        user = QString::fromLocal8Bit(pw->pw_name);
    QString text = QStringLiteral("# Written by 'escalectl service-paths' from %1: what Escale writes outside the\n"
                                  "# home its systemd units leave writable (docs/server.md, \"The sandbox\"). A folder\n"
                                  "# that is not there when the service starts (a disk not plugged in) is skipped.\n"
                                  "[Service]\n")
                       .arg(QFileInfo(configPath).absoluteFilePath());
    // The system unit shows /home/USER only: a home elsewhere is bound in.
    if (!user.isEmpty() && QDir::cleanPath(home) != QStringLiteral("/home/") + user && home != QLatin1String("/"))
        text += QStringLiteral("BindPaths=-%1\n").arg(home);
    // The system unit replaces /home, /root and /run/user with empty folders: what lies there is
    // bound in; elsewhere the file system is only made writable.
    for (const QString& f : folders) {
        const bool hidden = f.startsWith(QLatin1String("/home/")) || f == QLatin1String("/root") ||
                            f.startsWith(QLatin1String("/root/")) || f.startsWith(QLatin1String("/run/user/"));
        text += QStringLiteral("%1=-%2\n").arg(hidden ? QStringLiteral("BindPaths") : QStringLiteral("ReadWritePaths"), f);
    }
    print(stdout, text);
    print(stderr,
          QStringLiteral("%1Install it with\n"
                         "  sudo mkdir -p /etc/systemd/system/escale@%2.service.d\n"
                         "  escalectl service-paths | sudo tee /etc/systemd/system/escale@%2.service.d/escale-paths.conf\n"
                         "  sudo systemctl daemon-reload && sudo systemctl restart escale@%2\n"
                         "or, for the user unit,\n"
                         "  mkdir -p ~/.config/systemd/user/escale.service.d\n"
                         "  escalectl service-paths > ~/.config/systemd/user/escale.service.d/escale-paths.conf\n"
                         "  systemctl --user daemon-reload && systemctl --user restart escale\n")
              .arg(folders.isEmpty() ? QStringLiteral("Nothing outside %1: the units' defaults are enough.\n").arg(home)
                                     : QString(),
                   user.isEmpty() ? QStringLiteral("USER") : user));
    return ExitOk;
}

} // namespace escale::ctl
