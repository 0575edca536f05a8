#!/bin/sh
# Builds (optimised) and runs every benchmark() target, printing each one's
# table; the figures quoted in bench/README.md and bench/*/REPORT.md come
# from this. Benchmarks never assert on time: machines here are shared and
# noisy, so compare ratios measured within one run.
set -e
cd "$(dirname "$0")/.."
tools/deps.sh
[ -f build-bench/build.ninja ] || meson setup build-bench --wrap-mode=nodownload \
  --buildtype=release -Dtests=false > /dev/null
ninja -C build-bench > /dev/null
meson test -C build-bench --benchmark --verbose --num-processes 1 "$@"
