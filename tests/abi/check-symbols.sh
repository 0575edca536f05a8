#!/bin/sh
# The exported symbols, the version script and the header's SENBID_API
# declarations must be the same set, all senbid_*; the ABI of the public
# headers must match the committed baseline (tests/abi/libsenbid.abi, read
# with abidiff where abigail-tools is installed), and so must the value of
# every public enum constant and macro (tests/abi/constants.txt), which
# abidiff cannot see. Regenerate both deliberately with
# tests/abi/update-baseline.sh.
# usage: check-symbols.sh LIBSENBID.so senbid.map INCLUDE_DIR GENERATED_INCLUDE_DIR
set -u
lib=$1 map=$2 inc=$3 gen=$4
header=$inc/senbid/senbid.h
dir=$(dirname "$0")
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
echo "1..7"

# No library, or one that exports nothing, is a failure, never "0 symbols".
if [ ! -f "$lib" ] || ! nm -D --defined-only "$lib" > "$tmp/nm" 2> "$tmp/nm.err" ||
   ! awk '$2 != "A" {print $3}' "$tmp/nm" | sed 's/@.*//' | sort -u > "$tmp/exported" ||
   [ ! -s "$tmp/exported" ]; then
  echo "not ok 1 - the library exports symbols: none read from $lib"
  sed 's/^/# /' "$tmp/nm.err" 2> /dev/null | head -5
  for i in 2 3 4 5; do echo "not ok $i - skipped: no library"; done
  lib_ok=false
else
  echo "ok 1 - the library exports $(wc -l < "$tmp/exported") symbols"
  lib_ok=true
fi
sed -n '/global:/,/local:/p' "$map" | grep -o 'senbid_[a-z0-9_]*' | sort -u > "$tmp/map"
grep -o 'SENBID_API [^(]*(' "$header" | grep -o 'senbid_[a-z0-9_]*' | sort -u > "$tmp/header"

if $lib_ok; then
  if grep -v '^senbid_' "$tmp/exported" > "$tmp/leaks"; [ -s "$tmp/leaks" ]; then
    echo "not ok 2 - only senbid_ symbols are exported"; sed 's/^/# leaked: /' "$tmp/leaks"
  else
    echo "ok 2 - only senbid_ symbols are exported"
  fi
  if diff "$tmp/exported" "$tmp/map" > "$tmp/d1"; then
    echo "ok 3 - exported symbols equal the version script"
  else
    echo "not ok 3 - exported symbols differ from the version script"; sed 's/^/# /' "$tmp/d1"
  fi
  if diff "$tmp/header" "$tmp/map" > "$tmp/d2"; then
    echo "ok 4 - header declarations equal the version script"
  else
    echo "not ok 4 - header declarations differ from the version script"; sed 's/^/# /' "$tmp/d2"
  fi
  if ! command -v abidiff > /dev/null 2>&1; then
    echo "ok 5 # SKIP abigail-tools is not installed"
  elif [ ! -f "$dir/libsenbid.abi" ]; then
    echo "not ok 5 - no ABI baseline (tests/abi/libsenbid.abi)"
  else
    # Only types reachable from the public headers count: a field added to
    # an internal struct is not an ABI change. Added functions (in a new
    # version node) are allowed; anything else is not.
    abidiff --no-added-syms --drop-private-types \
      --headers-dir2 "$inc/senbid" --headers-dir2 "$gen/senbid" \
      "$dir/libsenbid.abi" "$lib" > "$tmp/abidiff" 2>&1
    rc=$?
    if [ $rc -eq 0 ]; then
      echo "ok 5 - ABI of the public headers matches the baseline"
    else
      echo "not ok 5 - ABI differs from the baseline (abidiff exit $rc)"; sed 's/^/# /' "$tmp/abidiff" | head -40
    fi
  fi
fi

# Constants: every baseline line must still be there, unchanged; new
# constants (appended codes) are allowed.
constants() { sh "$dir/constants.sh" "$1" "$gen" 2> "$tmp/cc.err"; }
missing() { LC_ALL=C comm -23 "$dir/constants.txt" "$1"; }
if ! constants "$inc" > "$tmp/now" || [ ! -s "$tmp/now" ]; then
  echo "not ok 6 - the public constants could not be read"; sed 's/^/# /' "$tmp/cc.err" | head -10
elif [ -n "$(missing "$tmp/now")" ]; then
  echo "not ok 6 - public constants differ from tests/abi/constants.txt"
  missing "$tmp/now" | sed 's/^/# changed or removed: /'
else
  echo "ok 6 - every public enum constant and macro keeps its value ($(wc -l < "$dir/constants.txt") checked)"
fi
# The check itself: a renumbered SENBID_E_CANCELLED must be caught.
mkdir -p "$tmp/inc/senbid"
sed 's/SENBID_E_CANCELLED = -20/SENBID_E_CANCELLED = -21/' "$header" > "$tmp/inc/senbid/senbid.h"
if constants "$tmp/inc" > "$tmp/renumbered" && missing "$tmp/renumbered" | grep -q '^enum SENBID_E_CANCELLED -20$'; then
  echo "ok 7 - the constants check catches a renumbered SENBID_E_CANCELLED"
else
  echo "not ok 7 - the constants check missed a renumbered SENBID_E_CANCELLED"
fi
