#!/bin/sh
# The shift-bid conformance cases of ../shared, both methods, as TAP, and
# the CLI on shift bids (with the hand-worked copies in cases/). Without
# ../shared the conformance cases are skipped (TAP # SKIP), one each.
# usage: conformance.sh SENBID SHARED_DIR
senbid=$1 shared=$2
cases=$(dirname "$0")/cases
compare="$shared/conformance/compare.py"
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
rr="" lex=""
if [ -f "$compare" ]; then
  rr=$(find "$shared/conformance/shift_bid" -name '*.problem.json' | LC_ALL=C sort)
  lex=$(find "$shared/conformance-lexicographic" -name 'lex_sb*.problem.json' | LC_ALL=C sort)
fi
n=$(printf '%s\n%s\n' "$rr" "$lex" | grep -c .)
[ -f "$compare" ] || n=1
echo "1..$((n + 3))"
i=0
if [ ! -f "$compare" ]; then
  i=1
  echo "ok 1 # SKIP no conformance cases at $shared"
fi
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

# The CLI (SPEC 8) on shift bids: an input error exits 2 with one line,
# check exits 1 on a departure, export-lp writes an LP file.
i=$((i + 1))
printf '%s' '{"senbid":1,"kind":"shift_bid","as_of":"2026-09-01","seniority":{"policy":"nbpc-2019"},"employees":[],"rotation":{"start":"2026-10-04","end":"2026-12-01"},"shifts":[]}' > "$tmp/short.json"
"$senbid" solve "$tmp/short.json" > /dev/null 2> "$tmp/err.txt"
rc=$?
if [ $rc -eq 2 ] && grep -q '^senbid: ROTATION at \$\.rotation: ' "$tmp/err.txt" && [ "$(wc -l < "$tmp/err.txt")" -eq 1 ]; then
  echo "ok $i - ROTATION error exits 2 with one line"
else
  echo "not ok $i - ROTATION error (exit $rc: $(cat "$tmp/err.txt"))"
fi
i=$((i + 1))
p="$cases/sb_basic_seniority.problem.json"
sed 's/"shift": "DAY"/"shift": "MID"/' "${p%.problem.json}.expected.json" > "$tmp/posted.json"
"$senbid" check "$p" "$tmp/posted.json" > "$tmp/chk.json" 2> "$tmp/err.txt"
rc=$?
if [ $rc -eq 1 ] && grep -q '"SENIORITY"' "$tmp/chk.json"; then
  echo "ok $i - check exits 1 on a SENIORITY departure"
else
  echo "not ok $i - check (exit $rc)"
fi
i=$((i + 1))
"$senbid" export-lp "$p" -o "$tmp/model.lp" 2> "$tmp/err.txt"
rc=$?
if [ $rc -eq 0 ] && grep -q '^Maximize' "$tmp/model.lp" && grep -q '^End' "$tmp/model.lp"; then
  echo "ok $i - export-lp writes a CPLEX LP model"
else
  echo "not ok $i - export-lp (exit $rc: $(cat "$tmp/err.txt"))"
fi
