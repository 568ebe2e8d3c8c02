#!/usr/bin/env bash
# The same records imported, reported and exported on a SQLite store and on a PostgreSQL store,
# in one run, alternated, each command a separate process of the installed tdn; prints medians
# and the PostgreSQL/SQLite ratio. Needs `mvn -B -q -DskipTests package` first and Debian's
# postgresql (the server is started here on a temporary folder, as the postgres account when
# run as root, and stopped at the end).
#   bash src/bench/store/sqlite-vs-postgresql.sh [N] [RUNS]
set -euo pipefail
n=${1:-1000}
runs=${2:-5}
repo=$(pwd)
work=$(mktemp -d)
chmod 755 "$work"
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() { as_pg "$bin/pg_ctl" -D "$work/pg/data" -m fast -w stop >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT

# the installed tdn, as a user has it
tar xzf target/tdn-0.1.0.tar.gz -C "$work"
HOME=$work PREFIX=$work/prefix sh "$work/tdn-0.1.0/install.sh" >/dev/null
tdn=$work/prefix/bin/tdn

# a server with a password login, reached over TCP as a clinic's would be
mkdir -p "$work/pg"
password=bench-$RANDOM$RANDOM
echo "$password" > "$work/pg/pw"
[ "$(id -u)" = 0 ] && chown -R postgres "$work/pg"
as_pg "$bin/initdb" -D "$work/pg/data" -U tdn_bench --pwfile="$work/pg/pw" --auth=scram-sha-256 -E UTF8 \
  --locale=C.UTF-8 >/dev/null
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
as_pg "$bin/pg_ctl" -D "$work/pg/data" -l "$work/pg/log" -o "-p $port -k $work/pg -c listen_addresses=127.0.0.1" \
  -w start >/dev/null
printf '127.0.0.1:%s:*:tdn_bench:%s\n' "$port" "$password" > "$work/pgpass"
chmod 600 "$work/pgpass"
export PGPASSFILE=$work/pgpass
psql() { PGPASSWORD=$password "$bin/psql" -X -q -h 127.0.0.1 -p "$port" -U tdn_bench -d postgres "$@"; }

line=$(tr -d '\n' < examples/sessions/2026-11-26_3f1c2a9e-6b1d-4d8e-9f3a-0c2b1e7d5a44.json | tr -s ' ')
awk -v n="$n" -v line="$line" 'BEGIN { at = index(line, "0c2b1e7d5a44"); head = substr(line, 1, at - 1)
  tail = substr(line, at + 12); for (i = 0; i < n; i++) printf "%s%012x%s\n", head, i, tail }' > "$work/batch.ndjson"

# seconds of wall time of one command
timed() { local t0 t1; t0=$(date +%s.%N); TDN_HOME=$work/home "$tdn" "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; exit 1; }
  t1=$(date +%s.%N); echo "$t1 - $t0" | bc; }
median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

declare -A times
for run in $(seq 1 "$runs"); do
  for store in sqlite postgresql; do
    if [ "$store" = sqlite ]; then
      url=jdbc:sqlite:$work/run-$run.db
    else
      psql -c "CREATE DATABASE run_$run" >/dev/null
      url="jdbc:postgresql://127.0.0.1:$port/run_$run?user=tdn_bench"
    fi
    times[$store,import]+="$(timed --store "$url" import "$work/batch.ndjson") "
    times[$store,report]+="$(timed --store "$url" report adherence) "
    times[$store,export]+="$(timed --store "$url" export --format ndjson -o "$work/out-$store-$run.ndjson") "
  done
  cmp -s "$work/out-sqlite-$run.ndjson" "$work/out-postgresql-$run.ndjson" || { echo "the exports differ" >&2; exit 1; }
done

printf '%s records, %s runs each, alternated; medians of wall seconds\n' "$n" "$runs"
printf '%-24s %10s %12s %8s\n' command sqlite postgresql ratio
for cmd in import report export; do
  s=$(printf '%s\n' ${times[sqlite,$cmd]} | median)
  p=$(printf '%s\n' ${times[postgresql,$cmd]} | median)
  printf '%-24s %10.2f %12.2f %7.2fx\n' "$cmd" "$s" "$p" "$(echo "$p / $s" | bc -l)"
done
printf 'import rate: sqlite %.0f records/s, postgresql %.0f records/s\n' \
  "$(echo "$n / $(printf '%s\n' ${times[sqlite,import]} | median)" | bc -l)" \
  "$(echo "$n / $(printf '%s\n' ${times[postgresql,import]} | median)" | bc -l)"
