# Shared by live-bid.sh and live-leave.sh (sourced, after `set -eu`):
# finds or builds the driver ($senbid, from $1 or build/), moves into a
# temporary directory removed on exit, and defines on_turn.
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
senbid=${1:-}
case $senbid in "" | /*) ;; *) senbid=$PWD/$senbid ;; esac
if [ -z "$senbid" ]; then
  senbid=$root/build/examples/senbid
  if [ ! -x "$senbid" ]; then
    echo "== building senbid (meson setup build; ninja -C build)"
    [ -d "$root/build" ] || meson setup "$root/build" --wrap-mode=nodownload > /dev/null
    ninja -C "$root/build" examples/senbid > /dev/null
  fi
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

# The employee on turn, read from `session status` (senbid's own pretty
# JSON: the turn's employee is its first member), empty when finished.
on_turn() {
  "$senbid" session status state.json |
    awk '/^  "turn": null/ { exit } /^  "turn": [{]/ { t = 1; next } t && /"employee": / { sub(/^ *"employee": "/, ""); sub(/",?$/, ""); print; exit }'
}
