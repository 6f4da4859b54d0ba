#!/usr/bin/env bash
# Sets up a fresh Debian 12 machine, builds Escale and runs it: with a display, the desktop
# application; without one, a headless demo of two clients syncing two folders through a
# local-folder relay, in a throw-away directory.
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/install-deps.sh
BUILD_DIR=${BUILD_DIR:-build}
if [ ! -f "$BUILD_DIR/build.ninja" ]; then
  cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
fi
cmake --build "$BUILD_DIR" -j2 --target escale
ESCALE="$PWD/$BUILD_DIR/app/escale"

if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ -z "${ESCALE_DEMO:-}" ]; then
  exec "$ESCALE" "$@"
fi

exec ./scripts/demo.sh "$ESCALE"
