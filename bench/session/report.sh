#!/bin/sh
# Session benchmarks (issue #15): generated shift bids of 1k, 10k and 100k
# agents (24 shifts; bench_shiftbid doc), each measured by bench_session in
# one run (ratios within the run; the machine is shared).
# usage: report.sh BENCH_SHIFTBID BENCH_SESSION [--print] [SIZES]
set -e
gen=$1
bench=$2
sizes=${4:-1000 10000 100000}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
files=
for n in $sizes; do
  "$gen" doc "$n" 24 $((4242 + n)) > "$tmp/sb$n.json"
  files="$files $tmp/sb$n.json"
done
"$bench" $files
