#!/bin/sh
# The driver under valgrind on the demos and tests/data (both methods, check
# of each result, rank, malformed input) and, when the conformance sets sit
# beside the repository, on each of their cases: no invalid access and no
# leak, end to end. Two runs at a time (valgrind is slow; CI has 2 cores).
# usage: run-valgrind.sh SENBID DEMO_DIR TEST_DATA_DIR SHARED_DIR SANITIZE   (TAP)
senbid=$1 demos=$2 data=$3 shared=$4 sanitize=$5
if [ "$sanitize" != "none" ] || ! command -v valgrind > /dev/null 2>&1; then
  echo "1..0 # SKIP valgrind is not installed, or the build uses sanitizers"
  exit 0
fi
vg="valgrind --quiet --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect"
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
n=0
# Two runs at a time from a pool of two tokens in a FIFO: a run takes one
# before it starts and gives it back when it ends, so a slow run does not
# hold the next pair back.
mkfifo "$tmp/pool" && exec 3<> "$tmp/pool" || exit 1
printf xx >&3
slot() { dd bs=1 count=1 <&3 > /dev/null 2>&1; }
desc() { n=$((n + 1)); printf '%s\n' "$1" > "$tmp/$n.desc"; }
vrun() { # N COMMAND...   (records the exit status of run N)
  k=$1; shift
  $vg "$@" 3>&- > /dev/null 2> "$tmp/$k.err"; echo $? > "$tmp/$k.rc"
}
spawn() { slot; ( "$@"; printf x >&3 ) & } # COMMAND... in a slot, in the background
check() { desc "$1"; shift; spawn vrun $n "$@"; } # DESCRIPTION COMMAND...
# Runs A (round_robin) then B (the check of its result, which reads it).
solve_then_check() { # A B PROBLEM POSTED
  vrun "$1" "$senbid" solve "$3" --method round_robin -o "$4"
  if [ -f "$4" ]; then vrun "$2" "$senbid" check "$3" "$4"
  else echo skip > "$tmp/$2.rc"; fi # not a problem (an expected result)
}
for p in "$demos"/*.json "$data"/*.json; do
  name=$(basename "$p" .json)
  desc "$name round_robin"; desc "$name check"
  spawn solve_then_check $((n - 1)) $n "$p" "$tmp/$name.posted.json"
  check "$name lexicographic" "$senbid" solve "$p" --method lexicographic
done
check "rank" "$senbid" rank "$data/roster.json"
# Each conformance case with the method of its set (the demos above cover
# both methods of every kind) and a check of its expected result.
conf() { # SET METHOD...
  set_dir=$shared/$1; shift
  for p in $(find "$set_dir" -name '*.problem.json' 2>/dev/null | LC_ALL=C sort); do
    name=$(basename "$p" .problem.json)
    for m in "$@"; do check "$name $m" "$senbid" solve "$p" --method "$m"; done
    check "$name check" "$senbid" check "$p" "${p%.problem.json}.expected.json"
  done
}
conf conformance round_robin
conf conformance-lexicographic lexicographic
conf conformance-factors round_robin lexicographic
check "demo" "$senbid" demo
printf '{"senbid": 1, "kind": "leave", "employees": [' > "$tmp/bad.json"
check "malformed input" "$senbid" solve "$tmp/bad.json"
wait
i=0
while [ $i -lt $n ]; do
  i=$((i + 1))
  rc=$(cat "$tmp/$i.rc" 2> /dev/null || echo 98)
  if [ "$rc" = skip ]; then
    echo "ok $i - $(cat "$tmp/$i.desc") # SKIP no result to check"
  elif [ "$rc" -eq 99 ] || [ "$rc" -gt 2 ]; then
    echo "not ok $i - $(cat "$tmp/$i.desc") (exit $rc)"; sed 's/^/# /' "$tmp/$i.err" | head -20
  else
    echo "ok $i - $(cat "$tmp/$i.desc")"
  fi
done
echo "1..$n"
