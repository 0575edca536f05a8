#!/bin/sh
# Writes senbid.dict (libFuzzer -dict) from SPEC.md: every quoted word of the
# spec (member names, values, codes) as a JSON string, then tokens that
# hostile documents are made of.  Usage: gen-dict.sh SPEC.md > senbid.dict
set -eu
spec=${1:?usage: gen-dict.sh SPEC.md}
echo "# Member names and values of SPEC.md, for libFuzzer -dict (gen-dict.sh)."
grep -o '"[A-Za-z_][A-Za-z0-9_:-]*"' "$spec" | sort -u |
  awk '{ gsub(/"/, "\\\""); printf "s%d=\"%s\"\n", NR, $0 }'
# The request envelope of senbid_call() (include/senbid/senbid.h).
m=0
for w in command solve check rank export_lp session_start session_status \
  session_act session_result options method time_limit state action \
  problem result; do
  m=$((m + 1))
  printf 'r%d="\\"%s\\""\n' "$m" "$w"
done
# fuzz_session's records: NUL-separated, "P" proxy, "U" undo, "R" reopen,
# "~" an action with the employee on turn, "@" a stored state.
printf 'f1="\\x00P"\nf2="\\x00U"\nf3="\\x00R"\nf4="\\x00~"\nf5="@"\n'
n=0
for t in '\\u0000' '\\ud800' '\\udc00' '\\u00e9' '\\u2028' '\xc3\xa9' '\xff' \
  1e400 -0 1.0 1e19 18446744073709551621 -1 null true false '\\"' \
  '{' '}' '[' ']' ':' ',' '"2026-02-29"' '"9999-12-31"' '"0001-01-01"' \
  '"23:59"' '"24:00"' '"2026-07-15"'; do
  n=$((n + 1))
  printf 't%d="%s"\n' "$n" "$(printf '%s' "$t" | sed 's/"/\\"/g')"
done
