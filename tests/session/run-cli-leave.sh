#!/bin/sh
# senbid session on the demo leave problem (SPEC 10): TURN refusals leave
# the state file as it was, a live bid's decision is printed, undo takes it
# back, and a session answered by proxy gives the solve's result but for
# audit. usage: run-cli-leave.sh SENBID DEMO_PROBLEM
set -u
abs() { case $1 in /*) echo "$1" ;; *) echo "$PWD/$1" ;; esac; }
senbid=$(abs "$1")
demo=$(abs "$2")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
bad() { n=$((n + 1)); echo "not ok $n - $1"; }
check() { if eval "$2"; then ok "$1"; else bad "$1"; fi; }
# status is senbid's own pretty JSON (no python3 start-up per turn)
turn() { "$senbid" session status st.json | awk '/^  "turn": null/ { exit } /^  "turn": [{]/ { t = 1; next } t && /"employee": / { sub(/^ *"employee": "/, ""); sub(/",?$/, ""); print; exit }'; }

cd "$tmp"
"$senbid" session start "$demo" -o st.json
check "start writes the state" '[ $? -eq 0 ] && grep -q "\"session\": 1" st.json'
first=$(turn)
check "status names the first turn (A104, the most senior with a request)" '[ "$first" = A104 ]'
"$senbid" session status st.json > status.json
check "open lists the period days and A104's pending choices" 'python3 -c "import json,sys; o=json.load(open(\"status.json\"))[\"open\"]; sys.exit(not (len(o[\"days\"]) > 100 and len(o[\"choices\"]) > 0))"'

cp st.json before.json
echo '{"act": "pass", "employee": "A114"}' > wrong.json
"$senbid" session act st.json wrong.json > out.txt 2> err.txt
rc=$?
check "out of turn: exit 2, TURN at \$.employee, state unchanged" '[ $rc -eq 2 ] && grep -q "^senbid: TURN at \$.employee: " err.txt && cmp -s st.json before.json'

echo '{"act": "bid", "employee": "A104", "choice": {"id": "live", "options": [{"start": "2026-10-05", "end": "2026-10-06"}]}}' > bid.json
"$senbid" session act st.json bid.json > dec.json
check "a live bid: granted and printed" '[ $? -eq 0 ] && python3 -c "import json,sys; d=json.load(open(\"dec.json\")); sys.exit(d[\"granted\"][\"choice\"]!=\"live\")"'
echo '{"act": "undo"}' > undo.json
"$senbid" session act st.json undo.json > dec.json
check "undo takes the bid back" '[ $? -eq 0 ] && [ "$(turn)" = A104 ]'

i=0
while [ $i -lt 400 ]; do
  e=$(turn)
  [ -z "$e" ] && break
  echo "{\"act\": \"proxy\", \"employee\": \"$e\"}" > p.json
  "$senbid" session act st.json p.json > /dev/null || break
  i=$((i + 1))
done
check "every turn by proxy: the session finishes" '[ -z "$(turn)" ]'
"$senbid" session result st.json -o res.json
"$senbid" solve "$demo" -o solve.json > /dev/null 2>&1 || "$senbid" solve "$demo" > solve.json
check "the proxy session gives the round_robin result but for audit" 'python3 -c "
import json,sys
a=json.load(open(\"res.json\")); b=json.load(open(\"solve.json\"))
a.pop(\"audit\"); b.pop(\"audit\"); sys.exit(a!=b)"'
echo "1..$n"
