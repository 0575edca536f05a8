#!/bin/sh
# Builds senbid and runs its whole test suite (installing what is missing):
#   1. a warnings-as-errors build and `meson test` (unit, CLI, ABI and
#      conformance tests);
#   2. the same tests under AddressSanitizer and UndefinedBehaviorSanitizer;
#   3. the unit tests under valgrind (no leaks, no invalid accesses), and
#      the driver under valgrind on every demo and conformance case;
#   4. step 1 again in a fresh `git clone` of this checkout, in an empty
#      temporary directory: the suite passes from any clone (nothing beside
#      the repository is needed; conformance sets there are skipped);
#   and compiles an optimised release build with warnings as errors.
# The build has both the shared and the static library, so the install test
# links a consumer statically too.
# Ends with one line "N passed, N failed" counted from meson's test logs.
# Options: --quick runs step 1 only.
set -u
cd "$(dirname "$0")/.."
tools/deps.sh --test || exit 1
quick=false
[ "${1:-}" = "--quick" ] && quick=true
logs=
status=0

run() { # NAME SETUP_ARGS TEST_ARGS
  dir=$1 setup=$2 args=$3
  if [ ! -f "$dir/build.ninja" ]; then
    # shellcheck disable=SC2086
    meson setup "$dir" --wrap-mode=nodownload -Dwerror=true -Ddefault_library=both $setup > "$dir.setup.log" 2>&1 ||
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

# Step 4: a fresh clone of the committed checkout, where ../shared is absent.
fresh_clone() {
  echo "== quick suite in a fresh clone =="
  top=$(mktemp -d) || { status=1; return; }
  clone=$top/senbid
  if ! git clone -q . "$clone"; then
    status=1; logs="$logs $clone/CLONE-FAILED"; return
  fi
  # The Node.js dependency already fetched here saves a download.
  [ -d bindings/node/node_modules ] && cp -a bindings/node/node_modules "$clone/bindings/node/"
  # Its closing line is renamed so that only this script's last line counts.
  # The fuzz harnesses ran in step 1 and do not depend on where the tree is.
  (cd "$clone" && SENBID_TEST_ARGS="--no-suite fuzz" sh tools/test.sh --quick; echo $? > "$top/rc") 2>&1 |
    sed 's/^\([0-9]* passed, [0-9]* failed.*\)$/(in the fresh clone) \1/'
  [ "$(cat "$top/rc" 2> /dev/null)" = 0 ] || status=1
  # Counted from a copy: the clone is removed.
  cp "$(ls -t "$clone"/build/meson-logs/*.json | head -n 1)" build.fresh-clone.log 2> /dev/null &&
    logs="$logs build.fresh-clone.log" || logs="$logs $clone/NO-LOG"
  rm -rf "$top"
}

# The driver under valgrind (suite valgrind) runs once, in step 3.
run build "" "--no-suite valgrind ${SENBID_TEST_ARGS:-}"
if ! $quick; then
  # -O3 warns about things -O2 does not: the release build must be clean too.
  echo "== release build (warnings as errors) =="
  { [ -f build-release/build.ninja ] ||
      meson setup build-release --wrap-mode=nodownload --buildtype=release \
        -Dwerror=true > build-release.setup.log 2>&1; } &&
    ninja -C build-release > build-release.build.log 2>&1 ||
    { tail -30 build-release.build.log; status=1; logs="$logs build-release/BUILD-FAILED"; }
  run build-sanitize "-Db_sanitize=address,undefined -Db_lundef=false" ""
  # UBSan findings must fail the run, not just print.
  export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
  export ASAN_OPTIONS=detect_leaks=1
  run build "" "--setup valgrind --suite core --suite leave --suite shiftbid --suite aws --suite assign --suite session --no-suite scripts --logbase valgrind"
  run build "" "--suite valgrind --logbase cli-valgrind"
  # The same documents give the same bytes from -O0 and -O3 builds and under
  # a German LC_NUMERIC (issue #12).
  echo "== determinism across builds =="
  # The -O0 build of step 1 and the -O3 release build: no third and fourth.
  if ! sh tests/determinism/run.sh --o0 build --o3 build-release > build-determinism.log 2>&1; then
    grep -v '^ok' build-determinism.log | tail -30; status=1
  fi
  grep -c '^ok' build-determinism.log | sed 's/$/ determinism comparisons identical/' 
  fresh_clone
fi
python3 tools/count-tests.py $logs
exit $status
