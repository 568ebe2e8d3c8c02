#!/usr/bin/env bash
# Nightly export of one day's sessions for the clinic's other systems: FHIR for the EHR, CSV for
# the spreadsheet audit, and an NDJSON copy of every record of the day as a backup that
# `tdn import -` reads back.
#
# Put it in cron after the import, for example:
#   45 19 * * *  /opt/tdn/examples/nightly-export.sh /srv/exports /var/log/tdn
#
# DAY (third argument, YYYY-MM-DD) defaults to today. Files are OUT_DIR/DAY.fhir.json,
# DAY.csv and DAY.ndjson, each written whole or not at all (0600). One line per run goes to
# LOG_DIR/export.log: the day, the exit code of each export, never a patient identifier. It
# exits with the first non-zero code (66: no store, 74: the store or a file failed), so cron
# mails someone. Re-running replaces the day's files.
set -uo pipefail

out=${1:?usage: nightly-export.sh OUT_DIR LOG_DIR [DAY]}
logdir=${2:?usage: nightly-export.sh OUT_DIR LOG_DIR [DAY]}
day=${3:-$(date +%F)}
next=$(date -d "$day + 1 day" +%F) || { echo "nightly-export.sh: $day is not a date (YYYY-MM-DD)" >&2; exit 2; }
tdn=${TDN:-tdn}

umask 077
mkdir -p "$logdir"
line="$(date +%Y-%m-%dT%H:%M:%S%z) day=$day"
status=0
for format in fhir csv ndjson; do
  case $format in fhir) file=$out/$day.fhir.json ;; *) file=$out/$day.$format ;; esac
  "$tdn" export --format "$format" --since "$day" --until "$next" -o "$file" 2>> "$logdir/export-errors.log"
  code=$?
  line="$line $format=$code"
  if [ "$code" -ne 0 ] && [ "$status" -eq 0 ]; then
    status=$code
  fi
done
echo "$line" >> "$logdir/export.log"
if [ "$status" -ne 0 ]; then
  echo "tdn export for $day finished with exit $status; see $logdir/export-errors.log" >&2
fi
exit "$status"
