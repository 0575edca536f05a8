#!/usr/bin/env python3
"""Writes or checks the code tables of doc/ from the registry.

The registry is lib/<kind>/registry.def (see lib/registry.h). A doc page
holds a generated table between the lines
    <!-- registry:KIND -->
    <!-- /registry -->
where KIND is leave, shiftbid, aws or assign.

usage: registry-docs.py [--write] [SOURCE_ROOT]
Without --write, exits 1 (printing the differences) when a table is stale.
"""
import difflib
import pathlib
import re
import sys

ENTRY = re.compile(r'^\s*SB_REG\(\s*(\w+)\s*,\s*"([^"]*)"\s*,\s*"([^"]*)"\s*,\s*"((?:[^"\\]|\\.)*)"\s*\)')
BLOCK = re.compile(r'(<!-- registry:(\w+) -->\n)(.*?)(<!-- /registry -->)', re.S)
TYPES = {"REASON": "reason", "EVENT": "event", "DEPARTURE": "departure", "WARNING": "warning"}


def entries(root, kind):
    path = root / "lib" / kind / "registry.def"
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        m = ENTRY.match(line)
        if m:
            out.append((m.group(1), m.group(2), m.group(3), m.group(4).replace('\\"', '"')))
    return out


def table(rows):
    lines = ["| kind of code | code | clause | meaning |", "|---|---|---|---|"]
    for typ, name, clause, text in rows:
        lines.append(f"| {TYPES.get(typ, typ)} | `{name}` | {clause or '-'} | {text} |")
    return "\n".join(lines) + "\n"


def main(argv):
    write = "--write" in argv
    args = [a for a in argv if not a.startswith("--")]
    root = pathlib.Path(args[0] if args else pathlib.Path(__file__).resolve().parent.parent)
    stale = 0
    for doc in sorted((root / "doc").glob("*.md")):
        text = doc.read_text(encoding="utf-8")
        new = BLOCK.sub(lambda m: m.group(1) + table(entries(root, m.group(2))) + m.group(4), text)
        if new == text:
            continue
        if write:
            doc.write_text(new, encoding="utf-8")
            print(f"wrote {doc.relative_to(root)}")
        else:
            stale += 1
            sys.stdout.writelines(difflib.unified_diff(
                text.splitlines(True), new.splitlines(True), str(doc), str(doc) + " (registry)"))
    if stale:
        print(f"{stale} doc page(s) disagree with the registry: run tools/registry-docs.py --write")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
