#!/usr/bin/env bash
# Installs everything Escale needs to build, run and test, from Debian 12 packages.
# Idempotent: when every package is already installed it only checks and returns.
set -euo pipefail

PACKAGES=(
  # toolchain
  g++ clang cmake ninja-build ccache pkg-config git
  # Qt 6 and libraries
  qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  qt6-svg-dev libqt6svg6 qt6-translations-l10n libgl-dev
  qtkeychain-qt6-dev libquazip1-qt6-dev libssl-dev openssl libssh-dev libsqlite3-dev sqlite3
  # headless GUI tests, screenshots and the keychain in CI
  xvfb xauth x11-utils x11-apps xdotool imagemagick trayer
  dbus dbus-x11 gnome-keyring libsecret-tools
  # packaging checks
  desktop-file-utils appstream groff-base systemd strace
  # relay servers the integration tests start on 127.0.0.1 (never as system services)
  apache2 apache2-utils rclone curl procps
  nginx-light libnginx-mod-http-dav-ext lighttpd lighttpd-mod-webdav
  proftpd-core proftpd-mod-crypto openssh-server openssh-client python3-pyftpdlib
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

# The S3 test server, from the npm registry, into the project's cache (idempotent).
install_s3rver() {
  local dir
  dir="${ESCALE_S3RVER_DIR:-$(cd "$(dirname "$0")/.." && pwd)/.cache/s3rver}"
  if [ -f "$dir/node_modules/@20minutes/s3rver/package.json" ]; then
    return 0
  fi
  command -v npm >/dev/null || { echo "install-deps: npm is missing (install nodejs)" >&2; return 1; }
  mkdir -p "$dir"
  (cd "$dir" && npm install --silent --no-audit --no-fund --no-save @20minutes/s3rver@5.0.0 >/dev/null 2>&1) ||
    { echo "install-deps: npm install @20minutes/s3rver failed" >&2; return 1; }
  echo "install-deps: S3 test server installed in $dir"
}

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#PACKAGES[@]} packages already installed"
  install_s3rver
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "install-deps: run as root or install sudo" >&2; exit 1; }
  SUDO="sudo"
fi

echo "install-deps: installing ${#missing[@]} packages: ${missing[*]}"
# Servers installed for the tests must not be started by the package scripts:
# the test harness starts its own instances on loopback.
policy=${ESCALE_POLICY_RC:-/usr/sbin/policy-rc.d} # (tests/installer/install-deps-paths.sh points it elsewhere)
created_policy=0
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' | $SUDO tee "$policy" >/dev/null
  $SUDO chmod 755 "$policy"
  created_policy=1
fi
# (an if, not `[ ... ] &&`: the trap's last status would become the script's when it was not created)
cleanup() { if [ "$created_policy" = 1 ]; then $SUDO rm -f "$policy"; fi; }
trap cleanup EXIT

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
command -v npm >/dev/null || $SUDO apt-get install -y -qq --no-install-recommends nodejs npm
install_s3rver
echo "install-deps: done"
