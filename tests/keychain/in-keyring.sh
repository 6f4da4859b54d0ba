#!/bin/sh
# Runs a command inside a private D-Bus session with an unlocked gnome-keyring and a throw-away
# HOME (the keyring files go there), without a display: nothing can open a prompt, and the
# whole run is bounded by a timeout, so a keychain test never hangs.
set -e
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
export HOME="$home" XDG_DATA_HOME="$home/.local/share" XDG_CONFIG_HOME="$home/.config"
export XDG_RUNTIME_DIR="$home/run"
mkdir -p "$XDG_RUNTIME_DIR" "$XDG_DATA_HOME" && chmod 700 "$XDG_RUNTIME_DIR"
unset DISPLAY WAYLAND_DISPLAY DBUS_SESSION_BUS_ADDRESS
timeout 120 dbus-run-session -- sh -c '
  printf %s escale-test-keyring | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  exec "$@"' sh "$@"
