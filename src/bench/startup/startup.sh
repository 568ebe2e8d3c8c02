#!/usr/bin/env bash
# Start-up of tdn's quick commands against a hello-world Java program started the same way
# (same JVM, same flags, with and without a class-data-sharing archive), measured in one run.
# Targets (issue 6): `tdn --version` and `tdn completion bash` within 2x of hello-world;
# `tdn list` on a 10,000-session store within 4x.
#
# Usage, from the repository root after `mvn -B -q -DskipTests package`:
#   bash src/bench/startup/startup.sh [RUNS]
set -euo pipefail
runs=${1:-20}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# hello-world, started with the launcher's JVM options ($jvm)
. src/bench/hello-world.sh
gc=$jvm

tar -xzf target/tdn-*.tar.gz -C "$work"
tdn=$(echo "$work"/tdn-*/bin/tdn)
"$tdn" --create-cds-archive >/dev/null

hello_world "$work/hello"

# a 10,000-session store, seeded through tdn import from the example record under new ids
export TDN_HOME="$work/home"
line=$(tr -d '\n' < examples/sessions/2026-11-26_3f1c2a9e-6b1d-4d8e-9f3a-0c2b1e7d5a44.json | tr -s ' ')
awk -v line="$line" 'BEGIN { at = index(line, "0c2b1e7d5a44"); head = substr(line, 1, at - 1)
  tail = substr(line, at + 12); for (i = 0; i < 10000; i++) printf "%s%012x%s\n", head, i, tail }' > "$work/seed.ndjson"
"$tdn" import "$work/seed.ndjson" 2>&1 | tail -1

# The commands take turns, round after round, and each one's median is reported: a machine that
# is busier for a while slows every command alike instead of whichever was being measured then.
names=(hello hello_plain version completion version_jar list)
commands=(
  "java $gc -XX:SharedArchiveFile=$work/hello/hello.jsa -Xlog:cds=off -jar $work/hello/hello.jar"
  "java $gc -Xlog:cds=off -jar $work/hello/hello.jar"
  "$tdn --version"
  "$tdn completion bash"
  "java $gc -jar target/tdn.jar --version"
  "$tdn list")
for ((round = -2; round < runs; round++)); do
  for i in "${!names[@]}"; do
    start=$(date +%s%N)
    ${commands[$i]} >/dev/null 2>&1 || true
    end=$(date +%s%N)
    # two warm-up rounds fill the page cache and are not counted
    if [ "$round" -ge 0 ]; then
      echo $(((end - start) / 1000000)) >> "$work/${names[$i]}.ms"
    fi
  done
done
median_ms() { sort -n "$work/$1.ms" | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
hello=$(median_ms hello)
hello_plain=$(median_ms hello_plain)
version=$(median_ms version)
completion=$(median_ms completion)
version_jar=$(median_ms version_jar)
list=$(median_ms list)

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2fx", a / b }'; }
echo "medians of $runs rounds"
printf '%-52s %6s ms\n' "hello-world java -jar, with its CDS archive" "$hello"
printf '%-52s %6s ms\n' "hello-world java -jar, default CDS only" "$hello_plain"
printf '%-52s %6s ms  %s of hello-world (target 2x)\n' "bin/tdn --version (archive)" "$version" "$(ratio "$version" "$hello")"
printf '%-52s %6s ms  %s of hello-world (target 2x)\n' "bin/tdn completion bash (archive)" "$completion" "$(ratio "$completion" "$hello")"
printf '%-52s %6s ms  %s of hello-world without archive\n' "java -jar target/tdn.jar --version (no archive)" "$version_jar" "$(ratio "$version_jar" "$hello_plain")"
printf '%-52s %6s ms  %s of hello-world (target 4x)\n' "bin/tdn list, 10,000 sessions (archive)" "$list" "$(ratio "$list" "$hello")"
