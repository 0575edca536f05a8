#!/bin/sh
# A live master-leave bid at the demo station, one turn at a time, from the
# command line (SPEC section 10; doc/sessions.md "Leave sessions"). Runs
# from a fresh clone:
#
#   sh examples/session/live-leave.sh          # builds into build/ if needed
#   sh examples/session/live-leave.sh path/to/senbid
#
# The first employee bids live (denied: the turn stays), a timed-out turn
# is taken back for a pass, and every other turn times out (proxy: the stored
# choices, as round_robin decides them).
set -eu
. "$(dirname "$0")/common.sh"
board() {
  "$senbid" session status state.json | python3 -c '
import json, sys
s = json.load(sys.stdin)
t = s["turn"]
print("   on turn:", "%s (round %d)" % (t["employee"], t["round"]) if t else "nobody (finished)",
      "| next:", " ".join(u["employee"] for u in s["upcoming"][:5]))
full = [d["date"] for d in s["open"]["days"] if d["room"] == 0]
print("   full days for their group:", len(full))
for c in s["open"]["choices"]:
    print("   stored choice %s: %s" % (c["choice"], "fits" if c.get("fits") else
          "%s (option %d)" % (c["reason"], c["option"])))'
}
act() {
  echo "$1" > action.json
  echo "-> $1"
  "$senbid" session act state.json action.json | python3 -c '
import json, sys
d = json.load(sys.stdin)
if d["act"] == "undo":
    print("   took back action", d["undoes"])
    sys.exit()
for x in d["denied"]:
    print("   %s: choice %s denied (%s)" % (d["employee"], x["choice"],
          ", ".join(o["reason"] for o in x["options"])))
g = d["granted"]
if g:
    print("   %s: choice %s granted, %s..%s (option %d)" % (d["employee"], g["choice"],
          g["start"], g["end"], g["option"]))
if d["passed"]:
    print("   %s passes" % d["employee"])'
}

echo "== start"
"$senbid" session start "$root/examples/data/leave_demo.json" -o state.json
board
e=$(on_turn)
echo "== $e bids a week at Christmas live"
act "{\"act\": \"bid\", \"employee\": \"$e\", \"choice\": {\"id\": \"xmas-live\", \"options\": [{\"start\": \"2026-12-21\", \"end\": \"2026-12-24\"}]}}"
board
e=$(on_turn)
echo "== $e does not answer in time: the stored choices decide"
act "{\"act\": \"proxy\", \"employee\": \"$e\"}"
echo "== the supervisor takes it back; $e passes instead"
act '{"act": "undo"}'
act "{\"act\": \"pass\", \"employee\": \"$e\"}"
board

echo "== every other turn times out"
n=0
while e=$(on_turn) && [ -n "$e" ]; do
  echo "{\"act\": \"proxy\", \"employee\": \"$e\"}" > action.json
  "$senbid" session act state.json action.json > /dev/null
  n=$((n + 1))
done
echo "   $n turns by proxy"

echo "== the result"
"$senbid" session result state.json -o result.json
python3 -c '
import json
r = json.load(open("result.json"))
print("   status:", r["status"], "| grants:", len(r["grants"]), "| denials:", len(r["denials"]))
print("   audit entries:", len(r["audit"]), "(each action, then its decisions)")'
