#!/usr/bin/env bash
# The crash campaign of issue 12 at full length: CrashIT's harness (real `tdn session` processes
# in plain lines, killed with -9 just after a random acknowledged answer or while the last answer's
# record is written, then `tdn recover`), with KILLS kills instead of the suite's 12.
#
#   bash src/bench/crash/crash.sh [KILLS] [SEED]      # default 200 kills, seed 20261202
#
# Run from the repository root. It builds the jar, then runs only CrashIT; the result (every
# recovered record valid and holding every acknowledged answer, or the first trial that did
# not) is in the Maven output and in target/failsafe-reports/dev.tdn.CrashIT.txt.
set -euo pipefail
KILLS=${1:-200}
SEED=${2:-20261202}
start=$(date +%s)
mvn -B -q -DskipTests package
mvn -B verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=CrashIT \
    -Dcrash.kills="$KILLS" -Dcrash.seed="$SEED" | grep -E "Tests run:|FAIL|BUILD"
echo "crash campaign: $KILLS kills, seed $SEED, $(( $(date +%s) - start )) s"
