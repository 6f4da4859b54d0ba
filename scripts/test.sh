#!/usr/bin/env bash
# Sets up a fresh Debian 12 machine (packages), builds Escale and runs the whole test suite
# through ctest. This is the README's test command and what CI runs.
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/install-deps.sh

# Paths in compile commands relative to the project: other build folders (scripts/check-builds.sh)
# find these objects in ccache.
export CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=1

BUILD_DIR=${BUILD_DIR:-build}
if [ ! -f "$BUILD_DIR/build.ninja" ]; then
  cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBUILD_TESTING=ON
fi
cmake --build "$BUILD_DIR" -j2

cd "$BUILD_DIR"
ctest --output-on-failure -j2 --timeout 900 "$@"
