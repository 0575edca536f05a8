#!/bin/sh
# Builds senbid (installing what is missing) and runs the driver:
#   tools/run.sh                 -> senbid demo (the bundled rosters)
#   tools/run.sh solve FILE ...  -> senbid solve FILE ...  (any subcommand)
set -e
cd "$(dirname "$0")/.."
tools/deps.sh
[ -f build/build.ninja ] || meson setup build --wrap-mode=nodownload -Dtests=false > /dev/null
ninja -C build examples/senbid > /dev/null
[ $# -eq 0 ] && set -- demo
exec build/examples/senbid "$@"
