# Starts and stops a throwaway PostgreSQL for benchmarks (sourced, not run).
# Uses the Debian/Ubuntu server binaries (apt-get install postgresql); set PG_BIN to use others.
# Durability stays on (fsync, synchronous_commit) so commits cost what they cost in production.

PG_BIN=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
BENCH_PORT=${BENCH_PORT:-$(( 50000 + RANDOM % 10000 ))}
BENCH_DATA=${BENCH_DATA:-$(mktemp -d /tmp/bench-pg.XXXXXX)}

as_postgres() {
  if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi
}

pg_start() {
  [ -x "$PG_BIN/pg_ctl" ] || { echo "bench needs a PostgreSQL server: apt-get install postgresql (or set PG_BIN)" >&2; exit 2; }
  command -v psql >/dev/null || { echo "bench needs psql: apt-get install postgresql-client" >&2; exit 2; }
  [ "$(id -u)" = 0 ] && chown postgres "$BENCH_DATA"
  as_postgres "'$PG_BIN/initdb' -D '$BENCH_DATA/data' -U postgres -A trust >/dev/null"
  as_postgres "'$PG_BIN/pg_ctl' -D '$BENCH_DATA/data' -o '-p $BENCH_PORT -k /tmp -c max_connections=50' -l '$BENCH_DATA/log' -w start >/dev/null"
  export PGHOST=localhost PGPORT=$BENCH_PORT PGUSER=postgres
}

pg_stop() {
  as_postgres "'$PG_BIN/pg_ctl' -D '$BENCH_DATA/data' -m fast -w stop >/dev/null" || true
  rm -rf "$BENCH_DATA"
}

# A fresh, empty database per run.
fresh_db() {
  psql -X -q -d postgres -c "drop database if exists $1" -c "create database $1" 2>/dev/null
}

# median of the numbers on stdin
median() {
  sort -g | awk '{a[NR]=$1} END {if (NR % 2) print a[(NR+1)/2]; else printf "%.3f\n", (a[NR/2]+a[NR/2+1])/2}'
}

now() { date +%s.%N; }
