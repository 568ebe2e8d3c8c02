#!/usr/bin/env bash
# tdn import against the Python + jsonschema-rs baseline (baseline.py beside this script) at a
# clinic's batch sizes, NDJSON and folders of one file per session: each run a fresh store, the
# installed bin/tdn with its start-up archive, tdn and Python in turn, the median of the run-by-run
# ratios tdn/Python and each one's peak resident memory. Target (issue 16): below 1x at every size.
#
# Usage, from the repository root after `mvn -B -q -DskipTests package`
# (pip install jsonschema-rs first where it is missing):
#   bash src/bench/import/versus-python.sh [RUNS] [SIZES...]
# e.g. bash src/bench/import/versus-python.sh 5 1 10 100 1000 10000 100000
set -euo pipefail
runs=${1:-5}
shift || true
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1 10 100 1000 10000 100000)
here=$(cd "$(dirname "$0")" && pwd)
schema=src/main/resources/schema/session-record-v1.json
python3 -c 'import jsonschema_rs' || { echo "versus-python: pip install jsonschema-rs first" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tar -xzf target/tdn-*.tar.gz -C "$work"
tdn=$(echo "$work"/tdn-*/bin/tdn)
"$tdn" --create-cds-archive >/dev/null
line=$(tr -d '\n' < examples/sessions/2026-11-26_3f1c2a9e-6b1d-4d8e-9f3a-0c2b1e7d5a44.json | tr -s ' ')

# one timed run: prints "wall_ms maxrss_kb"; the store folder is made anew for each
timed() {
  rm -rf "$work/store" && mkdir -p "$work/store"
  local t0 t1
  t0=$(date +%s%N)
  /usr/bin/time -f '%M' -o "$work/rss" "$@" >/dev/null 2>"$work/err" || { cat "$work/err" >&2; exit 1; }
  t1=$(date +%s%N)
  echo "$(((t1 - t0) / 1000000)) $(tail -1 "$work/rss")"
}
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo "$(date -u +%F), $(nproc) cores, $runs runs each"
printf '%-22s %10s %10s %8s %9s %9s\n' batch "tdn ms" "python ms" "ratio" "tdn RSS" "py RSS"
for n in "${sizes[@]}"; do
  awk -v n="$n" -v line="$line" 'BEGIN { at = index(line, "0c2b1e7d5a44"); head = substr(line, 1, at - 1)
    tail = substr(line, at + 12); for (i = 0; i < n; i++) printf "%s%012x%s\n", head, i, tail }' > "$work/batch.ndjson"
  rm -rf "$work/folder" && mkdir "$work/folder"
  awk -v dir="$work/folder" '{ f = sprintf("%s/%07d.json", dir, NR); print > f; close(f) }' "$work/batch.ndjson"
  for kind in ndjson folder; do
    input=$work/batch.ndjson
    [ "$kind" = folder ] && input=$work/folder
    : > "$work/t" ; : > "$work/p" ; : > "$work/r" ; : > "$work/tr" ; : > "$work/pr"
    # fewer runs where one run takes a minute
    k=$runs
    [ "$n" -ge 100000 ] && k=$(( runs < 3 ? runs : 3 ))
    for ((i = 0; i < k; i++)); do
      read -r t trss < <(TDN_HOME="$work/store" timed "$tdn" import "$input")
      read -r p prss < <(timed python3 "$here/baseline.py" "$schema" "$work/store/py.db" "$input")
      echo "$t" >> "$work/t"; echo "$p" >> "$work/p"; echo "$trss" >> "$work/tr"; echo "$prss" >> "$work/pr"
      awk -v a="$t" -v b="$p" 'BEGIN { printf "%.3f\n", a / b }' >> "$work/r"
    done
    printf '%-22s %10s %10s %7.2fx %6d MB %6d MB\n' "$n records, $kind" "$(median < "$work/t")" "$(median < "$work/p")" \
      "$(median < "$work/r")" "$(( $(sort -n "$work/tr" | tail -1) / 1024 ))" "$(( $(sort -n "$work/pr" | tail -1) / 1024 ))"
  done
done
