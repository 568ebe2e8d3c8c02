#!/usr/bin/env bash
# Memory stays flat however large the batch: imports N NDJSON records (default 1,000,000) with
# the installed bin/tdn and the heap and collector its launcher sets, as a clinic runs it.
# Needs `mvn -B -q -DskipTests package` first; takes minutes and several GB of disk.
#   bash src/bench/import/memory.sh [N]
set -euo pipefail
n=${1:-1000000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
line=$(java -jar target/tdn.jar validate -q examples/sessions/2026-11-26_3f1c2a9e-6b1d-4d8e-9f3a-0c2b1e7d5a44.json \
  >/dev/null && tr -d '\n' < examples/sessions/2026-11-26_3f1c2a9e-6b1d-4d8e-9f3a-0c2b1e7d5a44.json | tr -s ' ')
# one line per record, each with its own id (the uuid's last 12 digits count up)
awk -v n="$n" -v line="$line" 'BEGIN { at = index(line, "0c2b1e7d5a44"); head = substr(line, 1, at - 1)
  tail = substr(line, at + 12); for (i = 0; i < n; i++) printf "%s%012x%s\n", head, i, tail }' > "$work/batch.ndjson"
echo "$(wc -l < "$work/batch.ndjson") records, $(du -h "$work/batch.ndjson" | cut -f1)"
tar -xzf target/tdn-*.tar.gz -C "$work"
"$work"/tdn-*/bin/tdn --create-cds-archive >/dev/null
TDN_HOME=$work /usr/bin/time -v "$work"/tdn-*/bin/tdn import "$work/batch.ndjson" 2>&1 \
  | grep -E "imported|Maximum resident|Elapsed"
