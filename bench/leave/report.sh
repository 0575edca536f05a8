#!/bin/sh
# Writes the figures of bench/leave/REPORT.md (issue #3). Run from the
# repository root with a release build:
#   meson setup build-rel --buildtype=release && ninja -C build-rel
#   sh bench/leave/report.sh build-rel
# Each size runs in its own process (peak RSS is its own). The 1M case
# needs about 15 GiB of memory; pass SIZES to change the list.
set -e
B=${1:-build-rel}
SIZES=${SIZES:-1000,10000,100000,1000000}
echo "## round_robin, 8 choices x 2 options, 183 days"
"$B/bench/leave/bench_leave" rr --sizes "$SIZES"
echo
echo "## lexicographic, 2,000 employees, 10% with min_leave_days"
for div in 20 30 40; do
  "$B/bench/leave/bench_leave" lex --employees 2000 --min-share 10 --cap-div $div | tail -n +$([ $div = 20 ] && echo 1 || echo 3)
done
"$B/bench/leave/bench_leave" lex --employees 2000 --min-share 10 --cap-div 60 --time-limit-ms 300000 | tail -n +3
echo
echo "## round_robin with and without capacity totals (issue #17), CPU time, alternating"
"$B/bench/leave/bench_leave" totals --employees 100000 --reps 9
echo
echo "## lexicographic at scale (issue #13 part 1): dense use-or-lose, a sector, one large group"
L="$B/bench/leave/bench_leave lexgen"
$L --employees 100 --min-share 100 --min-days 9 --cap 7 --options 6 --time-limit-ms 60000
$L --employees 300 --min-share 100 --min-days 9 --cap 20 --options 6 --time-limit-ms 120000 | tail -n +3
$L --employees 100000 --groups 50 --min-share 10 --over 10 --time-limit-ms 120000 | tail -n +3
$L --employees 20000 --min-share 10 --over 10 --time-limit-ms 300000 | tail -n +3
