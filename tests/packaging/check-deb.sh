#!/usr/bin/env bash
# Builds the Debian packages and checks them: `escale` (the service and escalectl: what a server
# installs) depends on no GUI library and no keyring, `escale-desktop` depends on it and on the
# GUI libraries; their dependencies name the libraries the executables link; dpkg accepts them
# (a dry run, as root) and installs them into a clean root with its own dpkg database (the
# service alone first: it runs, and says how to get the desktop), the programs run from there,
# and removal cleans up. usage: check-deb.sh BUILD_DIR
set -euo pipefail
build=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "check-deb: $*" >&2; exit 1; }
cpack --config "$build/CPackConfig.cmake" -G DEB -B "$work" >/dev/null
cli=$(ls "$work"/escale_*.deb)
desktop=$(ls "$work"/escale-desktop_*.deb)
depends=$(dpkg-deb --field "$cli" Depends)
for lib in libqt6core6 libqt6network6 libqt6keychain1 libssh-4 libssl3 libsqlite3-0; do
  grep -q "$lib" <<<"$depends" || fail "escale: Depends lacks $lib: $depends"
done
for lib in libqt6widgets6 libqt6gui6 libqt6svg6 libx11 libgl1 libopengl gnome-keyring libsecret; do
  ! grep -q "$lib" <<<"$depends$(dpkg-deb --field "$cli" Recommends)" || fail "escale (the service) needs $lib: $depends"
done
ddepends=$(dpkg-deb --field "$desktop" Depends)
for lib in "escale (= " libqt6widgets6 libqt6gui6 libqt6svg6 libsecret-1-0; do
  grep -qF "$lib" <<<"$ddepends" || fail "escale-desktop: Depends lacks $lib: $ddepends"
done
contents=$(dpkg-deb --contents "$cli") # whole: `grep -q` on a pipe would cut dpkg-deb short
for f in ./usr/bin/escale ./usr/bin/escalectl ./usr/lib/systemd/user/escale.service \
         ./usr/lib/systemd/system/escale@.service ./usr/share/doc/escale/copyright \
         ./usr/share/doc/escale/server.md ./usr/share/doc/escale/user-guide.md ./usr/share/doc/escale/upgrading.md \
         ./usr/share/man/man1/escale.1; do
  grep -q " $f\$" <<<"$contents" || fail "escale lacks $f"
done
! grep -q "applications/\|escale-desktop" <<<"$contents" || fail "escale holds desktop files"
dcontents=$(dpkg-deb --contents "$desktop")
for f in ./usr/bin/escale-desktop ./usr/share/applications/io.github.escale.Escale.desktop \
         ./usr/share/doc/escale-desktop/copyright; do
  grep -q " $f\$" <<<"$dcontents" || fail "escale-desktop lacks $f"
done
if [ "$(id -u)" = 0 ]; then
  dpkg --dry-run -i "$cli" "$desktop" >/dev/null || fail "dpkg refuses the packages"
  # A real installation into a clean root with its own dpkg database (their dependencies are the
  # host's, checked just above), the installed programs run, then removal leaves nothing behind.
  target="$work/target"
  mkdir -p "$target/var/lib/dpkg/info" "$target/var/lib/dpkg/updates" "$target/var/lib/dpkg/triggers"
  touch "$target/var/lib/dpkg/status" "$target/var/lib/dpkg/available"
  dpkg --root="$target" --force-depends -i "$cli" >"$work/dpkg.log" 2>&1 || fail "dpkg -i escale failed: $(cat "$work/dpkg.log")"
  [[ "$(dpkg --root="$target" -s escale)" == *"Status: install ok installed"* ]] || fail "not installed"
  [[ "$("$target/usr/bin/escale" --version)" == "escale 1"* ]] || fail "the installed escale does not run"
  # The service alone: asked for the desktop, it says which package brings it.
  set +e
  said=$(PATH=/usr/bin:/bin DISPLAY=:99 "$target/usr/bin/escale" -c "$work/none.conf" 2>&1)
  code=$?
  set -e
  [ "$code" = 2 ] && grep -q "apt install escale-desktop" <<<"$said" || fail "escale without the desktop: exit $code, $said"
  dpkg --root="$target" --force-depends -i "$desktop" >>"$work/dpkg.log" 2>&1 || fail "dpkg -i escale-desktop failed: $(cat "$work/dpkg.log")"
  [[ "$("$target/usr/bin/escale-desktop" --version)" == "escale 1"* ]] || fail "the installed escale-desktop does not run"
  [ -f "$target/usr/share/applications/io.github.escale.Escale.desktop" ] || fail "no desktop entry installed"
  dpkg --root="$target" -r escale-desktop escale >>"$work/dpkg.log" 2>&1 || fail "dpkg -r failed: $(cat "$work/dpkg.log")"
  [ ! -e "$target/usr/bin/escale" ] && [ ! -e "$target/usr/bin/escale-desktop" ] || fail "dpkg -r left the programs"
fi
dpkg-deb -x "$cli" "$work/root"
[[ "$("$work/root/usr/bin/escale" --version)" == "escale 1"* ]] || fail "the packaged escale does not run"
[[ "$("$work/root/usr/bin/escalectl" --version)" == "escalectl 1"* ]] || fail "the packaged escalectl does not run"
echo "check-deb: $(basename "$cli") $(du -k "$cli" | cut -f1) KiB, Depends: $depends"
echo "check-deb: $(basename "$desktop") $(du -k "$desktop" | cut -f1) KiB, Depends: $ddepends"
