#!/usr/bin/env bash
# The builds CI checks beside the test suite (run after scripts/test.sh, which installs what they
# need): without the tests, without the desktop application, and with clang instead of GCC, each
# in its own folder (ccache makes the first two quick). Then the source tree must be as the suite
# found it: no test may write outside its temporary folders.
set -euo pipefail
cd "$(dirname "$0")/.."
export CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=1 # the objects scripts/test.sh built, found again

build() {
  local dir=$1
  shift
  if [ ! -f "$dir/build.ninja" ]; then
    cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
  fi
  local out
  if ! out=$(cmake --build "$dir" -j2 2>&1); then
    echo "check-builds: $dir does not build:" >&2
    echo "$out" | grep -v '^\[' | tail -40 >&2
    exit 1
  fi
  echo "check-builds: $dir built"
}

build build-notests -DBUILD_TESTING=OFF
build build-nogui -DBUILD_GUI=OFF -DBUILD_TESTING=ON
# Without optimisation (the warnings are the point; it builds in half the time).
CC=clang CXX=clang++ build build-clang -DBUILD_TESTING=ON -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG=-O0

if git rev-parse --git-dir >/dev/null 2>&1; then
  left=$(git status --porcelain --untracked-files=all)
  if [ -n "$left" ]; then
    echo "check-builds: the source tree changed while the suite ran:" >&2
    echo "$left" >&2
    exit 1
  fi
  echo "check-builds: the source tree is clean"
fi
