#!/bin/sh
# Regenerates the ABI baseline from a build: run only for a deliberate,
# reviewed ABI change. usage: tests/abi/update-baseline.sh [BUILD_DIR]
set -e
build=${1:-build}
abidw --no-corpus-path --headers-dir include/senbid --headers-dir "$build/include/senbid" \
  --out-file tests/abi/libsenbid.abi "$build/lib/libsenbid.so"
echo "wrote tests/abi/libsenbid.abi"
