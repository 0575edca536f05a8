#!/bin/sh
# Runs the worked problem/result pairs of ../shared against the CLI and
# reports each as a TAP test.  usage: run-conformance.sh SENBID DIR METHOD
senbid=$1 dir=$2 method=$3
compare="$dir/compare.py"
[ -f "$compare" ] || compare="$dir/../conformance/compare.py"
if [ ! -d "$dir" ] || [ ! -f "$compare" ]; then
  echo "1..0 # SKIP no conformance cases at $dir"
  exit 0
fi
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
cases=$(find "$dir" -name '*.problem.json' | LC_ALL=C sort)
n=$(printf '%s\n' "$cases" | grep -c .)
echo "1..$n"
i=0
for p in $cases; do
  i=$((i + 1))
  name=${p#"$dir"/}
  exp=${p%.problem.json}.expected.json
  "$senbid" solve "$p" --method "$method" > "$tmp/out.json" 2> "$tmp/err.txt"
  rc=$?
  # Exit 1 is an infeasible problem: still a result to compare.
  if [ $rc -gt 1 ]; then
    echo "not ok $i - $name (exit $rc: $(head -c 300 "$tmp/err.txt"))"
    continue
  fi
  strict=
  case "$name" in *assignment/*|*as_*) strict=--strict ;; esac
  if python3 "$compare" "$exp" "$tmp/out.json" $strict > "$tmp/diff.txt" 2>&1; then
    echo "ok $i - $name"
  else
    echo "not ok $i - $name"
    sed 's/^/# /' "$tmp/diff.txt" | head -20
  fi
done
