#!/usr/bin/env bash
# Issue 25's native check and benchmark: builds the console's native executable (GraalVM's native-image when
# on the PATH or under GRAALVM_HOME, else the Native Image stand-in kept beside the checkout:
# ../shared/tools/native-standin, test tooling, never shipped), then
#   1. runs --version, help, status, up, history, down and check against a throw-away PostgreSQL, with the
#      packaged scripts and with --path, and checks each exit code, its output and the changelog table;
#   2. times native `status` of N migrations (default 1000, up to date) against the MyBatis CLI 3.5.0's, paired
#      (one of each, back to back, in alternating order), RUNS pairs (default 5): medians and the median ratio.
# NATIVE=path/to/executable skips the build. Exit 1 when a check fails; the figures are printed either way.
#
# Needs: psql and a PostgreSQL server (Debian: apt-get install postgresql postgresql-client), /usr/bin/time,
# and for the stand-in gcc, zlib1g-dev, Temurin 25 and ~4.5 GB of memory (4-6 minutes on two cores).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
source bench/lib/pg.sh
source bench/lib/generate.sh
source bench/lib/mybatis.sh
source bench/lib/native.sh
N=${1:-1000}
RUNS=${RUNS:-5}

if [ -z "${NATIVE:-}" ]; then
  build_native || { echo "native.sh: set NATIVE to an executable, or GRAALVM_HOME" >&2; exit 2; }
  NATIVE=$root/shell/target/migrate
fi
NATIVE=$(realpath "$NATIVE")
mybatis_cli

pg_start
work=$(mktemp -d /tmp/bench-native.XXXXXX)
trap 'pg_stop; rm -rf "$work"' EXIT
export POSTGRES_HOST=localhost POSTGRES_PORT=$BENCH_PORT POSTGRES_USER=postgres POSTGRES_PASSWORD=

failures=0
# expect LABEL CODE PATTERN -- COMMAND...: runs COMMAND from $work (no migrations/ there: the packaged scripts
# unless --path), checks its exit code and that its stdout+stderr matches the extended regex PATTERN.
expect() {
  local label=$1 code=$2 pattern=$3 actual=0
  shift 4
  (cd "$work" && "$@") > "$work/out" 2>&1 || actual=$?
  if [ "$actual" = "$code" ] && grep -Eq -- "$pattern" "$work/out"; then
    printf 'ok    %s\n' "$label"
  else
    printf 'FAIL  %s: exit %s (expected %s), output:\n' "$label" "$actual" "$code"
    sed 's/^/      /' "$work/out" | head -20
    failures=$((failures + 1))
  fi
}
# applied DB: the changelog's row count
applied() { psql -X -At -d "$1" -c 'select count(*) from changelog'; }
# equals LABEL ACTUAL EXPECTED
equals() {
  if [ "$2" = "$3" ]; then printf 'ok    %s\n' "$1"; else printf 'FAIL  %s: %s, expected %s\n' "$1" "$2" "$3"; failures=$((failures + 1)); fi
}

echo "== checks: $NATIVE"
packaged=$(ls migrations/scripts/*.sql | grep -Ecv '/(bootstrap|onabort)\.sql$')
fresh_db native_packaged
export POSTGRES_DB=native_packaged
expect "--version says native" 0 '\(native\)' -- "$NATIVE" --version
expect "help lists the commands" 0 'status' -- "$NATIVE" help
expect "status of the packaged scripts, all pending" 0 'pending' -- "$NATIVE" status
expect "up applies the packaged scripts" 0 '.' -- "$NATIVE" up
equals "changelog rows after up (packaged)" "$(applied native_packaged)" "$packaged"
expect "history lists what was applied" 0 'Initial' -- "$NATIVE" history
expect "check: the models match the database" 0 '.' -- "$NATIVE" check
expect "check --models <package> (no class path scan in an image)" 0 '.' -- "$NATIVE" check --models com.authservice.domain
expect "down undoes one" 0 '.' -- "$NATIVE" down
equals "changelog rows after down (packaged)" "$(applied native_packaged)" "$((packaged - 1))"

repo="$work/repo"
generate_repo "$repo" "$N"
fresh_db native_path
export POSTGRES_DB=native_path
expect "up --path applies $N + 1" 0 '.' -- "$NATIVE" --path "$repo" up
equals "changelog rows after up (--path)" "$(applied native_path)" "$((N + 1))"
expect "status --path" 0 'bench table' -- "$NATIVE" --path "$repo" status
expect "history --path" 0 'bench table' -- "$NATIVE" --path "$repo" history
expect "down --path" 0 '.' -- "$NATIVE" --path "$repo" down
equals "changelog rows after down (--path)" "$(applied native_path)" "$N"
expect "up --path applies the last again" 0 '.' -- "$NATIVE" --path "$repo" up
expect "a refused connection: exit 1, one line naming the fix" 1 'Cannot connect to PostgreSQL at localhost:1' -- \
  env POSTGRES_PORT=1 "$NATIVE" --path "$repo" status
equals "a refused connection: lines printed (no stack trace)" "$(wc -l < "$work/out")" 1
expect "a usage error: exit 2" 2 '.' -- "$NATIVE" --path "$repo" no-such-command

echo "== status of $N migrations: native vs MyBatis CLI 3.5.0, $RUNS pairs"
mkdir -p "$repo/environments"
mybatis_drivers "$repo"
printf 'driver=org.postgresql.Driver\nurl=jdbc:postgresql://localhost:%s/native_path\nusername=postgres\npassword=\nchangelog=changelog\n' \
  "$BENCH_PORT" > "$repo/environments/development.properties"
timed() {   # timed FILE COMMAND...: appends wall seconds to FILE (and user+system CPU seconds to FILE.cpu)
  local file=$1
  shift
  /usr/bin/time -f '%e %U %S' -o "$work/t" "$@" > /dev/null 2>&1 || { echo "FAIL  timed run: $*"; failures=$((failures + 1)); }
  read -r wall user sys < "$work/t"
  echo "$wall" >> "$file"
  echo "$user + $sys" | bc >> "$file.cpu"
}
"$NATIVE" --path "$repo" status > /dev/null; $MYBATIS_CLI --path="$repo" status > /dev/null   # warm the page cache
: > "$work/native"; : > "$work/mybatis"; : > "$work/ratios"; : > "$work/version"; : > "$work/help"
for run in $(seq "$RUNS"); do
  if [ $((run % 2)) = 1 ]; then
    timed "$work/native" "$NATIVE" --path "$repo" status; timed "$work/mybatis" $MYBATIS_CLI --path="$repo" status
  else
    timed "$work/mybatis" $MYBATIS_CLI --path="$repo" status; timed "$work/native" "$NATIVE" --path "$repo" status
  fi
  echo "$(tail -1 "$work/native") / $(tail -1 "$work/mybatis")" | bc -l >> "$work/ratios"
  timed "$work/version" "$NATIVE" --version
  timed "$work/help" "$NATIVE" help
done
printf '%-32s %9s %9s\n' "first command" "wall s" "CPU s"
printf '%-32s %9.3f %9.3f\n' "MyBatis CLI 3.5.0 status" "$(median < "$work/mybatis")" "$(median < "$work/mybatis.cpu")"
printf '%-32s %9.3f %9.3f\n' "native status" "$(median < "$work/native")" "$(median < "$work/native.cpu")"
printf '%-32s %9.3f %9.3f\n' "native --version" "$(median < "$work/version")" "$(median < "$work/version.cpu")"
printf '%-32s %9.3f %9.3f\n' "native help" "$(median < "$work/help")" "$(median < "$work/help.cpu")"
ratio=$(median < "$work/ratios")
printf 'native/MyBatis status, median of %s paired ratios: %.2f (goal <= 0.35: %s)\n' "$RUNS" "$ratio" \
  "$(echo "$ratio <= 0.35" | bc -l | sed 's/1/met/;s/0/not met/')"
echo "== $failures failed check(s)"
[ "$failures" = 0 ]
