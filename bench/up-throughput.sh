#!/usr/bin/env bash
# Issue 8's benchmark: `migrate up` of N tiny migrations (create a table and an index each) as a whole
# process, side by side with psql running the same SQL in one session (one transaction per migration
# plus the bookkeeping insert), on a fresh database each run; also `down` of all of them and `status`.
#
#   bench/up-throughput.sh            # N = 100, 1000, 5000; RUNS=3
#   RUNS=5 bench/up-throughput.sh 1000
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

pg_start
trap pg_stop EXIT
export POSTGRES_HOST=localhost POSTGRES_PORT=$BENCH_PORT POSTGRES_USER=postgres POSTGRES_PASSWORD=unused
work=$(mktemp -d /tmp/bench-up.XXXXXX)
trap 'pg_stop; rm -rf "$work"' EXIT

"$MIGRATE" --version >/dev/null 2>&1 || "$MIGRATE" help >/dev/null   # build once, outside the timings

timed() { local t0 t1; t0=$(now); "$@" >/dev/null; t1=$(now); echo "$t1 - $t0" | bc; }

printf '%6s %10s %10s %7s %10s %10s %10s\n' N psql_up migrate_up ratio migrate_down status startup
for n in "${SIZES[@]}"; do
  repo="$work/repo-$n"
  generate_repo "$repo" "$n"
  psql_equivalent "$repo" "$n"
  : > "$work/psql" ; : > "$work/up" ; : > "$work/down" ; : > "$work/status" ; : > "$work/startup"
  for run in $(seq "$RUNS"); do
    fresh_db bench_psql
    timed psql -X -q -v ON_ERROR_STOP=1 -d bench_psql -f "$repo/psql-equivalent.sql" >> "$work/psql"
    fresh_db bench_migrate
    POSTGRES_DB=bench_migrate timed "$MIGRATE" --path "$repo" up >> "$work/up"
    POSTGRES_DB=bench_migrate timed "$MIGRATE" --path "$repo" status >> "$work/status"
    POSTGRES_DB=bench_migrate timed "$MIGRATE" --path "$repo" help >> "$work/startup"
    POSTGRES_DB=bench_migrate timed "$MIGRATE" --path "$repo" down --to base --yes >> "$work/down"
    [ "$(psql -X -At -d bench_migrate -c "select count(*) from pg_tables where tablename like 'bench_%'")" = 0 ] \
      || { echo "down left tables behind" >&2; exit 1; }
  done
  p=$(median < "$work/psql"); u=$(median < "$work/up"); d=$(median < "$work/down")
  s=$(median < "$work/status"); st=$(median < "$work/startup")
  printf '%6s %10.3f %10.3f %7.2f %10.3f %10.3f %10.3f\n' "$n" "$p" "$u" "$(echo "$u / $p" | bc -l)" "$d" "$s" "$st"
done
echo "medians of $RUNS runs, seconds; ratio = migrate_up / psql_up; status work past start-up = status - startup"
