#!/usr/bin/env bash
# Two builds of tdn side by side: the same command from each installed archive, run in turn
# (A B A B ...), each run a whole process; prints each one's median wall time and the median of
# the run-by-run ratios A/B. Pairing keeps the ratio honest while the machine's speed drifts.
#
# Usage, from the repository root:
#   bash src/bench/startup/paired.sh NEW.tar.gz OLD.tar.gz RUNS -- ARGS...
# e.g. (the old archive built from an earlier commit in a git worktree):
#   bash src/bench/startup/paired.sh target/tdn-0.1.0.tar.gz ../old/target/tdn-0.1.0.tar.gz 21 -- list
# The store holds 10,000 sessions, seeded as startup.sh seeds it.
set -euo pipefail
new=$1 old=$2 runs=$3
shift 4
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/a" "$work/b"
tar -xzf "$new" -C "$work/a" && tar -xzf "$old" -C "$work/b"
a=$(echo "$work"/a/tdn-*/bin/tdn) b=$(echo "$work"/b/tdn-*/bin/tdn)
"$a" --create-cds-archive >/dev/null && "$b" --create-cds-archive >/dev/null
export TDN_HOME="$work/home"
line=$(tr -d '\n' < examples/sessions/2026-11-26_3f1c2a9e-6b1d-4d8e-9f3a-0c2b1e7d5a44.json | tr -s ' ')
awk -v line="$line" 'BEGIN { at = index(line, "0c2b1e7d5a44"); head = substr(line, 1, at - 1)
  tail = substr(line, at + 12); for (i = 0; i < 10000; i++) printf "%s%012x%s\n", head, i, tail }' > "$work/seed.ndjson"
"$a" import "$work/seed.ndjson" >/dev/null 2>&1
ms() { local t0 t1; t0=$(date +%s%N); "$@" >/dev/null 2>&1 || true; t1=$(date +%s%N); echo $(( (t1 - t0) / 1000000 )); }
ms "$a" "$@" >/dev/null; ms "$b" "$@" >/dev/null
: > "$work/ta"; : > "$work/tb"; : > "$work/ratio"
for _ in $(seq "$runs"); do
  ta=$(ms "$a" "$@"); tb=$(ms "$b" "$@")
  echo "$ta" >> "$work/ta"; echo "$tb" >> "$work/tb"
  awk -v a="$ta" -v b="$tb" 'BEGIN { printf "%.3f\n", a / b }' >> "$work/ratio"
done
median() { sort -n "$1" | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
echo "tdn $*: A $(median "$work/ta") ms, B $(median "$work/tb") ms, A/B $(median "$work/ratio") (median of $runs pairs)"
