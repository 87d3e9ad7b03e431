#!/usr/bin/env bash
# Issue 8's benchmark: `migrate up` of N tiny migrations (create a table and an index each) as a whole
# process, side by side with psql running the same SQL in one session (one transaction per migration
# plus the bookkeeping insert), on a fresh database each run; also `down` of all of them and `status`.
#
#   bench/up-throughput.sh            # N = 100, 1000, 5000; RUNS=3
#   RUNS=5 bench/up-throughput.sh 1000
#   BASELINE=/other/checkout/bin/migrate RUNS=5 bench/up-throughput.sh 1000
#                                     # adds the other build's `up` beside this one's, in the same run,
#                                     # each on a fresh database, their order alternating run by run
#   NATIVE=shell/target/migrate RUNS=3 bench/up-throughput.sh 1000
#                                     # adds the native executable's up and status (docs/native.md)
#
# Needs: the project's own tools (JDK, Maven wrapper), psql, and a PostgreSQL server
# (Debian: apt-get install postgresql postgresql-client). Durability settings stay at their defaults.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/pg.sh
source bench/lib/generate.sh

RUNS=${RUNS:-3}
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(100 1000 5000)
MIGRATE=${MIGRATE:-bin/migrate}
BASELINE=${BASELINE:-}
NATIVE=${NATIVE:-}
# bin/migrate would run a built native executable; its columns here are the JVM's.
export MIGRATE_RUNTIME=jvm

pg_start
trap pg_stop EXIT
export POSTGRES_HOST=localhost POSTGRES_PORT=$BENCH_PORT POSTGRES_USER=postgres POSTGRES_PASSWORD=unused
work=$(mktemp -d /tmp/bench-up.XXXXXX)
trap 'pg_stop; rm -rf "$work"' EXIT

"$MIGRATE" --version >/dev/null 2>&1 || "$MIGRATE" help >/dev/null   # build once, outside the timings
[ -z "$BASELINE" ] || "$BASELINE" --version >/dev/null 2>&1 || "$BASELINE" help >/dev/null
[ -z "$NATIVE" ] || "$NATIVE" --version >/dev/null

timed() { local t0 t1; t0=$(now); "$@" >/dev/null; t1=$(now); echo "$t1 - $t0" | bc; }

# up_with LAUNCHER DATABASE OUTFILE: `up` on a freshly made database (dropped and created again right
# before, so both builds get the same preparation), timed.
up_with() {
  fresh_db "$2"
  POSTGRES_DB=$2 timed "$1" --path "$repo" up >> "$3"
}

printf '%6s %10s %10s %7s %10s %10s %10s' N psql_up migrate_up ratio migrate_down status startup
[ -z "$BASELINE" ] || printf ' %11s %9s' baseline_up new/base
[ -z "$NATIVE" ] || printf ' %10s %7s %10s' native_up ratio native_stat
echo
for n in "${SIZES[@]}"; do
  repo="$work/repo-$n"
  generate_repo "$repo" "$n"
  psql_equivalent "$repo" "$n"
  : > "$work/psql" ; : > "$work/up" ; : > "$work/down" ; : > "$work/status" ; : > "$work/startup"
  : > "$work/baseline" ; : > "$work/native" ; : > "$work/native_status"
  for run in $(seq "$RUNS"); do
    fresh_db bench_psql
    timed psql -X -q -v ON_ERROR_STOP=1 -d bench_psql -f "$repo/psql-equivalent.sql" >> "$work/psql"
    # With a baseline, the two builds take turns going first.
    if [ -n "$BASELINE" ] && [ $((run % 2)) = 1 ]; then up_with "$BASELINE" bench_baseline "$work/baseline"; fi
    up_with "$MIGRATE" bench_migrate "$work/up"
    if [ -n "$BASELINE" ] && [ $((run % 2)) = 0 ]; then up_with "$BASELINE" bench_baseline "$work/baseline"; fi
    if [ -n "$NATIVE" ]; then
      up_with "$NATIVE" bench_native "$work/native"
      POSTGRES_DB=bench_native timed "$NATIVE" --path "$repo" status >> "$work/native_status"
    fi
    POSTGRES_DB=bench_migrate timed "$MIGRATE" --path "$repo" status >> "$work/status"
    POSTGRES_DB=bench_migrate timed "$MIGRATE" --path "$repo" help >> "$work/startup"
    POSTGRES_DB=bench_migrate timed "$MIGRATE" --path "$repo" down --to base --yes >> "$work/down"
    [ "$(psql -X -At -d bench_migrate -c "select count(*) from pg_tables where tablename like 'bench_%'")" = 0 ] \
      || { echo "down left tables behind" >&2; exit 1; }
  done
  p=$(median < "$work/psql"); u=$(median < "$work/up"); d=$(median < "$work/down")
  s=$(median < "$work/status"); st=$(median < "$work/startup")
  printf '%6s %10.3f %10.3f %7.2f %10.3f %10.3f %10.3f' "$n" "$p" "$u" "$(echo "$u / $p" | bc -l)" "$d" "$s" "$st"
  if [ -n "$BASELINE" ]; then
    b=$(median < "$work/baseline")
    printf ' %11.3f %9.3f' "$b" "$(echo "$u / $b" | bc -l)"
  fi
  if [ -n "$NATIVE" ]; then
    nu=$(median < "$work/native")
    printf ' %10.3f %7.2f %10.3f' "$nu" "$(echo "$nu / $p" | bc -l)" "$(median < "$work/native_status")"
  fi
  echo
done
echo "medians of $RUNS runs, seconds; ratio = migrate_up / psql_up (native: native_up / psql_up);" \
  "status work past start-up = status - startup"
