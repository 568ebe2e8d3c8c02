#!/usr/bin/env bash
# Drives a whole two-point dry needling session through a pipe, as a clinic's script or a
# training exercise would: the second point has a weak twitch, so its dwell window is extended
# to 2-3 minutes. The clock runs 30 times faster (--time-scale 30, which marks the record as
# training), so the session takes about ten seconds.
#
# Run from the repository root after `mvn -B -q -DskipTests package`. Records go under
# $TDN_HOME (default: a new temporary folder). The record's path is the last line printed.
#
# The script answers each prompt only once tdn has asked it (see examples/scripted-session.md
# for every prompt and the answers it accepts), and times the dwell and compression with
# `sleep` from the moment tdn says the timer started.
set -euo pipefail

JAR=${TDN_JAR:-target/tdn.jar}
export TDN_HOME=${TDN_HOME:-$(mktemp -d)}
SCALE=30

coproc TDN { exec java -jar "$JAR" session -p MRN-12345 -c pt-0042 \
    -m "upper trapezius:left" -m "levator scapulae:right" --time-scale "$SCALE" 2>&1; }
exec 3<&"${TDN[0]}" 4>&"${TDN[1]}"
# bash unsets TDN_PID as soon as the coprocess ends, which may be before the wait below
tdn_pid=$TDN_PID

# Print tdn's lines until one contains $1, then send $2 as the answer.
answer() {
  local line
  while IFS= read -r line <&3; do
    printf '%s\n' "$line"
    if [[ $line == *"$1"* ]]; then
      printf '%s\n' "$2" >&4
      printf '> %s\n' "$2"
      return 0
    fi
  done
  echo "scripted-session: tdn ended before asking: $1" >&2
  exit 1
}

# Print tdn's lines until one contains $1 (nothing to answer).
await() {
  local line
  while IFS= read -r line <&3; do
    printf '%s\n' "$line"
    [[ $line == *"$1"* ]] && return 0
  done
  echo "scripted-session: tdn ended before saying: $1" >&2
  exit 1
}

# Session seconds to real seconds at this clock scale.
wait_session_seconds() { sleep "$(awk -v s="$1" -v k="$SCALE" 'BEGIN { printf "%.3f", s / k }')"; }

answer "Informed consent confirmed?" y
answer "scope of practice" y
answer "Screening 1-15" ""                   # the checklist: none of the items applies
answer "Pain now, 0-10" 6
for _ in 1 2 3 4; do answer "Site prep " ""; done

# Point 1: upper trapezius, strong twitch, 45 s dwell, 40 s compression.
answer "Point 1: muscle" ""                 # accept the planned muscle
answer "Point 1: side" ""                   # and its side
answer "Point 1: location" ""
answer "reproduces the patient's pain" y
answer "pain referred elsewhere" y
answer "Insert the needle" "dynamic"
await "Dwell timer started"
wait_session_seconds 8
answer "Dwell:" s
wait_session_seconds 37
answer "Dwell:" ""                          # needle out at about 45 s
answer "Cleanse the site" ""
answer "Enter to start the compression timer" ""
await "Compression timer started"
wait_session_seconds 40
answer "Compressing" ""
answer "Bleeding at the site?" n
answer "Another trigger point?" y

# Point 2: levator scapulae, weak twitch at 50 s extends the window to 2-3 min; out at 150 s.
answer "Point 2: muscle" ""
answer "Point 2: side" ""
answer "Point 2: location" "superior angle of scapula"
answer "reproduces the patient's pain" y
answer "pain referred elsewhere" n
answer "Insert the needle" ""                # static, 10 mm, one needle
await "Dwell timer started"
wait_session_seconds 50
answer "Dwell:" w
await "the window is now 2:00-3:00"
wait_session_seconds 100
answer "Dwell:" ""                          # needle out at about 150 s: inside 2:00-3:00
answer "Cleanse the site" ""
answer "Enter to start the compression timer" ""
await "Compression timer started"
wait_session_seconds 45
answer "Compressing" ""
answer "Bleeding at the site?" y
answer "Bandage applied?" y
answer "Another trigger point?" n

answer "Sanitize your hands" ""
answer "Pain now, 0-10" 3
answer "Adverse events seen" "soreness"
answer "Aftercare advice given" y
answer "Notes" "Scripted training session."

# The rest: the summary and the record's path.
while IFS= read -r line <&3; do printf '%s\n' "$line"; done
wait "$tdn_pid"
