#!/usr/bin/env bash
# Headless demo: two clients, alice and bob, each with its own configuration and folder,
# exchange files through a relay that is just a local folder, encrypted end to end with a
# passphrase both read from a private file. Everything lives in a throw-away directory (kept
# with KEEP=1).
set -euo pipefail
ESCALE=${1:?usage: demo.sh PATH/TO/escale}

DEMO=$(mktemp -d "${TMPDIR:-/tmp}/escale-demo.XXXXXX")
cleanup() { [ "${KEEP:-0}" = 1 ] && echo "demo kept in $DEMO" || rm -rf "$DEMO"; }
trap cleanup EXIT
mkdir -p "$DEMO"/{relay,alice/home,bob/home,Alice,Bob}
(umask 077 && echo "a long demo passphrase" > "$DEMO/passphrase")

for who in alice bob; do
  folder=$([ "$who" = alice ] && echo Alice || echo Bob)
  cat > "$DEMO/$who/escale.conf" <<CONF
# Demo configuration of $who
log file = $DEMO/$who/escale.log
refresh = 2

[demo]
local path = $DEMO/$folder
relay address = $DEMO/relay
client name = $who
encryption = on
passphrase = $DEMO/passphrase
CONF
done

echo "Alice's folder gets a few files:"
mkdir -p "$DEMO/Alice/notes" "$DEMO/Alice/empty folder"
echo "Shopping: bread, cheese" > "$DEMO/Alice/notes/shopping.txt"
printf 'Escale demo\n' > "$DEMO/Alice/README"
head -c 3000000 /dev/urandom > "$DEMO/Alice/photo.bin"
echo "Bob's folder has one of its own:"
echo "Bob's todo" > "$DEMO/Bob/todo.txt"
(cd "$DEMO" && find Alice Bob | sort | sed 's/^/  /')

run() { # who
  HOME="$DEMO/$1/home" XDG_DATA_HOME="$DEMO/$1/home/data" "$ESCALE" --no-gui --once -c "$DEMO/$1/escale.conf"
}
for pass in 1 2; do
  echo; echo "== pass $pass: alice, then bob (escale --no-gui --once) =="
  run alice
  run bob
done

echo; echo "Bob edits the shopping list; Alice deletes the README:"
echo "Shopping: bread, cheese, wine" > "$DEMO/Bob/notes/shopping.txt"
rm "$DEMO/Alice/README"
echo; echo "== pass 3: bob, then alice, then bob =="
run bob
run alice
run bob

echo
echo "Trees after the passes:"
(cd "$DEMO" && find Alice Bob -not -path '*/.escale*' | sort | sed 's/^/  /')
echo "Relay content objects left: $(find "$DEMO/relay/data" -type f | wc -l) (freed once both have everything)"
if grep -rqa -e shopping -e Shopping "$DEMO/relay"; then
  echo "A file name or content shows in clear on the relay!"
  exit 1
fi
echo "On the relay, nothing reads in clear: $(find "$DEMO/relay" -type f | wc -l) objects, all encrypted ($(head -c 60 "$DEMO/relay/escale-repository.json")...)"
if diff -r -x '.escale*' "$DEMO/Alice" "$DEMO/Bob" >/dev/null; then
  echo "Alice and Bob have converged: same files, byte for byte."
else
  echo "Alice and Bob differ:"
  diff -rq -x '.escale*' "$DEMO/Alice" "$DEMO/Bob" | sed 's/^/  /' || true
  exit 1
fi
