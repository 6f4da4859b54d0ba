#!/usr/bin/env bash
# scripts/install-deps.sh on every path a machine can take, without a fresh machine: packages all
# there or some missing, /usr/sbin/policy-rc.d already there (container images ship one) or not,
# apt-get failing, npm missing. dpkg-query, apt-get, npm and id are stand-ins on PATH that record
# what they were asked; the policy file and the S3 server's folder are redirected to a temporary
# folder (ESCALE_POLICY_RC, ESCALE_S3RVER_DIR). Fails with the case that went wrong.
set -uo pipefail
script="$(cd "$(dirname "$0")/../.." && pwd)/scripts/install-deps.sh"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $case: $*" >&2; failures=$((failures + 1)); }

mkdir -p "$work/bin"
# Installed packages are the lines of $work/installed.
cat >"$work/bin/dpkg-query" <<'STUB'
#!/usr/bin/env bash
pkg=${@: -1}
grep -qx "$pkg" "$STUB_DIR/installed" && printf 'install ok installed' && exit 0
exit 1
STUB
# Records its arguments and whether the policy file stopped services while it installed.
cat >"$work/bin/apt-get" <<'STUB'
#!/usr/bin/env bash
echo "$*" >>"$STUB_DIR/apt.log"
[ "${1:-}" = update ] && exit 0
if [ -n "${STUB_APT_FAILS:-}" ]; then exit 100; fi
if [ -x "$ESCALE_POLICY_RC" ] && "$ESCALE_POLICY_RC"; [ $? = 101 ]; then echo policy-held >>"$STUB_DIR/apt.log"; fi
for p in "$@"; do case $p in -*) ;; install) ;; *) echo "$p" >>"$STUB_DIR/installed" ;; esac; done
STUB
cat >"$work/bin/npm" <<'STUB'
#!/usr/bin/env bash
mkdir -p node_modules/@20minutes/s3rver && echo '{}' >node_modules/@20minutes/s3rver/package.json
STUB
printf '#!/bin/sh\necho 0\n' >"$work/bin/id" # root: no sudo
chmod +x "$work/bin/"*

all_packages=$(sed -n '/^PACKAGES=(/,/^)/p' "$script" | grep -v '^ *#' | sed 's/PACKAGES=(//; s/)//' | tr -s ' \n' '\n' | grep -v '^$')

# run <case> [env...]: the script with the stand-ins; its exit status in $status, output in $out.
run() {
  case=$1
  shift
  out=$(env STUB_DIR="$work" ESCALE_POLICY_RC="$work/policy-rc.d" ESCALE_S3RVER_DIR="$work/s3rver" \
        PATH="$work/bin:$PATH" "$@" bash "$script" 2>&1)
  status=$?
}
reset() {
  rm -rf "$work/s3rver" "$work/policy-rc.d" "$work/apt.log"
  : >"$work/apt.log"
  echo "$all_packages" >"$work/installed"
}

# 1. Everything there: nothing installed, exit 0.
reset
mkdir -p "$work/s3rver/node_modules/@20minutes/s3rver" && echo '{}' >"$work/s3rver/node_modules/@20minutes/s3rver/package.json"
run "all present"
[ $status = 0 ] || fail "exit $status: $out"
[ -s "$work/apt.log" ] && fail "apt-get ran: $(cat "$work/apt.log")"
grep -q 'already installed' <<<"$out" || fail "no word of it: $out"

# 2. Two packages missing, no policy file: installed with services held back, the file removed after.
reset
grep -vx -e nginx-light -e rclone "$work/installed" >"$work/i" && mv "$work/i" "$work/installed"
run "missing, no policy file"
[ $status = 0 ] || fail "exit $status: $out"
grep -q 'install .*nginx-light.*rclone\|install .*rclone.*nginx-light' "$work/apt.log" || fail "not installed: $(cat "$work/apt.log")"
grep -q 'install .*apache2 ' "$work/apt.log" && fail "reinstalled what was there"
grep -q policy-held "$work/apt.log" || fail "services were not held back during the installation"
[ -e "$work/policy-rc.d" ] && fail "the policy file it created was left behind"
[ -f "$work/s3rver/node_modules/@20minutes/s3rver/package.json" ] || fail "S3 server not installed"

# 3. The same with a policy file already there (container images): exit 0, the file as it was.
reset
grep -vx -e nginx-light "$work/installed" >"$work/i" && mv "$work/i" "$work/installed"
printf '#!/bin/sh\nexit 101\n# the image'"'"'s own\n' >"$work/policy-rc.d" && chmod 755 "$work/policy-rc.d"
before=$(cat "$work/policy-rc.d")
run "missing, policy file present"
[ $status = 0 ] || fail "exit $status (the exit trap's status became the script's?): $out"
[ "$(cat "$work/policy-rc.d" 2>/dev/null)" = "$before" ] || fail "the existing policy file was changed or removed"
grep -q 'install .*nginx-light' "$work/apt.log" || fail "not installed"

# 4. apt-get fails: a non-zero exit, and the policy file it created removed all the same.
reset
grep -vx -e nginx-light "$work/installed" >"$work/i" && mv "$work/i" "$work/installed"
run "apt-get fails" STUB_APT_FAILS=1
[ $status != 0 ] || fail "exit 0 although the installation failed"
[ -e "$work/policy-rc.d" ] && fail "the policy file it created was left behind"

# 5. Everything there but the S3 server, and no npm: one line saying so, non-zero.
reset
mkdir -p "$work/minbin"
for tool in bash env grep sed cat dirname mkdir tee chmod rm mv; do ln -sf "$(command -v $tool)" "$work/minbin/$tool"; done
cp "$work/bin/dpkg-query" "$work/bin/apt-get" "$work/bin/id" "$work/minbin/"
run "npm missing" PATH="$work/minbin"
[ $status != 0 ] || fail "exit 0 without the S3 server: $out"
grep -q 'npm is missing' <<<"$out" || fail "no word of npm: $out"

if [ $failures -gt 0 ]; then
  echo "install-deps-paths: $failures failed" >&2
  exit 1
fi
echo "install-deps-paths: all 5 cases passed"
