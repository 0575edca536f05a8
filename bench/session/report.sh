#!/bin/sh
# Session benchmarks (issue #15): generated shift bids (24 shifts;
# bench_shiftbid doc) and leave problems (bench_leave dump) of 1k, 10k and
# 100k employees, measured by bench_session in ONE run, the kinds
# alternating (ratios within the run; the machine is shared; CPU seconds).
# usage: report.sh BENCH_SHIFTBID BENCH_LEAVE BENCH_SESSION [--print] [SIZES]
set -e
gen=$1
genl=$2
bench=$3
sizes=${5:-1000 10000 100000}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
files=
for n in $sizes; do
  "$gen" doc "$n" 24 $((4242 + n)) > "$tmp/sb$n.json"
  "$genl" dump "$n" > "$tmp/lv$n.json"
  files="$files $tmp/sb$n.json $tmp/lv$n.json"
done
"$bench" $files
