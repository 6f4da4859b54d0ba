#include "config/Paths.h"

#include "Tr.h"
#include "config/Config.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#ifdef Q_OS_LINUX
#include <sys/vfs.h>
#endif

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

QString sandboxHint()
{
    if (qEnvironmentVariableIsEmpty("INVOCATION_ID"))
        return {};
    return trc("config",
               " (Escale runs as a systemd service, whose sandbox lets it write only in its home and "
               "in the folders its drop-in names: run 'escalectl service-paths' and install what it "
               "prints, see docs/server.md)");
}

QStringList writableFolders(const Config& config, const QString& home)
{
    QStringList paths;
    auto add = [&](const QString& path) {
        if (path.isEmpty())
            return;
        const QString clean = QDir::cleanPath(QDir::isAbsolutePath(path) ? path : QDir(home).filePath(path));
        if (!isInside(clean, home))
            paths << clean;
    };
    for (const RepositoryConfig& r : config.repositories) {
        add(r.localPath);
        add(r.stateDir);
        if (r.relay.scheme == RelayAddress::Scheme::Folder)
            add(r.relay.path);
        if (!r.rcloneConfig.isEmpty())
            add(QFileInfo(r.rcloneConfig).absolutePath()); // rclone renews tokens in it
    }
    add(QFileInfo(config.global.logFile.isEmpty() ? defaultStateDir() + QStringLiteral("/x.log")
                                                  : config.global.logFile)
            .absolutePath());
    paths.sort();
    QStringList out;
    for (const QString& p : std::as_const(paths))
        if (out.isEmpty() || !isInside(p, out.last()))
            out << p;
    return out;
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

bool notifiesOtherMachines(const QString& path)
{
#ifdef Q_OS_LINUX
    struct statfs fs;
    if (::statfs(QFile::encodeName(path).constData(), &fs) != 0)
        return false;
    // Network and cluster file systems (linux/magic.h and the file systems' own sources): another
    // machine's writes there raise no notification here. FUSE counts among them (sshfs, rclone
    // mount, glusterfs); a local FUSE disk is then polled, which costs little.
    switch (static_cast<unsigned long>(fs.f_type)) {
    case 0x6969UL:     // NFS
    case 0x517BUL:     // SMB
    case 0xFF534D42UL: // CIFS
    case 0xFE534D42UL: // SMB2
    case 0x65735546UL: // FUSE
    case 0x01021997UL: // 9p (v9fs)
    case 0x00C36400UL: // Ceph
    case 0x5346414FUL: // AFS
    case 0x6B414653UL: // kAFS
    case 0x73757245UL: // Coda
    case 0x564CUL:     // NCP
    case 0x7461636FUL: // OCFS2
    case 0x01161970UL: // GFS2
    case 0x0BD00BD0UL: // Lustre
        return false;
    default:
        return true;
    }
#else
    Q_UNUSED(path);
    return false;
#endif
}

} // namespace escale::config
