#!/bin/sh
# Regenerates the ABI baseline from a build: run only for a deliberate,
# reviewed ABI change. Only the types of the public headers are recorded
# (--drop-private-types), and the values of the public constants beside them.
# usage: tests/abi/update-baseline.sh [BUILD_DIR]
set -e
build=${1:-build}
abidw --no-corpus-path --no-comp-dir-path --drop-private-types \
  --headers-dir include/senbid --headers-dir "$build/include/senbid" \
  --out-file tests/abi/libsenbid.abi "$build/lib/libsenbid.so"
echo "wrote tests/abi/libsenbid.abi"
sh tests/abi/constants.sh include "$build/include" > tests/abi/constants.txt
echo "wrote tests/abi/constants.txt"
