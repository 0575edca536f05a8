#!/bin/sh
# Installs the Debian packages senbid needs, if any is missing (as root, or
# through sudo). Nothing is downloaded from anywhere but Debian's archive.
set -e
pkgs="gcc g++ meson ninja-build pkg-config python3 libglpk-dev libcjson-dev libcmocka-dev"
[ "${1:-}" = "--test" ] && pkgs="$pkgs valgrind abigail-tools locales"
# Headless Chromium for the render test (tests/driver/render_chromium.py,
# skipped without it); large, so only when asked: deps.sh [--test] --chromium
for a in "$@"; do [ "$a" = "--chromium" ] && pkgs="$pkgs chromium"; done
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
exit 0
