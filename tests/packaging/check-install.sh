#!/usr/bin/env bash
# Installs the build into a throw-away root and checks what lands there: the executables run,
# the desktop entries, AppStream metadata and man pages validate, the systemd units name the
# installed binary. usage: check-install.sh BUILD_DIR
set -euo pipefail
build=$1
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
DESTDIR=$root cmake --install "$build" --prefix /usr >/dev/null

fail() { echo "check-install: $*" >&2; exit 1; }
for f in usr/bin/escale usr/bin/escalectl usr/bin/escale-desktop usr/share/doc/escale/copyright \
         usr/share/applications/io.github.escale.Escale.desktop \
         usr/share/metainfo/io.github.escale.Escale.metainfo.xml \
         usr/share/icons/hicolor/scalable/apps/io.github.escale.Escale.svg \
         usr/share/escale/autostart/io.github.escale.Escale.desktop \
         usr/lib/systemd/user/escale.service usr/lib/systemd/system/escale@.service \
         usr/share/man/man1/escale.1 usr/share/man/man1/escalectl.1 usr/share/doc/escale/configuration.md; do
  [ -e "$root/$f" ] || fail "$f is not installed"
done
[[ "$("$root/usr/bin/escale" --version)" == "escale "* ]] || fail "the installed escale does not run"
[[ "$("$root/usr/bin/escalectl" --version)" == "escalectl "* ]] || fail "the installed escalectl does not run"
desktop-file-validate "$root/usr/share/applications/io.github.escale.Escale.desktop" \
                      "$root/usr/share/escale/autostart/io.github.escale.Escale.desktop"
appstreamcli validate --no-net --pedantic "$root/usr/share/metainfo/io.github.escale.Escale.metainfo.xml" >/dev/null ||
  fail "appstreamcli validate failed"
for page in "$root"/usr/share/man/man1/*.1; do
  out=$(LC_ALL=C.UTF-8 groff -man -ww -z -t "$page" 2>&1)
  [ -z "$out" ] || fail "$page: $out"
done
for unit in "$root"/usr/lib/systemd/user/escale.service "$root"/usr/lib/systemd/system/escale@.service; do
  grep -q '^ExecStart=/usr/bin/escale --no-gui$' "$unit" || fail "$unit does not start /usr/bin/escale --no-gui"
done
grep -q '^User=%i$' "$root/usr/lib/systemd/system/escale@.service" || fail "escale@.service does not run as its instance"
grep -q '^RuntimeDirectory=escale-%i$' "$root/usr/lib/systemd/system/escale@.service" || fail "escale@.service has no runtime directory for its control socket"
grep -q '^RuntimeDirectory=escale$' "$root/usr/lib/systemd/user/escale.service" || fail "escale.service has no runtime directory for its control socket"
# The units' sandbox (docs/server.md): rated "OK" or better (exposure at most 2.0 of 10) by
# systemd's own analysis, read from the installed files.
for unit in "$root"/usr/lib/systemd/user/escale.service "$root"/usr/lib/systemd/system/escale@.service; do
  rating=$(systemd-analyze security --offline=yes "$unit" 2>&1 | tail -1)
  systemd-analyze security --offline=yes --threshold=20 "$unit" >/dev/null 2>&1 ||
    fail "$unit is too exposed: $rating"
  echo "check-install: $(basename "$unit"): $rating"
done
echo "check-install: everything in place and valid"
