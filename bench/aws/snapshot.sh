#!/bin/sh
# Saves every aws output senbid makes, for a before/after comparison of a
# change that must keep output byte-identical (apart from intended fixes):
#   bench/aws/snapshot.sh BUILD_DIR OUT_DIR [SHARED_DIR]
#   diff -r BEFORE_DIR AFTER_DIR
# Documents: the demo, the conformance cases (aws and lex_aws_*; from
# SHARED_DIR, default ../shared beside the repository, skipped if absent), and
# generated offices (bench_aws emit); for each: solve with both methods,
# check of each result, export-lp. Also `senbid rank` of every demo and
# conformance problem of every kind.
set -u
build=${1:?BUILD_DIR}
out=${2:?OUT_DIR}
root=$(dirname "$0")/../..
# The conformance sets beside the repository, when they are there.
shared=${3:-$root/../shared}
senbid="$build/examples/senbid"
gen="$build/bench/aws/bench_aws"
mkdir -p "$out/docs"
cp "$root/examples/data/aws_demo.json" "$out/docs/demo.json"
for f in "$shared"/conformance/aws/*.problem.json \
         "$shared"/conformance-lexicographic/lex_aws_*.problem.json; do
  [ -f "$f" ] && cp "$f" "$out/docs/$(basename "$f" .problem.json).json"
done
for mode in rr lex tight infeasible; do
  for n in 12 40 300 2000; do
    for seed in 1 2 3; do
      "$gen" emit $mode $n $seed > "$out/docs/gen_${mode}_${n}_$seed.json"
    done
  done
done
for doc in "$out"/docs/*.json; do
  name=$(basename "$doc" .json)
  for m in round_robin lexicographic; do
    r="$out/$name.$m"
    "$senbid" solve "$doc" --method $m > "$r.json" 2> "$r.err"
    echo $? > "$r.rc"
    "$senbid" check "$doc" "$r.json" > "$r.check" 2>&1
    echo $? >> "$r.check"
  done
  "$senbid" export-lp "$doc" -o "$out/$name.lp" > "$out/$name.lp.err" 2>&1
  echo $? >> "$out/$name.lp.err"
done
mkdir -p "$out/rank"
for f in "$root"/examples/data/*.json "$shared"/conformance*/*.problem.json \
         "$shared"/conformance*/*/*.problem.json; do
  [ -f "$f" ] || continue
  n=$(echo "$f" | sed 's|.*/\(conformance[^/]*\)/|\1_|; s|/|_|g')
  "$senbid" rank "$f" > "$out/rank/$n.out" 2>&1
  echo $? >> "$out/rank/$n.out"
done
