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

// Whether `a` is `b` or inside it, compared as written and as they really are (symbolic links
// resolved, in the part of each path that exists).
bool isInside(const QString& a, const QString& b);
// Whether the file system holding `path` tells this machine of changes other machines make there:
// false on network and cluster file systems (NFS, SMB/CIFS, FUSE mounts such as sshfs, 9p, Ceph,
// AFS...), where change notifications only report this machine's own changes, and when it
// cannot be told (the path is not there).
bool notifiesOtherMachines(const QString& path);

// When Escale runs as a systemd service (INVOCATION_ID set), what to say of a path it cannot
// write because the file system is read-only for it: the unit's sandbox, and the remedy. Empty
// otherwise.
QString sandboxHint();

// The folders a configuration makes Escale write outside `home` (synchronised folders, state
// databases, folder relays, the log's folder, rclone configurations): what the sandbox of its
// systemd units must let it write (docs/server.md). Sorted, without duplicates or nesting.
struct Config;
QStringList writableFolders(const Config& config, const QString& home);

// Whether two folders share files: one is the other, or inside it.
inline bool overlaps(const QString& a, const QString& b)
{
    return isInside(a, b) || isInside(b, a);
}

} // namespace escale::config
