#!/usr/bin/env bash
# Nightly import of the treatment rooms' session records into the clinic store.
#
# Put it in the crontab of the account that owns the store, for example:
#   15 19 * * *  /opt/tdn/examples/cron-import.sh /srv/rooms /var/log/tdn
#
# ROOMS is searched for records (*.json, *.ndjson). Each run appends to LOGDIR/import.log and
# keeps the full JSON report of the run beside it. It exits non-zero when any record was
# rejected (65), an input was missing (66) or the store failed (74), so cron mails someone.
# Re-running is safe: records already in the store are reported as already present.
set -uo pipefail

rooms=${1:?usage: cron-import.sh ROOMS_DIR LOG_DIR}
logdir=${2:?usage: cron-import.sh ROOMS_DIR LOG_DIR}
tdn=${TDN:-tdn}

umask 077                      # the log names files and rules, never patients, but stays private
mkdir -p "$logdir"
stamp=$(date +%Y-%m-%dT%H:%M:%S%z)
report="$logdir/import-$(date +%Y%m%d-%H%M%S).json"

"$tdn" import --json "$rooms" > "$report"
status=$?

summary=$(sed -n 's/^  "\(imported\|alreadyPresent\|replaced\|rejected\)" : \([0-9]*\).*/\1=\2/p' "$report" | tr '\n' ' ')
printf '%s exit=%d %s report=%s\n' "$stamp" "$status" "$summary" "$report" >> "$logdir/import.log"

if [ "$status" -ne 0 ]; then
  echo "tdn import from $rooms finished with exit $status: $summary" >&2
  echo "problems are listed in $report" >&2
fi
exit "$status"
