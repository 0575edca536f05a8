#!/bin/sh
# Prints the value of every public enum constant and macro of the public
# header, one "enum NAME VALUE" or "macro NAME EXPANSION" a line, sorted:
# what abidiff cannot see (a renumbered SENBID_E_CANCELLED keeps the ABI's
# shape but breaks every binding). The version macros are left out: they
# change with each release by design.
# usage: constants.sh INCLUDE_DIR GENERATED_INCLUDE_DIR   (CC may name the compiler)
set -eu
inc=$1 gen=$2
cc=${CC:-cc}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf '#include <senbid/senbid.h>\n' > "$tmp/h.c"
"$cc" -E -dM -I"$inc" -I"$gen" "$tmp/h.c" |
  sed -n 's/^#define \(SENBID_[A-Za-z0-9_]*\) *\(.*\)$/macro \1 \2/p' |
  grep -v '^macro SENBID_VERSION' | sed 's/[[:space:]]*$//' > "$tmp/macros"
# Enum constants: the SENBID_ names that open a line inside an enum body.
awk '/enum[ a-z_]*\{/ {e = 1; next} e && /\}/ {e = 0} e' "$inc/senbid/senbid.h" |
  grep -o '^ *SENBID_[A-Z0-9_]*' | tr -d ' ' > "$tmp/enums"
{
  printf '#include <stdio.h>\n#include <senbid/senbid.h>\nint main(void) {\n'
  while read -r n; do printf '  printf("enum %s %%lld\\n", (long long)%s);\n' "$n" "$n"; done < "$tmp/enums"
  printf '  return 0;\n}\n'
} > "$tmp/p.c"
"$cc" -I"$inc" -I"$gen" -o "$tmp/p" "$tmp/p.c"
{ "$tmp/p"; cat "$tmp/macros"; } | LC_ALL=C sort
