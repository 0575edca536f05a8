#!/bin/sh
# Installs the Debian packages senbid needs, if any is missing (as root, or
# through sudo). Nothing is downloaded from anywhere but Debian's archive,
# and, for the Node.js package's tests when node is installed, koffi from
# the npm registry (without it those tests are skipped).
set -e
pkgs="gcc g++ meson ninja-build pkg-config python3 libglpk-dev libcjson-dev libcmocka-dev"
[ "${1:-}" = "--test" ] && pkgs="$pkgs valgrind abigail-tools locales python3-pytest python3-pip clang libclang-rt-dev"
# Headless Chromium for the render test (tests/driver/render_chromium.py,
# skipped without it): with --test, and with --chromium alone.
for a in "$@"; do
  case $a in --test|--chromium) pkgs="$pkgs chromium" ;; esac
done
missing=
for p in $pkgs; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ "$(id -u)" -eq 0 ]; then sudo=; else sudo=sudo; fi
if [ -n "$missing" ]; then
  echo "senbid: installing$missing" >&2
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends $missing > /dev/null
fi
# The tests check that numbers keep their '.' under a German LC_NUMERIC.
if [ "${1:-}" = "--test" ] && ! locale -a 2>/dev/null | grep -qi '^de_DE.utf-\?8$'; then
  $sudo localedef -i de_DE -f UTF-8 de_DE.UTF-8 || echo "senbid: no de_DE locale; that test is skipped" >&2
fi
# The Node.js package's one dependency, when node is there.
node_dir=$(dirname "$0")/../bindings/node
if [ "${1:-}" = "--test" ] && command -v npm > /dev/null 2>&1 &&
   ! (cd "$node_dir" && node -e 'require("koffi")') 2> /dev/null; then
  (cd "$node_dir" && npm install --no-audit --no-fund --loglevel=error > /dev/null 2>&1) ||
    echo "senbid: npm could not install koffi; the Node.js tests are skipped" >&2
fi
exit 0
