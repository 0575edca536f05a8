#!/bin/sh
# The shift-bid conformance cases of ../shared, both methods, as TAP.
# usage: conformance.sh SENBID SHARED_DIR
senbid=$1 shared=$2
compare="$shared/conformance/compare.py"
if [ ! -f "$compare" ]; then
  echo "1..0 # SKIP no conformance cases at $shared"
  exit 0
fi
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
rr=$(find "$shared/conformance/shift_bid" -name '*.problem.json' | LC_ALL=C sort)
lex=$(find "$shared/conformance-lexicographic" -name 'lex_sb*.problem.json' | LC_ALL=C sort)
n=$(printf '%s\n%s\n' "$rr" "$lex" | grep -c .)
echo "1..$n"
i=0
run() {
  i=$((i + 1))
  p=$1 method=$2
  name=$(basename "$p" .problem.json)
  "$senbid" solve "$p" --method "$method" > "$tmp/out.json" 2> "$tmp/err.txt"
  if [ $? -gt 1 ]; then
    echo "not ok $i - $name ($method): $(head -c 200 "$tmp/err.txt")"
  elif python3 "$compare" "${p%.problem.json}.expected.json" "$tmp/out.json" > "$tmp/diff.txt" 2>&1; then
    echo "ok $i - $name ($method)"
  else
    echo "not ok $i - $name ($method)"
    sed 's/^/# /' "$tmp/diff.txt" | head -20
  fi
}
for p in $rr; do run "$p" round_robin; done
for p in $lex; do run "$p" lexicographic; done
