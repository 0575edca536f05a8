#!/bin/sh
# clang's static analyzer (clang-tidy's clang-analyzer-* checks) over the
# library and the driver; prints each warning once. Not part of
# tools/test.sh: most of what it reports are paths it cannot rule out
# (doc/reliability.md, "Static analysis"), so it is read, not gated on.
# usage: tools/analyze.sh [BUILD_DIR]   (a clang build; made when absent)
set -eu
cd "$(dirname "$0")/.." || exit 1
dir=${1:-build-analyze}
command -v clang-tidy > /dev/null 2>&1 || { echo "analyze.sh: no clang-tidy (apt-get install clang-tidy)" >&2; exit 1; }
if [ ! -f "$dir/compile_commands.json" ]; then
  CC=clang meson setup "$dir" --wrap-mode=nodownload > /dev/null
fi
ninja -C "$dir" > /dev/null # generated headers
# valist.Uninitialized: clang 14 does not follow a va_list handed to a
# function (every vsnprintf wrapper is flagged).
find lib examples -name '*.c' | LC_ALL=C sort |
  xargs -P "$(nproc)" -n 4 clang-tidy -p "$dir" --quiet \
    --checks='-*,clang-analyzer-*,-clang-analyzer-security.insecureAPI.*,-clang-analyzer-valist.Uninitialized' 2> /dev/null |
  grep 'warning:' | sed 's|^.*/\(lib/\)|\1|; s|^.*/\(examples/\)|\1|' | LC_ALL=C sort -u
