#!/bin/sh
# The driver under valgrind on every conformance case (both methods), the
# demo, rank and check: no invalid access and no leak, end to end.
# usage: run-valgrind.sh SENBID SHARED_DIR SANITIZE   (TAP output)
senbid=$1 shared=$2 sanitize=$3
if [ "$sanitize" != "none" ] || ! command -v valgrind > /dev/null 2>&1; then
  echo "1..0 # SKIP valgrind is not installed, or the build uses sanitizers"
  exit 0
fi
vg="valgrind --quiet --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect"
n=0
check() { # DESCRIPTION COMMAND...
  desc=$1; shift
  n=$((n + 1))
  $vg "$@" > /dev/null 2> "$tmp/err"
  rc=$?
  if [ $rc -eq 99 ] || [ $rc -gt 2 ]; then
    echo "not ok $n - $desc (exit $rc)"; sed 's/^/# /' "$tmp/err" | head -20
  else
    echo "ok $n - $desc"
  fi
}
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
for p in $(find "$shared/conformance" "$shared/conformance-lexicographic" -name '*.problem.json' 2>/dev/null | LC_ALL=C sort); do
  name=$(basename "$p" .problem.json)
  check "$name round_robin" "$senbid" solve "$p" --method round_robin
  check "$name lexicographic" "$senbid" solve "$p" --method lexicographic
  exp=${p%.problem.json}.expected.json
  check "$name check" "$senbid" check "$p" "$exp"
done
check "demo" "$senbid" demo
check "rank" "$senbid" rank "$shared/conformance/leave/leave_tie_alphabetical.problem.json"
check "malformed input" "$senbid" solve "$shared/spec/SPEC.md"
echo "1..$n"
