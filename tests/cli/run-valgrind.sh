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
n=0 running=0
check() { # DESCRIPTION COMMAND...   (started in the background)
  desc=$1; shift
  n=$((n + 1))
  printf '%s\n' "$desc" > "$tmp/$n.desc"
  ( $vg "$@" > /dev/null 2> "$tmp/$n.err"; echo $? > "$tmp/$n.rc" ) &
  running=$((running + 1))
  if [ $running -ge 2 ]; then wait; running=0; fi
}
settle() { wait; running=0; } # before a run that reads another's output
for p in "$demos"/*.json "$data"/*.json; do
  name=$(basename "$p" .json)
  check "$name round_robin" "$senbid" solve "$p" --method round_robin -o "$tmp/$name.posted.json"
  check "$name lexicographic" "$senbid" solve "$p" --method lexicographic
  settle
  [ -f "$tmp/$name.posted.json" ] && check "$name check" "$senbid" check "$p" "$tmp/$name.posted.json"
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
settle
i=0
while [ $i -lt $n ]; do
  i=$((i + 1))
  rc=$(cat "$tmp/$i.rc" 2> /dev/null || echo 98)
  if [ "$rc" -eq 99 ] || [ "$rc" -gt 2 ]; then
    echo "not ok $i - $(cat "$tmp/$i.desc") (exit $rc)"; sed 's/^/# /' "$tmp/$i.err" | head -20
  else
    echo "ok $i - $(cat "$tmp/$i.desc")"
  fi
done
echo "1..$n"
