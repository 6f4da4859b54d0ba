#!/usr/bin/env bash
# A synchronised folder, then a folder relay, on a read-only file system (what the systemd units'
# sandbox gives a folder its drop-in does not name): one clear error naming the folder, the
# sandbox and the remedy, a non-zero exit, nothing changed. usage: read-only-folders.sh ESCALE
set -uo pipefail
escale=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "read-only-folders: $*" >&2; [ -f "$work/out" ] && cat "$work/out" >&2; exit 1; }
if ! unshare -m --propagation private true 2>/dev/null; then
  echo "read-only-folders: no mount namespace here (not root?): skipped"
  exit 77
fi
mkdir -p "$work/folder" "$work/relay" "$work/state" "$work/home"
echo hello > "$work/folder/a.txt"
printf '[docs]\nlocal path = %s\nrelay address = %s\nstate dir = %s\n' \
  "$work/folder" "$work/relay" "$work/state" > "$work/escale.conf"
# As the service would run it (INVOCATION_ID is what systemd sets), in its own mount namespace.
as_service() { # FOLDER-MADE-READ-ONLY
  unshare -m --propagation private bash -c "
    mount --bind '$1' '$1' && mount -o remount,bind,ro '$1' &&
    INVOCATION_ID=test HOME='$work/home' exec '$escale' --once -c '$work/escale.conf'" >"$work/out" 2>&1
}

as_service "$work/folder"
code=$?
[ "$code" = 5 ] || fail "a read-only folder: exit $code, not 5"
grep -q "the local folder $work/folder is on a read-only file system: nothing can be received there (Escale runs as a systemd service" "$work/out" ||
  fail "a read-only folder: not said plainly"
grep -q "escalectl service-paths" "$work/out" || fail "a read-only folder: no remedy"
[ -z "$(ls -A "$work/relay")" ] || fail "a read-only folder: something was written on the relay"

# The relay folder read-only after a first sync (from another client's point of view: a new file).
HOME="$work/home" "$escale" --once -c "$work/escale.conf" >"$work/out" 2>&1 || fail "the first sync failed"
echo more > "$work/folder/b.txt"
before=$(find "$work/relay" -type f | sort | xargs md5sum)
as_service "$work/relay"
code=$?
[ "$code" != 0 ] || fail "a read-only relay folder: exit 0"
grep -q "Read-only file system (Escale runs as a systemd service" "$work/out" || fail "a read-only relay folder: not said plainly"
[ "$before" = "$(find "$work/relay" -type f | sort | xargs md5sum)" ] || fail "the relay changed"
[ "$(cat "$work/folder/b.txt")" = more ] || fail "the folder changed"
echo "read-only-folders: both said plainly, nothing changed"
