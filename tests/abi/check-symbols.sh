#!/bin/sh
# The exported symbols, the version script and the header's SENBID_API
# declarations must be the same set, all senbid_*; and, where abigail-tools
# is installed, the ABI must match the committed baseline (tests/abi/
# libsenbid.abi; regenerate deliberately with tests/abi/update-baseline.sh).
# usage: check-symbols.sh LIBSENBID.so senbid.map senbid.h
set -u
lib=$1 map=$2 header=$3
dir=$(dirname "$0")
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
echo "1..4"

nm -D --defined-only "$lib" | awk '$2 != "A" {print $3}' | sed 's/@.*//' | sort -u > "$tmp/exported"
sed -n '/global:/,/local:/p' "$map" | grep -o 'senbid_[a-z0-9_]*' | sort -u > "$tmp/map"
grep -o 'SENBID_API [^(]*(' "$header" | grep -o 'senbid_[a-z0-9_]*' | sort -u > "$tmp/header"

if grep -v '^senbid_' "$tmp/exported" > "$tmp/leaks"; [ -s "$tmp/leaks" ]; then
  echo "not ok 1 - only senbid_ symbols are exported"; sed 's/^/# leaked: /' "$tmp/leaks"
else
  echo "ok 1 - only senbid_ symbols are exported ($(wc -l < "$tmp/exported") symbols)"
fi
if diff "$tmp/exported" "$tmp/map" > "$tmp/d1"; then
  echo "ok 2 - exported symbols equal the version script"
else
  echo "not ok 2 - exported symbols differ from the version script"; sed 's/^/# /' "$tmp/d1"
fi
if diff "$tmp/header" "$tmp/map" > "$tmp/d2"; then
  echo "ok 3 - header declarations equal the version script"
else
  echo "not ok 3 - header declarations differ from the version script"; sed 's/^/# /' "$tmp/d2"
fi
if ! command -v abidiff > /dev/null 2>&1; then
  echo "ok 4 # SKIP abigail-tools is not installed"
elif [ ! -f "$dir/libsenbid.abi" ]; then
  echo "not ok 4 - no ABI baseline (tests/abi/libsenbid.abi)"
else
  abidiff --no-added-syms "$dir/libsenbid.abi" "$lib" > "$tmp/abidiff" 2>&1
  rc=$?
  # Adding functions in a new version node is allowed; anything else is not.
  if [ $rc -eq 0 ]; then
    echo "ok 4 - ABI matches the baseline"
  else
    echo "not ok 4 - ABI differs from the baseline (abidiff exit $rc)"; sed 's/^/# /' "$tmp/abidiff" | head -40
  fi
fi
