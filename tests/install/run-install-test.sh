#!/bin/sh
# meson install into a staging DESTDIR, then, with nothing but pkg-config:
# a C and a C++ consumer built and run (statically linked too when the build
# has -Ddefault_library=both), the driver, the man pages, and the Python
# package (installed with pip, or built by its own backend) tested against
# the installed library.
# usage: run-install-test.sh BUILD_DIR SOURCE_ROOT   (TAP; SENBID_CLI etc. set)
build=$1 src=$2
if [ "${SENBID_SANITIZE:-none}" != none ]; then
  echo "1..0 # SKIP the library is built with sanitizers (${SENBID_SANITIZE}): consumers built with pkg-config alone cannot load it"
  exit 0
fi
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
n=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
nok() { n=$((n + 1)); echo "not ok $n - $1"; [ -f "$tmp/log" ] && sed 's/^/# /' "$tmp/log" | head -30; }
skip() { n=$((n + 1)); echo "ok $n # SKIP $1"; }
demo=$src/examples/data/leave_demo.json
cc=${CC:-cc}
cxx=${CXX:-c++}

stage=$tmp/stage
if meson install -C "$build" --destdir "$stage" --no-rebuild --quiet > "$tmp/log" 2>&1; then
  ok "meson install into a staging DESTDIR"
else
  nok "meson install into a staging DESTDIR"; echo "1..$n"; exit 0
fi
pc=$(find "$stage" -name senbid.pc | head -n 1)
so=$(find "$stage" -name 'libsenbid.so.0' | head -n 1)
libdir=$(dirname "$so")
bindir=$(dirname "$(find "$stage" -path '*/bin/senbid' | head -n 1)")
[ -n "$pc" ] && [ -n "$so" ] && [ -f "$bindir/senbid" ] &&
  [ -n "$(find "$stage" -path '*/include/senbid/senbid.h')" ] &&
  [ -n "$(find "$stage" -path '*/include/senbid/version.h')" ] &&
  [ -n "$(find "$stage" -path '*/man1/senbid.1')" ] && [ -n "$(find "$stage" -path '*/man3/senbid.3')" ] &&
  ok "installed: library, headers, senbid.pc, driver, senbid(1) and senbid(3)" ||
  nok "installed: library, headers, senbid.pc, driver, senbid(1) and senbid(3)"

# pkg-config reads the staged .pc; the sysroot prefixes its paths.
export PKG_CONFIG_PATH="$(dirname "$pc")" PKG_CONFIG_SYSROOT_DIR="$stage"
export LD_LIBRARY_PATH="$libdir${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
# shellcheck disable=SC2046
if $cc -std=c99 -Wall -Werror -o "$tmp/consumer" "$src/tests/install/consumer.c" \
     $(pkg-config --cflags --libs senbid) > "$tmp/log" 2>&1 &&
   "$tmp/consumer" "$demo" > "$tmp/c.json" 2> "$tmp/log" &&
   "$SENBID_CLI" solve "$demo" --method round_robin | cmp -s - "$tmp/c.json"; then
  ok "a C consumer built with pkg-config --cflags --libs senbid runs and matches the CLI"
else
  nok "a C consumer built with pkg-config --cflags --libs senbid runs and matches the CLI"
fi
if ! command -v "$cxx" > /dev/null 2>&1; then
  skip "no C++ compiler"
elif $cxx -std=c++11 -Wall -Werror -o "$tmp/consumer_cxx" "$src/tests/install/consumer.cpp" \
       $(pkg-config --cflags --libs senbid) > "$tmp/log" 2>&1 &&
     "$tmp/consumer_cxx" "$demo" > "$tmp/cxx.json" 2> "$tmp/log" &&
     "$SENBID_CLI" rank "$demo" | cmp -s - "$tmp/cxx.json"; then
  ok "a C++ consumer built with pkg-config runs and matches the CLI"
else
  nok "a C++ consumer built with pkg-config runs and matches the CLI"
fi

# Static: a copy of the stage without the shared library, so the linker
# must take libsenbid.a and pkg-config --static must name its dependencies.
if [ -z "$(find "$stage" -name libsenbid.a)" ]; then
  skip "no libsenbid.a (configure with -Ddefault_library=both)"
else
  cp -a "$stage" "$tmp/static"
  find "$tmp/static" -name 'libsenbid.so*' -exec rm -f {} +
  if PKG_CONFIG_SYSROOT_DIR="$tmp/static" PKG_CONFIG_PATH="$(dirname "$pc" | sed "s|^$stage|$tmp/static|")" \
       sh -c '$0 -std=c99 -o "$1" "$2" $(pkg-config --static --cflags --libs senbid)' \
       "$cc" "$tmp/consumer_static" "$src/tests/install/consumer.c" > "$tmp/log" 2>&1 &&
     ! ldd "$tmp/consumer_static" | grep -q libsenbid &&
     "$tmp/consumer_static" "$demo" > "$tmp/s.json" 2> "$tmp/log" && cmp -s "$tmp/c.json" "$tmp/s.json"; then
    ok "a static consumer links with pkg-config --static and gives the same result"
  else
    nok "a static consumer links with pkg-config --static and gives the same result"
  fi
fi

# The installed driver, on the installed library.
if "$bindir/senbid" solve "$demo" --method round_robin 2> "$tmp/log" | cmp -s - "$tmp/c.json"; then
  ok "the installed senbid driver runs"
else
  nok "the installed senbid driver runs"
fi

# The Python package, installed from bindings/python without the network,
# tested against the installed library.
py=${SENBID_PYTHON:-/usr/bin/python3}
if ! "$py" -c 'import pytest' 2> /dev/null; then
  skip "$py has no pytest"
else
  if "$py" -m pip --version > /dev/null 2>&1; then
    "$py" -m pip install --quiet --no-index --no-deps --target "$tmp/py" "$src/bindings/python" > "$tmp/log" 2>&1
  else  # no pip: the package's own backend builds the wheel
    mkdir -p "$tmp/py" && (cd "$src/bindings/python/_backend" &&
      "$py" -c "import senbid_backend, sys; print(senbid_backend.build_wheel(sys.argv[1]))" "$tmp") > "$tmp/log" 2>&1 &&
      "$py" -m zipfile -e "$tmp"/senbid-*.whl "$tmp/py" >> "$tmp/log" 2>&1
  fi
  if [ -f "$tmp/py/senbid/__init__.py" ]; then
    ok "the Python package installs offline from bindings/python"
  else
    nok "the Python package installs offline from bindings/python"
  fi
  # The tests name the library; the one-liner finds it through the system
  # loader (LD_LIBRARY_PATH stands in for ldconfig in the stage).
  if SENBID_LIBRARY="$so" PYTHONPATH="$tmp/py" PYTHONDONTWRITEBYTECODE=1 \
       "$py" -m pytest -q -p no:cacheprovider --rootdir "$src/tests/bindings/python" \
       "$src/tests/bindings/python" > "$tmp/log" 2>&1 &&
     env -u SENBID_LIBRARY PYTHONPATH="$tmp/py" "$py" -c \
       "import senbid, sys; print(senbid.solve(open(sys.argv[1]).read())['status'])" "$demo" > "$tmp/st" 2>> "$tmp/log" &&
     [ "$(cat "$tmp/st")" = ok ]; then
    ok "the Python tests pass against the installed library and package"
  else
    nok "the Python tests pass against the installed library and package"
  fi
fi
echo "1..$n"
