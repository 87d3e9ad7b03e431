#!/usr/bin/env bash
# Issue 18's benchmark: fleets on the local server. 100 databases and 1,000 schemas (one database), each the
# seed's schema (the project's scripts) one migration behind, then in one invocation:
#   - `status --fleet` over the 100 databases, and over the 1,000 schemas, against start-up (`help`);
#   - `up --fleet` of the one migration over the 1,000 schemas (and over the 100 databases), with its
#     maximum resident memory (/usr/bin/time);
#   - what users do today, a shell loop of `bin/migrate up` per schema (POSTGRES_SCHEMA=...), and the same loop
#     with the MyBatis CLI 3.5.0 (its URL with currentSchema=...). A loop over 1,000 schemas takes a quarter of
#     an hour, so each loop runs on SAMPLE schemas of their own (default 50), every `up` timed alone, and the
#     median per schema is multiplied by 1,000: said so in the output.
# Medians of RUNS (default 5) for what can be repeated; `up --fleet` is repeated after a `down --fleet`.
#
# Needs: the project's tools (JDK, Maven wrapper), psql, a PostgreSQL server (Debian: apt-get install postgresql
# postgresql-client) and /usr/bin/time (apt-get install time). Downloads the MyBatis CLI bundle from Maven
# Central into bench/.work/ (not committed). Durability settings stay at their defaults.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/pg.sh
SCHEMAS=${SCHEMAS:-1000}
DATABASES=${DATABASES:-100}
SAMPLE=${SAMPLE:-50}
RUNS=${RUNS:-5}
MIGRATE=bin/migrate

source bench/lib/mybatis.sh
mybatis_cli
mybatis=$MYBATIS_CLI

pg_start
work=$(mktemp -d /tmp/bench-fleet.XXXXXX)
trap 'pg_stop; rm -rf "$work"' EXIT

# The repository: the seed's scripts and one migration more, which every member is behind by.
repo="$work/repo"
mkdir -p "$repo/scripts" "$repo/fleets"
cp migrations/scripts/*.sql "$repo/scripts/"
seed_head=$(ls "$repo/scripts" | sort | tail -1 | cut -d_ -f1)
cat > "$repo/scripts/29990101000000_Add_audit_log.sql" <<'SQL'
-- // Add audit log
CREATE TABLE audit_log (id BIGSERIAL PRIMARY KEY, user_id BIGINT NOT NULL, action VARCHAR(50) NOT NULL,
  at TIMESTAMPTZ NOT NULL DEFAULT now());
CREATE INDEX ix_audit_log_user ON audit_log (user_id);
-- //@UNDO
DROP TABLE audit_log;
SQL
fleet() { printf 'host=localhost\nport=%s\nusername=postgres\n%s\n' "$BENCH_PORT" "$2" > "$repo/fleets/$1.properties"; }
fleet shops "databases=shop_*"
fleet tenants "database=saas
schemas=tenant_*"
fleet setup "database=saas
schemas=tenant_*,loop_*"
export POSTGRES_HOST=localhost POSTGRES_PORT=$BENCH_PORT POSTGRES_DB=saas POSTGRES_USER=postgres POSTGRES_PASSWORD=

echo "Setting up $DATABASES databases and $SCHEMAS schemas (+ 2 x $SAMPLE for the loops) at $seed_head..." >&2
fresh_db saas
{
  for i in $(seq -w 1 "$SCHEMAS"); do echo "create schema tenant_$i;"; done
  for i in $(seq -w 1 "$SAMPLE"); do echo "create schema loop_ours_$i; create schema loop_mybatis_$i;"; done
} | psql -X -q -d saas
for i in $(seq -w 1 "$DATABASES"); do echo "create database shop_$i;"; done | psql -X -q -d postgres
$MIGRATE --path "$repo" up --fleet setup --to "$seed_head" > /dev/null
$MIGRATE --path "$repo" up --fleet shops --to "$seed_head" > /dev/null

# The MyBatis CLI reads its connection from environments/ and its driver from drivers/: a repository of its own.
mybatis_repo="$work/mybatis"
mkdir -p "$mybatis_repo/environments"
cp -r "$repo/scripts" "$mybatis_repo/"
mybatis_drivers "$mybatis_repo"

seconds() { /usr/bin/time -f %e -o "$work/t" "$@" > /dev/null 2>&1 || true; cat "$work/t"; }
median_of() { for _ in $(seq "$RUNS"); do seconds "$@"; done | median; }

startup=$(median_of $MIGRATE --path "$repo" help)
status_dbs=$(median_of $MIGRATE --path "$repo" status --fleet shops)
status_schemas=$(median_of $MIGRATE --path "$repo" status --fleet tenants)

: > "$work/up"
for _ in $(seq "$RUNS"); do
  /usr/bin/time -f "%e %M" -o "$work/t" $MIGRATE --path "$repo" up --fleet tenants > "$work/up.out" \
    || { cat "$work/up.out" >&2; exit 1; }
  grep -q "^applied " "$work/up.out" && ! grep -q "^up to date " "$work/up.out" || { cat "$work/up.out" >&2; exit 1; }
  cat "$work/t" >> "$work/up"
  $MIGRATE --path "$repo" down --fleet tenants > /dev/null
done
up_schemas=$(cut -d' ' -f1 "$work/up" | median)
up_rss=$(cut -d' ' -f2 "$work/up" | sort -n | tail -1)
up_dbs=$(/usr/bin/time -f %e -o "$work/t" $MIGRATE --path "$repo" up --fleet shops > /dev/null; cat "$work/t")

: > "$work/ours.times"
: > "$work/theirs.times"
for i in $(seq -w 1 "$SAMPLE"); do
  seconds env POSTGRES_SCHEMA="loop_ours_$i" $MIGRATE --path "$repo" up >> "$work/ours.times"
  printf 'driver=org.postgresql.Driver\nurl=jdbc:postgresql://localhost:%s/saas?currentSchema=loop_mybatis_%s\nusername=postgres\npassword=\nchangelog=changelog\n' \
    "$BENCH_PORT" "$i" > "$mybatis_repo/environments/development.properties"
  seconds "$mybatis" --path="$mybatis_repo" up >> "$work/theirs.times"
done
# Every loop member must have ended at the new migration, or the loop's times mean nothing.
behind=$(psql -X -At -d saas -c "select count(*) from pg_namespace n where nspname like 'loop%'
  and not exists (select 1 from pg_class c where c.relnamespace = n.oid and c.relname = 'audit_log')")
[ "$behind" = 0 ] || { echo "$behind loop schemas did not reach the new migration" >&2; exit 1; }
ours=$(median < "$work/ours.times")
theirs=$(median < "$work/theirs.times")

printf '\n%-58s %10s\n' "fleets, PostgreSQL $(psql -X -At -d postgres -c 'show server_version')" "seconds"
printf '%-58s %10.2f\n' "start-up (help), median of $RUNS" "$startup"
printf '%-58s %10.2f   (%.2f past start-up)\n' "status --fleet, $DATABASES databases, median of $RUNS" "$status_dbs" \
  "$(echo "$status_dbs - $startup" | bc -l)"
printf '%-58s %10.2f   (%.2f past start-up)\n' "status --fleet, $SCHEMAS schemas, median of $RUNS" "$status_schemas" \
  "$(echo "$status_schemas - $startup" | bc -l)"
printf '%-58s %10.2f   (max RSS %d MB)\n' "up --fleet, 1 migration x $SCHEMAS schemas, median of $RUNS" "$up_schemas" \
  "$((up_rss / 1024))"
printf '%-58s %10.2f\n' "up --fleet, 1 migration x $DATABASES databases, one run" "$up_dbs"
printf '%-58s %10.2f   (median %.3f s per schema x %d; %d timed)\n' "loop of bin/migrate up, per schema" \
  "$(echo "$ours * $SCHEMAS" | bc -l)" "$ours" "$SCHEMAS" "$SAMPLE"
printf '%-58s %10.2f   (median %.3f s per schema x %d; %d timed)\n' "loop of MyBatis CLI 3.5.0 up, per schema" \
  "$(echo "$theirs * $SCHEMAS" | bc -l)" "$theirs" "$SCHEMAS" "$SAMPLE"
printf '%-58s %9.0fx / %.0fx\n' "up --fleet faster than the loops (bin/migrate / MyBatis)" \
  "$(echo "$ours * $SCHEMAS / $up_schemas" | bc -l)" "$(echo "$theirs * $SCHEMAS / $up_schemas" | bc -l)"
