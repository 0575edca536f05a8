#!/bin/sh
# senbid session start|status|act|result (SPEC 10) end to end on the demo
# shift bid: the state file replaced by act, left as it was by a refused
# action (exit 2, one error line), the decision printed, and a session
# answered by proxy giving the solve's result but for audit.
# usage: run-cli.sh SENBID DEMO_PROBLEM
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

cd "$tmp"
"$senbid" session start "$demo" -o st.json
check "start writes the state" '[ $? -eq 0 ] && grep -q "\"session\": 1" st.json'
"$senbid" session status st.json > status.json
check "status names the first turn (A01)" 'python3 -c "import json,sys; d=json.load(open(\"status.json\")); sys.exit(d[\"turn\"][\"employee\"]!=\"A01\")"'

cp st.json before.json
echo '{"act": "proxy", "employee": "A02"}' > wrong.json
"$senbid" session act st.json wrong.json > out.txt 2> err.txt
rc=$?
check "out of turn: exit 2" '[ $rc -eq 2 ]'
check "out of turn: one TURN line at \$.employee" '[ $(wc -l < err.txt) -eq 1 ] && grep -q "^senbid: TURN at \$.employee: " err.txt'
check "out of turn: the state file is unchanged" 'cmp -s st.json before.json'
check "out of turn: nothing printed" '[ ! -s out.txt ]'

echo '{"act": "undo"}' > undo.json
"$senbid" session act st.json undo.json 2> err.txt
check "nothing to undo: TURN at \$.act" '[ $? -eq 2 ] && grep -q "^senbid: TURN at \$.act: " err.txt && cmp -s st.json before.json'

echo '{"act": "bid", "employee": "A01", "prefs": ["MID"]}' > bid.json
"$senbid" session act st.json bid.json > dec.json
check "a bid: exit 0, the placement printed" '[ $? -eq 0 ] && python3 -c "import json,sys; d=json.load(open(\"dec.json\")); sys.exit(d[\"placed\"][\"shift\"]!=\"MID\" or d[\"seq\"]!=1)"'
check "a bid: the state file holds the action" 'grep -q "\"act\": \"bid\"" st.json && ! ls st.json.tmp* > /dev/null 2>&1'

"$senbid" session act st.json undo.json > dec.json
check "undo takes the bid back" '[ $? -eq 0 ] && grep -q "\"undoes\": 1" dec.json'

# Everyone by proxy, then the result against the solve.
i=0
while [ $i -lt 40 ]; do
  e=$("$senbid" session status st.json | awk '/^  "turn": null/ { exit } /^  "turn": [{]/ { t = 1; next } t && /"employee": / { sub(/^ *"employee": "/, ""); sub(/",?$/, ""); print; exit }')
  [ -z "$e" ] && break
  echo "{\"act\": \"proxy\", \"employee\": \"$e\"}" > p.json
  "$senbid" session act st.json p.json > /dev/null || break
  i=$((i + 1))
done
"$senbid" session result st.json -o res.json
"$senbid" solve "$demo" -o solved.json
check "all by proxy: the result is the solve's but for audit" 'python3 -c "
import json,sys
a=json.load(open(\"res.json\")); b=json.load(open(\"solved.json\"))
a.pop(\"audit\"); b.pop(\"audit\")
sys.exit(a!=b)"'
"$senbid" session act st.json undo.json 2> err.txt
check "finished: undo refused (TURN)" '[ $? -eq 2 ] && grep -q "TURN at \$.act" err.txt'
"$senbid" session status nosuch.json 2> err.txt
check "a missing state file: exit 2, IO" '[ $? -eq 2 ] && grep -q "^senbid: IO" err.txt'
echo "1..$n"
