#!/usr/bin/env bash
# Builds the Debian package and checks it: its dependencies name the libraries the executables
# link, dpkg accepts it on this system (a dry run, as root) and installs it into a clean root with
# its own dpkg database, escale runs from there and from the unpacked contents, and removal
# cleans up. usage: check-deb.sh BUILD_DIR
set -euo pipefail
build=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "check-deb: $*" >&2; exit 1; }
cpack --config "$build/CPackConfig.cmake" -G DEB -B "$work" >/dev/null
deb=$(ls "$work"/escale_*.deb)
depends=$(dpkg-deb --field "$deb" Depends)
for lib in libqt6core6 libqt6network6 libqt6keychain1 libssh-4 libssl3 libsqlite3-0 libqt6svg6; do
  grep -q "$lib" <<<"$depends" || fail "Depends lacks $lib: $depends"
done
contents=$(dpkg-deb --contents "$deb") # whole: `grep -q` on a pipe would cut dpkg-deb short
grep -q './usr/lib/systemd/user/escale.service' <<<"$contents" || fail "no user unit in the package"
if [ "$(id -u)" = 0 ]; then
  dpkg --dry-run -i "$deb" >/dev/null || fail "dpkg refuses the package"
  # A real installation into a clean root with its own dpkg database (its dependencies are the
  # host's, checked just above), the installed escale run, then removal leaves nothing behind.
  target="$work/target"
  mkdir -p "$target/var/lib/dpkg/info" "$target/var/lib/dpkg/updates" "$target/var/lib/dpkg/triggers"
  touch "$target/var/lib/dpkg/status" "$target/var/lib/dpkg/available"
  dpkg --root="$target" --force-depends -i "$deb" >"$work/dpkg.log" 2>&1 || fail "dpkg -i failed: $(cat "$work/dpkg.log")"
  [[ "$(dpkg --root="$target" -s escale)" == *"Status: install ok installed"* ]] || fail "not installed"
  [[ "$("$target/usr/bin/escale" --version)" == "escale 1"* ]] || fail "the installed escale does not run"
  [ -f "$target/usr/share/applications/io.github.escale.Escale.desktop" ] || fail "no desktop entry installed"
  dpkg --root="$target" -r escale >>"$work/dpkg.log" 2>&1 || fail "dpkg -r failed"
  [ ! -e "$target/usr/bin/escale" ] || fail "dpkg -r left /usr/bin/escale"
fi
dpkg-deb -x "$deb" "$work/root"
[[ "$("$work/root/usr/bin/escale" --version)" == "escale 1"* ]] || fail "the packaged escale does not run"
[[ "$("$work/root/usr/bin/escalectl" --version)" == "escalectl 1"* ]] || fail "the packaged escalectl does not run"
echo "check-deb: $(basename "$deb"), $(du -k "$deb" | cut -f1) KiB; Depends: $depends"
