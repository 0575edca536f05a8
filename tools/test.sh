#!/bin/sh
# Builds senbid and runs its whole test suite (installing what is missing):
#   1. a warnings-as-errors build and `meson test` (unit, CLI, ABI and
#      conformance tests), compiled with clang when it is installed (it is
#      with --test): steps 2 and 4 use GCC, so both compilers' warnings
#      are errors;
#   2. the same tests under AddressSanitizer and UndefinedBehaviorSanitizer,
#      built at -O1 (as the sanitizers advise; GCC's -Wformat-truncation
#      sees at -O1 what it misses at -O0 and -O3);
#   3. the unit tests under valgrind (no leaks, no invalid accesses), and
#      the driver under valgrind on every demo and conformance case;
#   4. step 1 again in a fresh `git clone` of this checkout, in an empty
#      temporary directory, as an optimised (-O3) release build with
#      warnings as errors: the suite passes from any clone (nothing beside
#      the repository is needed; conformance sets there are skipped);
#   5. determinism: the -O0 build of step 1 and the -O3 build of step 4 give
#      the same bytes (from two compilers when clang is there), also under a
#      German locale.
# SENBID_SETUP_ARGS adds meson setup options to step 1's build (new builds
# only); SENBID_TEST_ARGS adds meson test options to step 1; SENBID_CC names
# step 1's compiler (default: clang if installed, else meson's choice).
# The build has both the shared and the static library, so the install test
# links a consumer statically too.
# Ends with one line "N passed, N failed" counted from meson's test logs.
# Options: --quick runs step 1 only.
set -u
cd "$(dirname "$0")/.." || exit 1
tools/deps.sh --test || exit 1
quick=false
[ "${1:-}" = "--quick" ] && quick=true
logs=
status=0

run() { # NAME SETUP_ARGS TEST_ARGS [CC]
  dir=$1 setup=$2 args=$3 cc=${4:-}
  if [ ! -f "$dir/build.ninja" ]; then
    # shellcheck disable=SC2086
    ${cc:+env CC="$cc"} meson setup "$dir" --wrap-mode=nodownload -Dwerror=true -Ddefault_library=both $setup > "$dir.setup.log" 2>&1 ||
      { cat "$dir.setup.log"; status=1; logs="$logs $dir/SETUP-FAILED"; return; }
  else
    meson configure "$dir" -Dwerror=true -Dtests=true > /dev/null || { status=1; return; }
  fi
  # A build that fails counts as a failed test in the closing line.
  ninja -C "$dir" > "$dir.build.log" 2>&1 ||
    { tail -50 "$dir.build.log"; status=1; logs="$logs $dir/BUILD-FAILED"; return; }
  echo "== meson test ($dir) =="
  # shellcheck disable=SC2086
  meson test -C "$dir" --print-errorlogs $args || status=1
  # The log this run wrote is the newest one.
  logs="$logs $(ls -t "$dir"/meson-logs/*.json | head -n 1)"
}

# Step 4: a fresh clone of the committed checkout, where ../shared is absent,
# built as the -O3 release build with warnings as errors (-O3 warns about
# things -O0 does not), so one build serves both purposes. Sets $clone_top;
# the caller removes it after the determinism step has used its build.
fresh_clone() {
  echo "== quick suite in a fresh clone (release build) =="
  clone_top=$(mktemp -d) || { status=1; return; }
  clone=$clone_top/senbid
  if ! git clone -q . "$clone"; then
    status=1; logs="$logs $clone/CLONE-FAILED"; return
  fi
  # The Node.js dependency already fetched here saves a download.
  [ -d bindings/node/node_modules ] && cp -a bindings/node/node_modules "$clone/bindings/node/"
  # Its closing line is renamed so that only this script's last line counts.
  # The fuzz harnesses and the browser's rendering ran in step 1 and do not
  # depend on where the tree is.
  # The generated property tests ran all their cases in step 1; here a
  # tenth (SENBID_TEST_LIGHT), as under the sanitizers and valgrind.
  (cd "$clone" && SENBID_CC=gcc SENBID_TEST_LIGHT=1 SENBID_SETUP_ARGS="--buildtype=release" SENBID_TEST_ARGS="--no-suite fuzz --no-suite browser" \
     sh tools/test.sh --quick; echo $? > "$clone_top/rc") 2>&1 |
    sed 's/^\([0-9]* passed, [0-9]* failed.*\)$/(in the fresh clone) \1/'
  [ "$(cat "$clone_top/rc" 2> /dev/null)" = 0 ] || status=1
  # Counted from a copy: the clone is removed.
  cp "$(ls -t "$clone"/build/meson-logs/*.json | head -n 1)" build.fresh-clone.log 2> /dev/null &&
    logs="$logs build.fresh-clone.log" || logs="$logs $clone/NO-LOG"
}

# Step 1's compiler: clang when installed, so that the run sees the
# warnings of both compilers (steps 2 and 4 are GCC's) at no extra build.
cc1=${SENBID_CC:-}
[ -z "$cc1" ] && command -v clang > /dev/null 2>&1 && cc1=clang
# The driver under valgrind (suite valgrind) runs once, in step 3.
run build "${SENBID_SETUP_ARGS:-}" "--no-suite valgrind ${SENBID_TEST_ARGS:-}" "$cc1"
if ! $quick; then
  run build-sanitize "-Db_sanitize=address,undefined -Db_lundef=false -Doptimization=1" "--no-suite browser" gcc
  # UBSan findings must fail the run, not just print.
  export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
  export ASAN_OPTIONS=detect_leaks=1
  run build "" "--setup valgrind --suite core --suite leave --suite shiftbid --suite aws --suite assign --suite session --no-suite scripts --logbase valgrind"
  run build "" "--suite valgrind --logbase cli-valgrind"
  fresh_clone
  # The same documents give the same bytes from -O0 and -O3 builds and under
  # a German LC_NUMERIC (issue #12): step 1's build and the clone's.
  echo "== determinism across builds =="
  if [ -f "${clone:-}/build/build.ninja" ] &&
     sh tests/determinism/run.sh --o0 build --o3 "$clone/build" > build-determinism.log 2>&1; then :
  else
    grep -v '^ok' build-determinism.log 2> /dev/null | tail -30; status=1
  fi
  grep -c '^ok' build-determinism.log | sed 's/$/ determinism comparisons identical/'
  rm -rf "${clone_top:-/nonexistent}"
fi
python3 tools/count-tests.py $logs
exit $status
