#!/bin/sh
# Builds the libFuzzer harnesses with clang (AddressSanitizer and
# UndefinedBehaviorSanitizer) and runs each for a set time.
#
#   tests/fuzz/fuzz.sh [--dir DIR] [--seconds N] [--senbid DRIVER] [--tap]
#                      [--build-only] [HARNESS...]
#
# HARNESS: parse solve check call csv session render (default: all that build;
# `call` only when the library has senbid_call). DIR (default build-fuzz)
# keeps the objects,
# the growing corpora (DIR/corpus/NAME) and the findings (DIR/findings/NAME:
# crash-*, timeout-*, oom-* files to turn into regression tests). Seeds come
# from examples/data, tests/data, tests/hostile/data and, when present,
# ../shared/conformance*; a DRIVER (build/examples/senbid) also pairs solved
# seeds with their problems for the check harness. The call and session
# harnesses get requests and action sequences from seeds.py (python3), with
# the DRIVER's stored states and solved results when given. Extra libFuzzer flags go
# in FUZZ_FLAGS (e.g. FUZZ_FLAGS=-runs=1000000), a -max_len in FUZZ_MAX_LEN;
# FUZZ_JOBS harnesses run at once (default: one per core).
# With --tap, prints TAP for meson and skips when clang or libFuzzer is
# missing.
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
dir=$root/build-fuzz seconds=60 tap=false build_only=false senbid= names=
while [ $# -gt 0 ]; do
  case $1 in
    --dir) dir=$2; shift ;;
    --seconds) seconds=$2; shift ;;
    --senbid) senbid=$2; shift ;;
    --tap) tap=true ;;
    --build-only) build_only=true ;;
    -*) echo "fuzz.sh: unknown option $1" >&2; exit 2 ;;
    *) names="$names $1" ;;
  esac
  shift
done
mkdir -p "$dir" || exit 1
dir=$(cd "$dir" && pwd)
CC=${FUZZ_CC:-clang}
skip() { if $tap; then echo "1..0 # SKIP $1"; exit 0; fi; echo "fuzz.sh: $1" >&2; exit 1; }

command -v "$CC" > /dev/null 2>&1 || skip "no $CC (apt-get install clang)"
printf 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n) { return 0; }\n' > "$dir/probe.c"
"$CC" -fsanitize=fuzzer,address "$dir/probe.c" -o "$dir/probe" > /dev/null 2>&1 ||
  skip "$CC cannot link -fsanitize=fuzzer (libFuzzer missing)"

# ---- build: the library's sources once into an archive, then each harness
san="-fsanitize=address,undefined -fno-sanitize-recover=undefined"
cflags="-std=c17 -D_POSIX_C_SOURCE=200809L -g -O1 -fno-omit-frame-pointer $san"
inc="-I$dir/include -I$root/include -I$root/lib"
mkdir -p "$dir/include/senbid" "$dir/obj"
ver=$(sed -n "s/^ *version: '\([0-9.]*\)'.*/\1/p" "$root/meson.build" | head -n 1)
sed -e "s/@SENBID_VERSION_MAJOR@/${ver%%.*}/" \
    -e "s/@SENBID_VERSION_MINOR@/$(echo "$ver" | cut -d. -f2)/" \
    -e "s/@SENBID_VERSION_PATCH@/${ver##*.}/" \
    -e "s/@SENBID_VERSION_STRING@/\"$ver\"/" \
    "$root/include/senbid/version.h.in" > "$dir/include/senbid/version.h.new"
cmp -s "$dir/include/senbid/version.h.new" "$dir/include/senbid/version.h" ||
  mv "$dir/include/senbid/version.h.new" "$dir/include/senbid/version.h"
lib=$dir/libsenbid-fuzz.a
stale=true
[ -f "$lib" ] && [ -z "$(find "$root/lib" "$root/include" -newer "$lib" -name '*.[ch]' -o -newer "$lib" -name '*.def' | head -n 1)" ] && stale=false
if $stale; then
  echo "fuzz.sh: building the library with $CC" >&2
  rm -f "$dir"/obj/*.o "$lib"
  # One compiler per core (most of the brief CI run was this build).
  jobs=$(nproc 2> /dev/null || echo 2)
  export CC cflags inc root dir
  # shellcheck disable=SC2016
  # lp/cbc.c only in builds with CBC (meson -Dcbc): not defined here.
  if ! find "$root/lib" -name '*.c' ! -name cbc.c | sort | xargs -P "$jobs" -n 1 sh -c '
      obj=$dir/obj/$(echo "${1#"$root"/lib/}" | tr / _ | sed "s/\.c\$/.o/")
      "$CC" $cflags -fsanitize=fuzzer-no-link $inc -c "$1" -o "$obj" ||
        { echo "fuzz.sh: cannot build $1" >&2; exit 255; }' sh; then
    $tap && echo "1..1" && echo "not ok 1 - build the library with $CC"
    exit 1
  fi
  ar rcs "$lib" "$dir"/obj/*.o || exit 1
fi
all="parse solve check call csv session render"
[ -n "$names" ] || names=$all
# senbid_call is built on another branch: only when the header declares it.
has_call=false
printf '#include "senbid/senbid.h"\nint main(void) { return senbid_call != 0 && senbid_free != 0; }\n' > "$dir/probe_call.c"
# shellcheck disable=SC2086
"$CC" $inc -Werror=implicit-function-declaration -c "$dir/probe_call.c" -o "$dir/probe_call.o" > /dev/null 2>&1 && has_call=true
built=
for n in $names; do
  if [ "$n" = call ] && ! $has_call; then
    echo "fuzz.sh: no senbid_call in senbid.h: the call harness is not built" >&2
    continue
  fi
  exe=$dir/fuzz_$n
  if [ ! -x "$exe" ] || [ -n "$(find "$lib" "$root/tests/fuzz" -newer "$exe" -name '*.[cha]' | head -n 1)" ]; then
    # shellcheck disable=SC2086
    # The CSV reader of `senbid import` lives in the driver (examples/).
    extra=
    [ "$n" = csv ] && extra="$root/examples/csv.c -I$root/examples"
    # report and render of the driver, with what they call there.
    [ "$n" = render ] && extra="$(for f in render report summary summary_leave summary_shiftbid summary_aws \
      summary_assign csv cli_io; do printf '%s ' "$root/examples/$f.c"; done) -I$root/examples"
    # The session harness reads its seed problems from the source tree.
    [ "$n" = session ] && extra="-DFZ_ROOT=\"$root\""
    # shellcheck disable=SC2086
    "$CC" $cflags -fsanitize=fuzzer $inc "$root/tests/fuzz/fuzz_$n.c" $extra "$lib" \
      -lglpk -lcjson -lm -o "$exe" ||
      { $tap && echo "1..1" && echo "not ok 1 - build fuzz_$n"; exit 1; }
  fi
  built="$built $n"
done
$build_only && exit 0

# ---- seeds
seeds=$dir/seeds
rm -rf "$seeds"
mkdir -p "$seeds/problem" "$seeds/check" "$seeds/csv"
for f in "$root"/examples/data/csv/*/*.csv; do
  [ -f "$f" ] && cp "$f" "$seeds/csv/$(echo "$f" | cksum | cut -d' ' -f1).csv"
done
for f in "$root"/examples/data/*.json "$root"/tests/data/*.json \
         "$root"/tests/hostile/data/*.json "$root"/../shared/conformance*/*/*.problem.json; do
  [ -f "$f" ] && cp "$f" "$seeds/problem/$(echo "$f" | cksum | cut -d' ' -f1).json"
done
pair() { # PROBLEM RESULT
  out=$seeds/check/$(cat "$1" "$2" | cksum | cut -d' ' -f1)
  { cat "$1"; printf '\000'; cat "$2"; } > "$out"
}
for f in "$root"/../shared/conformance*/*/*.problem.json; do
  [ -f "$f" ] && [ -f "${f%.problem.json}.expected.json" ] && pair "$f" "${f%.problem.json}.expected.json"
done
if [ -n "$senbid" ] && [ -x "$senbid" ]; then
  for f in "$seeds"/problem/*.json; do
    for m in round_robin lexicographic; do
      "$senbid" solve "$f" --method $m -o "$seeds/solved.json" > /dev/null 2>&1 &&
        pair "$f" "$seeds/solved.json"
    done
  done
  rm -f "$seeds/solved.json"
fi
if command -v python3 > /dev/null 2>&1; then
  python3 "$root/tests/fuzz/seeds.py" "$root" "$seeds" "$senbid" ||
    echo "fuzz.sh: seeds.py failed: the call and session harnesses start empty" >&2
fi
mkdir -p "$seeds/call" "$seeds/session"

# ---- run: FUZZ_JOBS harnesses at a time (default one per core), then
# reported in order
fuzz_one() { # NAME
  n=$1 corpus=$dir/corpus/$1 findings=$dir/findings/$1
  mkdir -p "$corpus" "$findings"
  case $n in
    check | render) src=$seeds/check max=${FUZZ_MAX_LEN:-16384} ;;
    solve) src=$seeds/problem max=${FUZZ_MAX_LEN:-8192} ;;
    csv) src=$seeds/csv max=${FUZZ_MAX_LEN:-16384} ;;
    call) src=$seeds/call max=${FUZZ_MAX_LEN:-16384} ;;
    session) src=$seeds/session max=${FUZZ_MAX_LEN:-16384} ;;
    *) src=$seeds/problem max=${FUZZ_MAX_LEN:-65536} ;;
  esac
  # shellcheck disable=SC2086
  "$dir/fuzz_$n" -max_total_time="$seconds" -max_len=$max -timeout=30 \
    -rss_limit_mb=2560 -dict="$root/tests/fuzz/senbid.dict" \
    -artifact_prefix="$findings/" -print_final_stats=1 ${FUZZ_FLAGS:-} \
    "$corpus" "$src" > "$dir/fuzz_$n.log" 2>&1
  echo $? > "$dir/fuzz_$n.rc"
}
jobs=${FUZZ_JOBS:-$(nproc 2> /dev/null || echo 2)}
k=0
for n in $built; do
  rm -f "$dir/fuzz_$n.rc"
  fuzz_one "$n" &
  k=$((k + 1))
  [ $((k % jobs)) -eq 0 ] && wait
done
wait
i=0 failed=0
count=$(echo $built | wc -w)
$tap && echo "1..$count"
for n in $built; do
  i=$((i + 1))
  log=$dir/fuzz_$n.log findings=$dir/findings/$n
  rc=$(cat "$dir/fuzz_$n.rc" 2> /dev/null || echo 1)
  stats=$(grep -E '^stat::(number_of_executed_units|peak_rss_mb)|cov: ' "$log" | tail -n 3 | tr '\n' ' ')
  if [ "$rc" -eq 0 ]; then
    $tap && echo "ok $i - fuzz_$n ${seconds}s: $stats"
    $tap || echo "fuzz_$n: ok: $stats"
  else
    failed=$((failed + 1))
    $tap && { echo "not ok $i - fuzz_$n: a finding in $findings (log $log)"; tail -n 40 "$log" | sed 's/^/# /'; }
    $tap || echo "fuzz_$n: FINDING in $findings (log $log)"
  fi
done
[ $failed -eq 0 ]
