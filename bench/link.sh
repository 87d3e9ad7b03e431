#!/usr/bin/env bash
# Issue 25's benchmark: migration tools across a network link, side by side in one run. At each round trip of
# RTTS (default "2 40" ms, made by the latency proxy: a fixed one-way delay of half of it), every tool runs
# `up` of the same tiny migrations (a table and an index each) on a fresh database, then its `status` on that
# database: psql (`psql -f` of the same SQL, one transaction per migration plus the changelog row), the MyBatis
# CLI 3.5.0, Flyway 13.12.2, Liquibase 4.33.0 and this console on the JVM. The order of the tools rotates from
# round to round; each figure is the median of RUNS rounds (default 3), its ratio the time over this console's.
#
#   bench/link.sh                 # 1,000 migrations at 2 ms, N_FAR (default 100) at 40 ms
#   N_NEAR=1000 N_FAR=1000 RTTS="2 40" RUNS=3 bench/link.sh
#   BASELINE=/other/checkout/bin/migrate bench/link.sh   # adds that build of the console as a row
#
# Flyway: flyway-commandline 13.12.2 is on Maven Central, but its Main needs modules that are not
# (flyway-command-mcp), so bench/peers/flyway/FlywayCli.java does what `flyway migrate` / `flyway info` do through
# Flyway's API. Liquibase runs its own command line (liquibase.integration.commandline.LiquibaseCommandLine) with a
# formatted-SQL changelog of one change set per migration. The server trusts local connections (no SCRAM round
# trips, for every tool alike). Needs the project's tools (JDK, Maven wrapper), psql, a PostgreSQL server and
# python3; downloads the peers from Maven Central into bench/.work/ (not committed).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/pg.sh
source bench/lib/generate.sh
source bench/lib/mybatis.sh
N_NEAR=${N_NEAR:-1000}
N_FAR=${N_FAR:-100}
RTTS=${RTTS:-"2 40"}
RUNS=${RUNS:-3}
MIGRATE=${MIGRATE:-bin/migrate}
BASELINE=${BASELINE:-}
PROXY=${PROXY:-../shared/tools/latency-proxy/latency_proxy.py}
[ -f "$PROXY" ] || { echo "bench/link.sh needs the latency proxy: set PROXY to latency_proxy.py" >&2; exit 2; }
export MIGRATE_RUNTIME=jvm LIQUIBASE_ANALYTICS_ENABLED=false LIQUIBASE_SHOW_BANNER=false

# The peers' class paths, once.
peers=bench/.work/peers
for tool in flyway liquibase; do
  if [ ! -d "$peers/$tool" ]; then
    ./mvnw -q -B -f "bench/peers/$tool/pom.xml" dependency:copy-dependencies -DoutputDirectory="$PWD/$peers/$tool.tmp" >&2
    mv "$peers/$tool.tmp" "$peers/$tool"
  fi
done
javac -d "$peers/flyway-cli" -cp "$peers/flyway/*" bench/peers/flyway/FlywayCli.java
mybatis_cli

pg_start
work=$(mktemp -d /tmp/bench-link.XXXXXX)
proxy_pid=
trap '[ -z "$proxy_pid" ] || kill "$proxy_pid"; pg_stop; rm -rf "$work"' EXIT
"$MIGRATE" --version >/dev/null   # builds the console if needed, outside the timings

# prepare N: the same migrations in every tool's layout, under $work/N/.
prepare() {
  local n=$1 dir="$work/$1" f b id
  [ -d "$dir" ] && return
  generate_repo "$dir/repo" "$n"
  psql_equivalent "$dir" "$n"
  mkdir -p "$dir/repo/environments" "$dir/flyway"
  mybatis_drivers "$dir/repo"
  {
    echo "-- liquibase formatted sql"
    for f in "$dir"/repo/scripts/2001*.sql; do
      b=$(basename "$f" .sql); id=${b%%_*}
      sed '/-- \/\/@UNDO/,$d' "$f" > "$dir/flyway/V${id}__${b#*_}.sql"
      printf '\n--changeset bench:%s\n' "$id"
      sed -e 1d -e '/-- \/\/@UNDO/,$d' "$f"
    done
  } > "$dir/changelog.sql"
}

# run TOOL COMMAND N PORT: one command of one tool against database link_TOOL through the proxy's PORT.
run() {
  local tool=$1 command=$2 n=$3 port=$4 dir="$work/$3" url="jdbc:postgresql://localhost:$4/link_$1"
  case "$tool" in
    psql)
      if [ "$command" = up ]; then PGPORT=$port psql -X -q -v ON_ERROR_STOP=1 -d "link_$tool" -f "$dir/psql-equivalent.sql"
      else PGPORT=$port psql -X -d "link_$tool" -c "select id, applied_at, description from changelog order by id"; fi ;;
    mybatis)
      printf 'driver=org.postgresql.Driver\nurl=%s\nusername=postgres\npassword=\nchangelog=changelog\n' "$url" \
        > "$dir/repo/environments/development.properties"
      "$MYBATIS_CLI" --path="$dir/repo" "$command" ;;
    flyway)
      java -cp "$peers/flyway-cli:$peers/flyway/*" FlywayCli "$([ "$command" = up ] && echo migrate || echo info)" \
        "$url" postgres "filesystem:$dir/flyway" ;;
    liquibase)
      java -cp "$peers/liquibase/*" liquibase.integration.commandline.LiquibaseCommandLine --url="$url" \
        --username=postgres --password= --search-path="$dir" --changelog-file=changelog.sql \
        "$([ "$command" = up ] && echo update || echo status)" ;;
    console|baseline)
      POSTGRES_HOST=localhost POSTGRES_PORT=$port POSTGRES_DB="link_$tool" POSTGRES_USER=postgres POSTGRES_PASSWORD= \
        "$([ "$tool" = console ] && echo "$MIGRATE" || echo "$BASELINE")" --path "$dir/repo" "$command" ;;
  esac
}

# Every tool must have applied every migration, or its time means nothing.
applied() {
  psql -X -At -d "link_$1" -c "select count(*) from pg_class where relname like 'bench\_%' and relkind = 'r'"
}

tools=(console psql mybatis flyway liquibase)
[ -z "$BASELINE" ] || tools+=(baseline)
declare -A label=([console]="this console (JVM)" [baseline]="baseline build (JVM)" [psql]="psql -f"
  [mybatis]="MyBatis CLI 3.5.0" [flyway]="Flyway 13.12.2 (API)" [liquibase]="Liquibase 4.33.0")

# A first run of the console trains its start-up archive (bin/migrate): not a figure of the comparison.
prepare "$N_NEAR"
for tool in console ${BASELINE:+baseline}; do
  fresh_db "link_$tool"
  run "$tool" up "$N_NEAR" "$BENCH_PORT" >/dev/null 2>&1
done

for rtt in $RTTS; do
  n=$([ "$rtt" -le 2 ] && echo "$N_NEAR" || echo "$N_FAR")
  prepare "$n"
  port=$(( BENCH_PORT + 1 ))
  python3 "$PROXY" "$port" 127.0.0.1 "$BENCH_PORT" "$(echo "$rtt / 2" | bc -l)" &
  proxy_pid=$!
  sleep 1
  for run in $(seq 0 $(( RUNS - 1 ))); do
    for i in "${!tools[@]}"; do
      tool=${tools[$(( (i + run) % ${#tools[@]} ))]}
      fresh_db "link_$tool"
      for command in up status; do
        t0=$(now)
        run "$tool" "$command" "$n" "$port" > "$work/out" 2>&1 || { echo "$tool $command failed:" >&2; tail -20 "$work/out" >&2; exit 1; }
        t1=$(now)
        echo "$t1 - $t0" | bc >> "$work/$rtt.$tool.$command"
      done
      [ "$(applied "$tool")" = "$n" ] || { echo "$tool applied $(applied "$tool") of $n migrations" >&2; exit 1; }
      echo "rtt $rtt ms, round $(( run + 1 )): $tool done" >&2
    done
  done
  kill "$proxy_pid"; wait "$proxy_pid" 2>/dev/null || true; proxy_pid=

  up_ours=$(median < "$work/$rtt.console.up")
  status_ours=$(median < "$work/$rtt.console.status")
  status_mybatis=$(median < "$work/$rtt.mybatis.status")
  printf '\n%s ms round trip, %s migrations, PostgreSQL %s, median of %s\n' "$rtt" "$n" \
    "$(psql -X -At -d postgres -c 'show server_version')" "$RUNS"
  printf '%-22s %9s %9s %10s %12s\n' "tool" "up s" "x console" "status s" "x MyBatis"
  for tool in "${tools[@]}"; do
    up=$(median < "$work/$rtt.$tool.up")
    status=$(median < "$work/$rtt.$tool.status")
    printf '%-22s %9.2f %9.2f %10.3f %12.2f\n' "${label[$tool]}" "$up" "$(echo "$up / $up_ours" | bc -l)" \
      "$status" "$(echo "$status / $status_mybatis" | bc -l)"
  done
done
echo "x console: up time over this console's (how many times slower); x MyBatis: status time over the MyBatis CLI's"
