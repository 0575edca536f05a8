#!/bin/sh
# Replays the fuzz harness NAME (a replay_NAME built without libFuzzer from
# fuzz_NAME.c and replay.c) on seeds.py's seeds and on the findings kept in
# tests/fuzz/regressions/NAME, in whatever build meson runs (plain,
# sanitizers). TAP from replay.c; a broken contract aborts.
#   replay.sh ROOT REPLAY_EXE NAME [DRIVER]
set -u
root=$1 exe=$2 name=$3 driver=${4:-}
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
if ! python3 "$root/tests/fuzz/seeds.py" "$root" "$tmp" "$driver" > "$tmp/seeds.log" 2>&1; then
  echo "1..1"
  echo "not ok 1 - seeds.py"
  sed 's/^/# /' "$tmp/seeds.log"
  exit 1
fi
set -- "$tmp/$name"
[ -d "$root/tests/fuzz/regressions/$name" ] && set -- "$@" "$root/tests/fuzz/regressions/$name"
"$exe" "$@"
