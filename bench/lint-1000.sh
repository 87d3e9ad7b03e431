#!/usr/bin/env bash
# Issue 15's benchmark: `migrate lint` of N generated scripts (default 1,000: a table and an index each,
# bench/lib/generate.sh) and its share of `up`'s time for the same scripts, in the same run.
#
#   bench/lint-1000.sh                # N = 1000, RUNS=3
#   RUNS=5 bench/lint-1000.sh 5000
#
# lint's own work is `lint` minus `status` (both start the JVM, connect and read the changelog; lint also
# reads the catalog and parses every statement). `up` lints the same scripts before it runs them, so
# share = lint's work / `up`. Each `up` gets a fresh database; `lint` and `status` run on a fresh one too,
# where every script is pending, as before that `up`.
#
# Needs: the project's own tools (JDK, Maven wrapper), psql, and a PostgreSQL server
# (Debian: apt-get install postgresql postgresql-client).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/pg.sh
source bench/lib/generate.sh

RUNS=${RUNS:-3}
N=${1:-1000}
MIGRATE=${MIGRATE:-bin/migrate}

pg_start
export POSTGRES_HOST=localhost POSTGRES_PORT=$BENCH_PORT POSTGRES_USER=postgres POSTGRES_PASSWORD=unused
work=$(mktemp -d /tmp/bench-lint.XXXXXX)
trap 'pg_stop; rm -rf "$work"' EXIT

"$MIGRATE" --version >/dev/null 2>&1 || "$MIGRATE" help >/dev/null   # build once, outside the timings

timed() { local t0 t1; t0=$(now); "$@" >/dev/null 2>&1; t1=$(now); echo "$t1 - $t0" | bc; }

repo="$work/repo"
generate_repo "$repo" "$N"
: > "$work/status" ; : > "$work/lint" ; : > "$work/up"
for run in $(seq "$RUNS"); do
  fresh_db bench_lint
  POSTGRES_DB=bench_lint timed "$MIGRATE" --path "$repo" status >> "$work/status"
  POSTGRES_DB=bench_lint timed "$MIGRATE" --path "$repo" lint >> "$work/lint"
  POSTGRES_DB=bench_lint timed "$MIGRATE" --path "$repo" up >> "$work/up"
done
s=$(median < "$work/status"); l=$(median < "$work/lint"); u=$(median < "$work/up")
work_s=$(echo "$l - $s" | bc -l)
printf '%6s %10s %10s %10s %10s %7s\n' N status lint lint_work up share
printf '%6s %10.3f %10.3f %10.3f %10.3f %6.1f%%\n' "$((N + 1))" "$s" "$l" "$work_s" "$u" \
  "$(echo "100 * $work_s / $u" | bc -l)"
echo "medians of $RUNS runs, seconds (whole processes); lint_work = lint - status; share = lint_work / up"
