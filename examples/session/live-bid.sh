#!/bin/sh
# A live shift bid at the demo station, one turn at a time, from the
# command line (SPEC section 10; doc/sessions.md). Runs from a fresh clone:
#
#   sh examples/session/live-bid.sh            # builds into build/ if needed
#   sh examples/session/live-bid.sh path/to/senbid
#
# The scheduling system's part is played by this script: it keeps the
# state file, shows the board, takes a few live bids, times one turn out
# (proxy), corrects a mistake (undo), and lets the rest of the turns time
# out so the bid finishes. Every step is `senbid session ...`.
set -eu
. "$(dirname "$0")/common.sh"
board() {
  "$senbid" session status state.json | python3 -c '
import json, sys
s = json.load(sys.stdin)
t = s["turn"]
print("   on turn:", t["employee"] if t else "nobody (finished)",
      "| next:", " ".join(u["employee"] for u in s["upcoming"][:5]))
print("   open:", ", ".join("%s %s" % (x["shift"], "open" if x["room"] is None else x["room"])
                          for x in s["open"]["shifts"]))'
}
act() {
  echo "$1" > action.json
  echo "-> $1"
  "$senbid" session act state.json action.json | python3 -c '
import json, sys
d = json.load(sys.stdin)
if d["act"] == "undo":
    print("   took back action", d["undoes"])
elif d["placed"]:
    print("   %s placed on %s (%s, choice %s)" % (d["employee"], d["placed"]["shift"],
          d["placed"]["reason"], d["placed"]["rank"]))
else:
    print("   %s goes to the agency placements (%s)" % (d["employee"], d["cause"]))'
}

echo "== start: management placements and the Shift Preference Plan are made"
"$senbid" session start "$root/examples/data/shiftbid_demo.json" -o state.json
board

echo "== A01 bids live"
act '{"act": "bid", "employee": "A01", "prefs": ["SWING", "DAY"]}'
echo "== A02 does not answer in time: the system plays the sheet on file"
act '{"act": "proxy", "employee": "A02"}'
echo "== A02 tries again: not their turn any more (exit 2, nothing changed)"
echo '{"act": "bid", "employee": "A02", "prefs": ["MID"]}' > late.json
"$senbid" session act state.json late.json || echo "   (refused, exit $?)"
board
echo "== the supervisor takes A02's turn back; A02 bids live"
act '{"act": "undo"}'
act '{"act": "bid", "employee": "A02", "prefs": ["MID", "DAY"]}'
board

echo "== every other turn times out"
while e=$(on_turn) && [ -n "$e" ]; do
  act "{\"act\": \"proxy\", \"employee\": \"$e\"}"
done

echo "== the result"
"$senbid" session result state.json -o result.json
python3 -c '
import json
r = json.load(open("result.json"))
print("   status:", r["status"])
for a in r["assignments"]:
    print("   %-4s %-6s %s" % (a["employee"], a["shift"], a["reason"]))
print("   audit entries:", len(r["audit"]), "(each action is one of them)")'
echo "== the state to store: the problem and $(python3 -c 'import json; print(len(json.load(open("state.json"))["actions"]))') actions"
