#!/usr/bin/env bash
# Eight imports at once into one SQLite file, each of its own N records (default 2,500), with
# the installed tdn: prints each exit code and the wall time. Needs `mvn -B -q -DskipTests package`.
#   bash src/bench/store/eight-rooms-sqlite.sh [N]
set -euo pipefail
n=${1:-2500}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tar xzf target/tdn-0.1.0.tar.gz -C "$work"
HOME=$work PREFIX=$work/prefix sh "$work/tdn-0.1.0/install.sh" >/dev/null
line=$(tr -d '\n' < examples/sessions/2026-11-26_3f1c2a9e-6b1d-4d8e-9f3a-0c2b1e7d5a44.json | tr -s ' ')
for room in 1 2 3 4 5 6 7 8; do
  awk -v n="$n" -v r="$room" -v line="$line" 'BEGIN { at = index(line, "0c2b1e7d5a44"); head = substr(line, 1, at - 1)
    tail = substr(line, at + 12); for (i = 0; i < n; i++) printf "%s%04x%08x%s\n", head, r, i, tail }' > "$work/room-$room.ndjson"
done
t0=$(date +%s.%N)
for room in 1 2 3 4 5 6 7 8; do
  ( TDN_HOME=$work/home "$work/prefix/bin/tdn" --store "jdbc:sqlite:$work/clinic.db" import "$work/room-$room.ndjson" \
      > "$work/out-$room" 2>&1; echo $? > "$work/exit-$room" ) &
done
wait
t1=$(date +%s.%N)
for room in 1 2 3 4 5 6 7 8; do printf 'room %s: exit %s, %s\n' "$room" "$(cat "$work/exit-$room")" "$(tail -1 "$work/out-$room")"; done
printf 'stored: %s of %s; wall %.1f s\n' "$(TDN_HOME=$work/home "$work/prefix/bin/tdn" --store "jdbc:sqlite:$work/clinic.db" list --json | grep -c '"id"')" \
  "$((8 * n))" "$(echo "$t1 - $t0" | bc)"
