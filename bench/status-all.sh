#!/usr/bin/env bash
# Issue 25's benchmark of the environment matrix: `status --all` over ENVS environments (default 100), each
# environments/<name>.properties naming a database of its own at the seed's head, against `status --fleet` over
# the same databases (the engine they share) and start-up (`help`), median of RUNS (default 5), interleaved.
# BASELINE=<other checkout>/bin/migrate adds that build's rows, same run.
#
# Needs: the project's tools (JDK, Maven wrapper), psql and a PostgreSQL server (Debian: apt-get install
# postgresql postgresql-client). Durability settings stay at their defaults.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/pg.sh
source bench/lib/variants.sh
ENVS=${ENVS:-100}
RUNS=${RUNS:-5}
MIGRATE=${MIGRATE:-bin/migrate}
BASELINE=${BASELINE:-}
export MIGRATE_RUNTIME=jvm

pg_start
work=$(mktemp -d /tmp/bench-status-all.XXXXXX)
trap 'pg_stop; rm -rf "$work"' EXIT
repo="$work/repo"
mkdir -p "$repo/scripts" "$repo/environments" "$repo/fleets"
cp migrations/scripts/*.sql "$repo/scripts/"
printf 'host=localhost\nport=%s\nusername=postgres\ndatabases=env_*\n' "$BENCH_PORT" > "$repo/fleets/envs.properties"
for i in $(seq -w 1 "$ENVS"); do
  echo "create database env_$i;"
  printf 'host=localhost\nport=%s\ndatabase=env_%s\nusername=postgres\nprotected=false\n' "$BENCH_PORT" "$i" \
    > "$repo/environments/env_$i.properties"
done | psql -X -q -d postgres
export POSTGRES_HOST=localhost POSTGRES_PORT=$BENCH_PORT POSTGRES_DB=env_$(printf "%0${#ENVS}d" 1) POSTGRES_USER=postgres \
  POSTGRES_PASSWORD=
"$MIGRATE" --path "$repo" up --fleet envs > /dev/null
# Every environment must show in the matrix, read, or the time means nothing.
"$MIGRATE" --path "$repo" status --all > "$work/matrix"
[ "$(grep -c unreachable "$work/matrix" || true)" = 0 ] || { cat "$work/matrix" >&2; exit 1; }
[ -z "$BASELINE" ] || "$BASELINE" --path "$repo" status --all > /dev/null

variants=(
  "status --all, $ENVS environments|$MIGRATE --path $repo status --all"
  "status --fleet, $ENVS databases|$MIGRATE --path $repo status --fleet envs"
  "start-up (help)|$MIGRATE --path $repo help"
)
[ -z "$BASELINE" ] || variants+=(
  "baseline: status --all|$BASELINE --path $repo status --all"
  "baseline: status --fleet|$BASELINE --path $repo status --fleet envs"
  "baseline: help|$BASELINE --path $repo help"
)
compare_variants "PostgreSQL $(psql -X -At -d postgres -c 'show server_version_num'), whole processes" "status --all"
