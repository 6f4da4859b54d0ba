#!/usr/bin/env bash
# Runs the engine benchmarks (see docs/performance.md); each prints its own reference run.
# Data sets are generated once under $ESCALE_BENCH_DIR (default /tmp/escale-bench).
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${BUILD_DIR:-build}
cmake --build "$BUILD_DIR" -j2 --target escale-bench escale-bench-ui >/dev/null
B="$BUILD_DIR/bench/escale-bench"
echo "== machine: $(nproc) cores, $(free -g | awk '/Mem/ {print $2}') GiB, $(uname -r)"
echo "== idle poll";             "$B" idle
echo "== 10,000 x 4 KiB";        "$B" small 10000
echo "== one 1 GiB file";        "$B" big 1024
echo "== 1 GiB, 256 MiB quota";  "$B" quota 1024
echo "== 100,000-file rescan";   "$B" rescan 100000
echo "== crypto throughput";     "$B" crypto 512
echo "== 1 GiB read, hashed, cut"; "$B" hash 1024
echo "== 1 GiB, encrypted";       "$B" big 1024 encrypted
echo "== 10,000 x 4 KiB, encrypted"; "$B" small 10000 encrypted
# Network relays against rclone on the same server (the rclone WebDAV leg of 10,000 files alone
# takes about 7 minutes: rclone 1.60 waits 10 ms between WebDAV requests).
echo "== Apache WebDAV, 1 GiB";        "$B" dav big 1024
echo "== Apache WebDAV, 10,000 x 4 KiB"; "$B" dav small 10000
echo "== S3 server, 1 GiB";            "$B" s3 big 1024
echo "== S3 server, 10,000 x 4 KiB";   "$B" s3 small 10000
# Blobs and packs (issue 19): through the delaying proxy, 10 ms each way; the curl floor on WebDAV.
echo "== Apache WebDAV, 10,000 x 4 KiB, 10 ms"; ESCALE_BENCH_REFERENCES=curl "$B" dav small 10000 10
echo "== S3 server, 1,000 x 4 KiB, 10 ms";     ESCALE_BENCH_REFERENCES=rclone "$B" s3 small 1000 10
echo "== SFTP, 1,000 x 4 KiB, 10 ms";          ESCALE_BENCH_REFERENCES=rclone "$B" sftp small 1000 10
echo "== 1 GiB edited in place, 10 ms";        "$B" delta 1024 10
echo "== three identical machines, 10 ms";     "$B" identical 5000 10
echo "== mixed tree, 2,000 files, 10 ms";      "$B" mixed 2000 10
echo "== what-syncs tree, 100,000 files"; "$BUILD_DIR/bench/escale-bench-ui" access 100000
