#!/bin/sh
# The command-line driver (SPEC section 8): exit codes, the one-line error
# format, standard input, output files that are never half-written.
# usage: run-cli-tests.sh SENBID DATA_DIR     (TAP output)
set -u
senbid=$1 data=$2
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
n=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
nok() { n=$((n + 1)); echo "not ok $n - $1"; shift; for l in "$@"; do echo "# $l"; done; }
# expect EXIT DESCRIPTION -- COMMAND...
expect() {
  want=$1 desc=$2; shift 3
  "$@" > "$tmp/out" 2> "$tmp/err"
  got=$?
  if [ "$got" -eq "$want" ]; then ok "$desc"; else nok "$desc" "exit $got, wanted $want" "$(head -c 300 "$tmp/err")"; fi
}
# The error line: exactly one line "senbid: CODE at PATH: message".
error_line() {
  code=$1 path=$2 desc=$3
  lines=$(wc -l < "$tmp/err")
  if [ "$lines" -eq 1 ] && grep -q "^senbid: $code at $path: ." "$tmp/err"; then ok "$desc"
  else nok "$desc" "stderr: $(head -c 300 "$tmp/err")"; fi
}

expect 0 "--help exits 0" -- "$senbid" --help
grep -q "senbid solve" "$tmp/out" && ok "--help shows usage" || nok "--help shows usage"
expect 0 "--version exits 0" -- "$senbid" --version
grep -q "^senbid [0-9]" "$tmp/out" && ok "--version prints the version" || nok "--version prints the version"
expect 2 "no arguments is a usage error" -- "$senbid"
expect 2 "an unknown command exits 2" -- "$senbid" frobnicate
error_line ARGUMENT '\$' "an unknown command gives one error line"

expect 2 "a missing file exits 2" -- "$senbid" rank "$tmp/nope.json"
error_line IO '\$' "a missing file is an IO error line"

printf '{"senbid": 1, "kind": "leave",' > "$tmp/bad.json"
expect 2 "malformed JSON exits 2" -- "$senbid" rank "$tmp/bad.json"
error_line JSON '\$' "malformed JSON gives one JSON error line"

expect 2 "an input error from standard input exits 2" -- sh -c "printf '%s' '{\"senbid\": 1, \"kind\": \"leave\", \"as_of\": \"2026-02-30\"}' | \"$senbid\" rank -"
error_line DATE '\$.as_of' "the error line names the code and the JSON path"

expect 0 "rank reads standard input" -- sh -c "\"$senbid\" rank - < \"$data/roster.json\""
grep -q '"keys"' "$tmp/out" && ok "rank prints keys" || nok "rank prints keys"
"$senbid" rank "$data/roster.json" > "$tmp/r1" && "$senbid" rank "$data/roster.json" > "$tmp/r2"
cmp -s "$tmp/r1" "$tmp/r2" && ok "rank output is byte-identical across runs" || nok "rank output is byte-identical across runs"

expect 0 "rank -o writes a file" -- "$senbid" rank "$data/roster.json" -o "$tmp/rank.json"
cmp -s "$tmp/rank.json" "$tmp/r1" && ok "the -o file holds the document" || nok "the -o file holds the document"
expect 2 "an input error with -o exits 2" -- "$senbid" rank "$tmp/bad.json" -o "$tmp/never.json"
[ ! -e "$tmp/never.json" ] && [ ! -e "$tmp/never.json.tmp" ] && ok "nothing is half-written on error" || nok "nothing is half-written on error"
expect 2 "an unwritable output exits 2" -- "$senbid" rank "$data/roster.json" -o "$tmp/no/such/dir/out.json"
error_line IO '\$' "an unwritable output is an IO error line"

expect 2 "an unknown method exits 2" -- "$senbid" solve "$data/roster.json" --method greedy
expect 2 "an unknown option exits 2" -- "$senbid" solve "$data/roster.json" --fast
expect 2 "check needs two files" -- "$senbid" check "$data/roster.json"
expect 2 "an unknown demo exits 2" -- "$senbid" demo payroll
echo "1..$n"
