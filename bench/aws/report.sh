#!/bin/sh
# Writes bench/aws/REPORT.md from a build's bench_aws (issue #5).
#   bench/aws/report.sh BUILD_DIR
# Use a release build (meson setup build-rel -Dbuildtype=release). The
# 1,000,000-employee row needs about 6.5 GiB of memory.
set -eu
build=${1:-build}
bin="$build/bench/aws/bench_aws"
out=$(dirname "$0")/REPORT.md.new
{
  echo "## round_robin, 6 options per employee"
  echo
  "$bin" rr --sizes 1000,10000,100000,1000000
  echo
  echo "## lexicographic with minimums"
  echo
  "$bin" lex --sizes 1000,10000,100000
  echo
  echo "## lexicographic, a tight minimum (VWS at half the office)"
  echo
  "$bin" tight --sizes 1000,10000,100000
  echo
  echo "## lexicographic, minimums infeasible from the start"
  echo
  "$bin" infeasible --sizes 1000,10000,100000
} > "$out"
echo "measured tables written to $out; merge them into REPORT.md"
