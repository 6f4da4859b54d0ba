#!/usr/bin/env bash
# The system calls Escale really makes, against what its systemd units allow
# (SystemCallFilter=@system-service ~@privileged @resources, docs/server.md "The sandbox").
# Runs the integration tests that drive the `escale` binary against every relay kind (folder,
# WebDAV, S3, FTP/FTPS, SFTP; the daemon, escalectl's instance commands, migration, the upgrade)
# with the binary under `strace -f`, plus one `escale --once` through an rclone relay (rclone is
# run by Escale, under the same filter), then lists every call the filter would refuse.
# usage: tools/check-syscalls.sh BUILD_DIR      (takes a few minutes; needs strace)
set -euo pipefail
build=$(cd "$1" && pwd)
bin="$build/app/escale"
work=$(mktemp -d)
restore() {
  [ -f "$bin.real" ] && mv -f "$bin.real" "$bin"
  rm -rf "$work"
}
trap restore EXIT
command -v strace >/dev/null || { echo "check-syscalls: strace is missing (apt install strace)" >&2; exit 2; }
mkdir -p "$work/traces"
mv "$bin" "$bin.real"
cat > "$bin" <<WRAP
#!/bin/sh
exec strace -f -qq -ff -o "$work/traces/t" "$bin.real" "\$@"
WRAP
chmod +x "$bin"
(cd "$build" && ctest -R '^(EscaleCli|Daemon|Escalectl|Upgrade|Migration|WebDavRelay|S3Relay|FtpRelay|SftpRelay)$' \
   --timeout 900 2>&1 | grep -E 'tests passed|Failed|\*\*\*' || true)

# An rclone relay: a local rclone remote, one sync there and back.
mkdir -p "$work/rc/a" "$work/rc/remote" "$work/rc/state" "$work/rc/home"
echo hello > "$work/rc/a/file.txt"
printf '[store]\ntype = local\n' > "$work/rc/rclone.conf"
# (The remote's path is relative to rclone's working folder.)
printf '[docs]\nlocal path = %s\nrelay address = rclone://store/remote\nrclone config = %s\nstate dir = %s\n' \
  "$work/rc/a" "$work/rc/rclone.conf" "$work/rc/state" > "$work/rc/escale.conf"
(cd "$work/rc" && HOME="$work/rc/home" "$bin" --once -c "$work/rc/escale.conf" >/dev/null 2>&1) ||
  echo "check-syscalls: the rclone run failed" >&2
[ -d "$work/rc/remote/journal" ] || echo "check-syscalls: the rclone run wrote nothing" >&2

# What the filter allows, expanded from systemd's own groups.
systemd-analyze syscall-filter > "$work/groups.txt"
python3 - "$work/groups.txt" "$work/traces" <<'PY'
import os, re, sys
groups, cur = {}, None
for line in open(sys.argv[1]):
    s = line.strip()
    if not s or s.startswith('#'):
        continue
    if not line.startswith(' ') and s.startswith('@'):
        cur = s.split()[0]; groups[cur] = []
    elif cur:
        groups[cur].append(s.split()[0])
def expand(g, seen=None):
    seen = seen if seen is not None else set()
    out = set()
    for m in groups.get(g, []):
        if m.startswith('@'):
            if m not in seen:
                seen.add(m); out |= expand(m, seen)
        else:
            out.add(m)
    return out
allowed = expand('@system-service') - expand('@privileged') - expand('@resources')
used, where = {}, {}
call = re.compile(r'^(?:<\.\.\. )?([a-z0-9_]+)[( ]')
files = os.listdir(sys.argv[2])
for name in files:
    exe = None
    for line in open(os.path.join(sys.argv[2], name), errors='replace'):
        m = call.match(line)
        if not m:
            continue
        c = m.group(1)
        if c == 'execve' and exe is None:
            exe = line.split('"')[1] if '"' in line else '?'
        used[c] = used.get(c, 0) + 1
        if c not in allowed:
            where.setdefault(c, set()).add(os.path.basename(exe or 'escale'))
print(f"check-syscalls: {len(files)} processes and threads traced, {len(used)} distinct system calls")
refused = sorted(c for c in used if c not in allowed)
for c in refused:
    print(f"  refused by the filter (EPERM): {c} x{used[c]} in {', '.join(sorted(where[c]))}")
if not refused:
    print("check-syscalls: every call is allowed")
PY
