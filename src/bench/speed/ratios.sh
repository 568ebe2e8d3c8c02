#!/usr/bin/env bash
# Every command a user types, timed as a user meets it: the installed bin/tdn with its start-up
# archive, each run a fresh process, next to a hello-world `java -jar` with its own archive and
# the launcher's JVM options. Hello-world and the command take turns (H C H C ...), and each
# command's figure is the median of the run-by-run ratios C/H, so a machine that drifts slows
# both alike. Peak resident memory (the kernel's maxrss of the command) is the largest seen.
#
# Targets (issue 16): one-patient commands and `list` within 3x, the end of a session within 3x,
# every report and export within 4x at 10,000 sessions and 15x at 100,000, memory under 256 MB.
#
# Usage, from the repository root after `mvn -B -q -DskipTests package`:
#   bash src/bench/speed/ratios.sh [RUNS] [SESSIONS] [GROUP]
# GROUP: one (one-patient commands, list, the end of a session), bulk (reports, exports), all.
# e.g. bash src/bench/speed/ratios.sh 10 10000 all; bash src/bench/speed/ratios.sh 5 100000 bulk
set -euo pipefail
runs=${1:-10} sessions=${2:-10000} group=${3:-all}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

tar -xzf target/tdn-*.tar.gz -C "$work"
tdn=$(echo "$work"/tdn-*/bin/tdn)
"$tdn" --create-cds-archive >/dev/null
# hello-world, started with the launcher's JVM options
. src/bench/hello-world.sh
hello_world "$work/hello"

export TDN_HOME="$work/home"
example=examples/sessions/2026-11-26_3f1c2a9e-6b1d-4d8e-9f3a-0c2b1e7d5a44.json
line=$(tr -d '\n' < "$example" | tr -s ' ')
# records under new ids (the uuid's last 12 hex digits count up from $2), 2,000 patients taking
# turns, so that one patient has 5 sessions in a store of 10,000
records() {
  awk -v n="$1" -v from="$2" -v line="$line" 'BEGIN { at = index(line, "0c2b1e7d5a44"); head = substr(line, 1, at - 1)
    tail = substr(line, at + 12); for (i = from; i < from + n; i++) { r = head sprintf("%012x", i) tail
      sub(/"MRN-12345"/, sprintf("\"MRN-%05d\"", i % 2000), r); print r } }'
}
records "$sessions" 0 > "$work/seed.ndjson"
"$tdn" import "$work/seed.ndjson" >/dev/null 2>&1
# every figure below is of a store that holds them all
stored=$("$tdn" export --format ndjson 2>/dev/null | wc -l)
[ "$stored" -eq "$sessions" ] || { echo "the store holds $stored sessions, not $sessions" >&2; exit 1; }
id=3f1c2a9e-6b1d-4d8e-9f3a-000000000007
# one fresh record per import run, each a file of one session
mkdir -p "$work/one"
records 400 $((sessions + 16)) | awk -v dir="$work/one" '{ f = sprintf("%s/%03d.json", dir, NR); print > f; close(f) }'

# one run of a command: prints "wall_ms maxrss_kb"
run() {
  local t0 t1
  t0=$(date +%s%N)
  /usr/bin/time -f '%M' -o "$work/rss" "$@" >/dev/null 2>&1 </dev/null || true
  t1=$(date +%s%N)
  echo "$(((t1 - t0) / 1000000)) $(tail -1 "$work/rss")"
}
# the session up to its first prompt: wall time from exec to the prompt's line; then it is stopped
first_screen() {
  local t0 t1 line
  t0=$(date +%s%N)
  coproc SESSION { TDN_HOME=$work/practice exec "$tdn" session --training 2>&1; }
  while IFS= read -r line <&"${SESSION[0]}"; do
    [[ $line == *"Informed consent confirmed?"* ]] && break
  done
  t1=$(date +%s%N)
  kill "$SESSION_PID" 2>/dev/null; wait "$SESSION_PID" 2>/dev/null || true
  echo "$(((t1 - t0) / 1000000)) -"
}
# a real session answered as fast as it asks; the time from the last answer to the process's end
# (record written, fsynced, imported into the store) is the end of a session
end_of_session() {
  local line t0 t1
  coproc SESSION { exec "$tdn" session -p MRN-12345 -c pt-0042 -m "upper trapezius:left" 2>&1; }
  local pid=$SESSION_PID in=${SESSION[1]} out=${SESSION[0]}
  while IFS= read -r line <&"$out"; do
    case $line in
      *"Notes (Enter for none):"*) t0=$(date +%s%N); echo "" >&"$in"; break ;;
      *"Screening 1-"*|*"Site prep "*|*"muscle ["*|*"side, l/r"*|*"location (Enter"*|*"Insert the needle"*) echo "" >&"$in" ;;
      *"Dwell:"*|*"Cleanse the site"*|*"compression timer"*|*"Compressing"*|*"Sanitize"*) echo "" >&"$in" ;;
      *"Pain now"*) echo 5 >&"$in" ;;
      *"Reason:"*) echo 3 >&"$in" ;;
      *"Twitch response seen?"*) echo s >&"$in" ;;
      *"Adverse events seen"*) echo "" >&"$in" ;;
      *"Another trigger point?"*|*"Bleeding at the site?"*) echo n >&"$in" ;;
      *"[y/n]"*) echo y >&"$in" ;;
    esac
  done
  while IFS= read -r line <&"$out"; do :; done
  wait "$pid" 2>/dev/null || true
  t1=$(date +%s%N)
  echo "$(((t1 - t0) / 1000000)) -"
}
# the next one-record file to import; $work/next counts them
next_one() { local n; n=$(cat "$work/next" 2>/dev/null || echo 0); echo $((n + 1)) > "$work/next"; printf '%s/%03d.json' "$work/one" "$((n + 1))"; }
import_one() { run "$tdn" import "$(next_one)"; }

names=() commands=()
add() { names+=("$1"); shift; commands+=("$*"); }
if [ "$group" = one ] || [ "$group" = all ]; then
  add "--version" run "$tdn" --version
  add "--help" run "$tdn" --help
  add "validate FILE" run "$tdn" validate "$example"
  add "import one record (store of $sessions)" import_one
  add "show ID" run "$tdn" show "$id"
  add "list ($sessions)" run "$tdn" list
  add "export --format fhir --patient ($((sessions / 2000)) sessions)" run "$tdn" export --format fhir --patient MRN-00007
  add "protocol list" run "$tdn" protocol list
  add "session, to its first prompt" first_screen
  add "end of a session (last answer to exit)" end_of_session
fi
if [ "$group" = bulk ] || [ "$group" = all ]; then
  add "report progress --patient ($((sessions / 2000)) sessions)" run "$tdn" report progress --patient MRN-00007
  for kind in adherence adverse-events billing; do
    add "report $kind ($sessions)" run "$tdn" report "$kind"
  done
  for format in ndjson csv fhir; do
    add "export --format $format ($sessions)" run "$tdn" export --format "$format" -o "$work/out.$format"
  done
fi

for ((round = -1; round < runs; round++)); do
  for i in "${!names[@]}"; do
    read -r h _ < <(run "${hello[@]}")
    # shellcheck disable=SC2086
    read -r c rss < <(${commands[$i]})
    # the first round fills the page cache and is not counted
    if [ "$round" -ge 0 ]; then
      echo "$c" >> "$work/$i.ms"
      awk -v c="$c" -v h="$h" 'BEGIN { printf "%.3f\n", c / h }' >> "$work/$i.ratio"
      echo "$rss" >> "$work/$i.rss"
      echo "$h" >> "$work/hello.ms"
    fi
  done
done
median() { sort -g "$1" | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
echo "$(date -u +%F), $(nproc) cores, $runs rounds; hello-world median $(median "$work/hello.ms") ms"
printf '%-46s %9s %9s %10s\n' command "wall ms" "x hello" "max RSS"
for i in "${!names[@]}"; do
  # a session is timed through its pipe, not by /usr/bin/time: its memory is not measured
  rss=$(sort -n "$work/$i.rss" | tail -1)
  [ "$rss" = - ] && rss="-" || rss="$((rss / 1024)) MB"
  printf '%-46s %9s %8.2fx %10s\n' "${names[$i]}" "$(median "$work/$i.ms")" "$(median "$work/$i.ratio")" "$rss"
done
