#!/bin/sh
# Installs the Debian packages senbid needs, if any is missing (as root, or
# through sudo). Nothing is downloaded from anywhere but Debian's archive.
set -e
pkgs="gcc g++ meson ninja-build pkg-config python3 libglpk-dev libcjson-dev libcmocka-dev"
[ "${1:-}" = "--test" ] && pkgs="$pkgs valgrind abigail-tools"
missing=
for p in $pkgs; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "senbid: installing$missing" >&2
if [ "$(id -u)" -eq 0 ]; then sudo=; else sudo=sudo; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends $missing > /dev/null
