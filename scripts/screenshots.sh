#!/usr/bin/env bash
# Screenshots of the desktop interface into docs/screenshots/ (English and French), in a real X
# server (xvfb-run) with a tray host (trayer). usage: scripts/screenshots.sh [BUILD_DIR]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
out=$root/docs/screenshots
for lang in en fr; do
  xvfb-run -a -s "-screen 0 1280x800x24" bash -c "
    trayer --edge top --align right --widthtype request --height 24 --transparent false & tray=\$!
    sleep 1
    '$build/tools/escale-screenshots' '$out' $lang; code=\$?
    kill \$tray 2>/dev/null || true
    exit \$code"
done
ls -l "$out"
