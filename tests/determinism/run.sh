#!/bin/sh
# Determinism across builds (issue #12): the same documents give
# byte-identical results from an -O0 and an -O3 build of the library, and
# under a German LC_NUMERIC (the host's locale, set with setlocale). The
# documents: about N (default 1000) employees of every kind (gen.py, shaped
# as bench/'s generators) and bench_leave's own `dump` with lower bounds;
# each solved with both methods, ranked, and its solved result checked.
#
#   tests/determinism/run.sh [--dir DIR] [--employees N] [--o0 B] [--o3 B]
#
# DIR (default build-determinism) keeps the two builds, the documents and
# the outputs. --o0/--o3 name existing meson build directories (a debug and
# a release one) to use instead of configuring new ones: tools/test.sh
# passes its own, which saves two builds. Prints TAP; exits 1 on any
# difference. CI: tools/test.sh calls it once.
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
dir=$root/build-determinism n=1000 use_O0= use_O3=
while [ $# -gt 0 ]; do
  case $1 in
    --dir) dir=$2; shift ;;
    --o0) use_O0=$(cd "$2" && pwd) || exit 2; shift ;;
    --o3) use_O3=$(cd "$2" && pwd) || exit 2; shift ;;
    --employees) n=$2; shift ;;
    *) echo "run.sh: unknown argument $1" >&2; exit 2 ;;
  esac
  shift
done
mkdir -p "$dir" && dir=$(cd "$dir" && pwd)
CC=${CC:-cc}
for opt in O0 O3; do
  b=$dir/$opt
  case $opt in O0) bt=debug b=${use_O0:-$b} ;; O3) bt=release b=${use_O3:-$b} ;; esac
  eval "b_$opt=\$b"
  if [ ! -f "$b/build.ninja" ]; then
    meson setup "$b" "$root" --wrap-mode=nodownload --buildtype=$bt -Dtests=false \
      > "$dir/$opt.setup.log" 2>&1 || { cat "$dir/$opt.setup.log"; exit 1; }
  fi
  ninja -C "$b" examples/senbid bench/leave/bench_leave > "$dir/$opt.build.log" 2>&1 ||
    { tail -30 "$dir/$opt.build.log"; exit 1; }
  # shellcheck disable=SC2086
  $CC -std=c17 -O2 "$root/tests/determinism/det_solve.c" -I"$root/include" -I"$b/include" \
    -L"$b/lib" -lsenbid -Wl,-rpath,"$b/lib" -o "$dir/det_solve_$opt" || exit 1
done
# shellcheck disable=SC2154
grep -q -- '-O3' "$b_O3/build.ninja" 2>/dev/null || grep -q '"name": "optimization", "value": "3"' "$b_O3/meson-info/intro-buildoptions.json" ||
  echo "# note: the release build is not -O3" >&2

docs=$dir/docs
mkdir -p "$docs"
for k in leave shift_bid aws assignment; do
  python3 "$root/tests/determinism/gen.py" $k "$n" 7 > "$docs/$k.json" || exit 1
done
"$b_O3/bench/leave/bench_leave" dump "$n" 10 > "$docs/leave_min_share.json" || exit 1

german=
locale -a 2>/dev/null | grep -qi '^de_DE\.utf-\?8$' && german=de_DE.UTF-8

out=$dir/out
mkdir -p "$out"
i=0 failed=0
ok() { i=$((i + 1)); echo "ok $i - $1"; }
bad() { i=$((i + 1)); failed=$((failed + 1)); echo "not ok $i - $1"; }
tests=0
for f in "$docs"/*.json; do tests=$((tests + 4 * 2 + 1)); done
echo "1..$tests"
for f in "$docs"/*.json; do
  d=$(basename "$f" .json)
  runs="rank:"
  for m in round_robin lexicographic; do runs="$runs solve:$m check:$m"; done
  for r in $runs; do
    what=${r%%:*} m=${r#*:}
    name="$d $what${m:+ $m}"
    ref=$out/$d.$what.$m.O3
    arg=$m
    [ "$what" = check ] && arg=$out/$d.solve.$m.O3
    LC_ALL=C "$dir/det_solve_O3" "$what" "$f" $arg > "$ref" 2> "$ref.err"
    rc=$?
    if [ $rc -ne 0 ] && [ $rc -ne 1 ]; then bad "$name: O3 failed: $(cat "$ref.err")"; continue; fi
    LC_ALL=C "$dir/det_solve_O0" "$what" "$f" $arg > "$ref.O0" 2>&1
    if cmp -s "$ref" "$ref.O0"; then ok "$name: -O0 = -O3 ($(wc -c < "$ref") bytes)"
    else bad "$name: -O0 and -O3 differ: diff $ref $ref.O0"; fi
    [ "$what" = rank ] && continue
    if [ -z "$german" ]; then ok "$name: German LC_NUMERIC # SKIP no de_DE locale (tools/deps.sh --test makes it)"; continue; fi
    LC_ALL=$german "$dir/det_solve_O3" "$what" "$f" $arg > "$ref.de" 2>&1
    if cmp -s "$ref" "$ref.de"; then ok "$name: $german = C"
    else bad "$name: under $german differs: diff $ref $ref.de"; fi
  done
done
[ $failed -eq 0 ]
