#!/usr/bin/env bash
# Issue 25's benchmark: migration tools across a network link, side by side in one run. At each round trip of
# RTTS (default "2 40" ms, made by the latency proxy: a fixed one-way delay of half of it), every tool runs
# `up` of the same tiny migrations (a table and an index each) on a fresh database, then its `status` on that
# database: psql (`psql -f` of the same SQL, one transaction per migration plus the changelog row), the MyBatis
# CLI 3.5.0, Flyway 13.12.2, Liquibase 4.33.0 and this console on the JVM. The order of the tools rotates from
# round to round; each figure is the median of RUNS rounds (default 3), its ratio the time over this console's.
# CONCURRENT=1 runs the RUNS rounds at the same time, each with its own proxy and its own databases (each round still
# rotating the order): across 40 ms the runs wait on the link, not on the machine, and 1,000 migrations of the peers
# take minutes each (Flyway about 17), so three rounds one after the other would take hours. TOOLS picks the tools
# (default all; "console baseline" re-times only the console's builds).
#
#   bench/link.sh                 # 1,000 migrations at 2 ms, N_FAR (default 100) at 40 ms
#   N_NEAR=1000 N_FAR=1000 RTTS="2 40" RUNS=3 bench/link.sh
#   BASELINE=/other/checkout/bin/migrate bench/link.sh   # adds that build of the console as a row
#   N_FAR=1000 RTTS=40 CONCURRENT=1 bench/link.sh         # the three rounds at once
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
CONCURRENT=${CONCURRENT:-0}
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
trap '[ -z "$proxy_pid" ] || kill $proxy_pid; pg_stop; [ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT
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

# run TOOL COMMAND N PORT DB: one command of one tool against database DB through the proxy's PORT.
run() {
  local tool=$1 command=$2 n=$3 port=$4 db=$5 dir="$work/$3" url="jdbc:postgresql://localhost:$4/$5"
  case "$tool" in
    psql)
      if [ "$command" = up ]; then PGPORT=$port psql -X -q -v ON_ERROR_STOP=1 -d "$db" -f "$dir/psql-equivalent.sql"
      else PGPORT=$port psql -X -d "$db" -c "select id, applied_at, description from changelog order by id"; fi ;;
    mybatis)
      # An environment per database, so that concurrent rounds share the repository.
      printf 'driver=org.postgresql.Driver\nurl=%s\nusername=postgres\npassword=\nchangelog=changelog\n' "$url" \
        > "$dir/repo/environments/$db.properties"
      "$MYBATIS_CLI" --path="$dir/repo" --env="$db" "$command" ;;
    flyway)
      java -cp "$peers/flyway-cli:$peers/flyway/*" FlywayCli "$([ "$command" = up ] && echo migrate || echo info)" \
        "$url" postgres "filesystem:$dir/flyway" ;;
    liquibase)
      java -cp "$peers/liquibase/*" liquibase.integration.commandline.LiquibaseCommandLine --url="$url" \
        --username=postgres --password= --search-path="$dir" --changelog-file=changelog.sql \
        "$([ "$command" = up ] && echo update || echo status)" ;;
    console|baseline)
      POSTGRES_HOST=localhost POSTGRES_PORT=$port POSTGRES_DB="$db" POSTGRES_USER=postgres POSTGRES_PASSWORD= \
        "$([ "$tool" = console ] && echo "$MIGRATE" || echo "$BASELINE")" --path "$dir/repo" "$command" ;;
  esac
}

# Every tool must have applied every migration, or its time means nothing.
applied() {
  psql -X -At -d "$1" -c "select count(*) from pg_class where relname like 'bench\_%' and relkind = 'r'"
}

tools=(${TOOLS:-console psql mybatis flyway liquibase})
[ -z "$BASELINE" ] || [ -n "${TOOLS:-}" ] || tools+=(baseline)
declare -A label=([console]="this console (JVM)" [baseline]="baseline build (JVM)" [psql]="psql -f"
  [mybatis]="MyBatis CLI 3.5.0" [flyway]="Flyway 13.12.2 (API)" [liquibase]="Liquibase 4.33.0")

# A first run of the console trains its start-up archive (bin/migrate): not a figure of the comparison.
prepare "$N_NEAR"
for tool in console ${BASELINE:+baseline}; do
  [[ " ${tools[*]} " == *" $tool "* ]] || continue
  fresh_db "link_$tool"
  run "$tool" up "$N_NEAR" "$BENCH_PORT" "link_$tool" >/dev/null 2>&1
done

# round RTT N RUN PORT: one round, every tool in turn (the order rotated by RUN), through the proxy on PORT.
round() {
  local rtt=$1 n=$2 run=$3 port=$4 i tool db command t0 t1 out="$work/out.$3"
  for i in "${!tools[@]}"; do
    tool=${tools[$(( (i + run) % ${#tools[@]} ))]}
    db="link_${tool}_$run"
    fresh_db "$db"
    for command in up status; do
      t0=$(now)
      run "$tool" "$command" "$n" "$port" "$db" > "$out" 2>&1 || { echo "$tool $command failed:" >&2; tail -20 "$out" >&2; return 1; }
      t1=$(now)
      echo "$t1 - $t0" | bc >> "$work/$rtt.$tool.$command"
    done
    [ "$(applied "$db")" = "$n" ] || { echo "$tool applied $(applied "$db") of $n migrations" >&2; return 1; }
    echo "rtt $rtt ms, round $(( run + 1 )): $tool done" >&2
  done
}

for rtt in $RTTS; do
  n=$([ "$rtt" -le 2 ] && echo "$N_NEAR" || echo "$N_FAR")
  prepare "$n"
  proxies=() rounds=()
  for run in $(seq 0 $(( RUNS - 1 ))); do
    port=$(( BENCH_PORT + 1 + run ))
    python3 "$PROXY" "$port" 127.0.0.1 "$BENCH_PORT" "$(echo "$rtt / 2" | bc -l)" &
    proxies+=($!)
  done
  proxy_pid="${proxies[*]}"
  sleep 1
  for run in $(seq 0 $(( RUNS - 1 ))); do
    if [ "$CONCURRENT" = 1 ]; then
      round "$rtt" "$n" "$run" $(( BENCH_PORT + 1 + run )) &
      rounds+=($!)
    else
      round "$rtt" "$n" "$run" $(( BENCH_PORT + 1 + run ))
    fi
  done
  for pid in "${rounds[@]}"; do wait "$pid"; done
  kill "${proxies[@]}"; wait "${proxies[@]}" 2>/dev/null || true; proxy_pid=

  # Ratios over this console's times (over the first tool's when TOOLS leaves it out), status over MyBatis'.
  ref=${tools[0]}; [[ " ${tools[*]} " == *" console "* ]] && ref=console
  status_ref=$ref; [[ " ${tools[*]} " == *" mybatis "* ]] && status_ref=mybatis
  up_ours=$(median < "$work/$rtt.$ref.up")
  status_theirs=$(median < "$work/$rtt.$status_ref.status")
  printf '\n%s ms round trip, %s migrations, PostgreSQL %s, median of %s%s\n' "$rtt" "$n" \
    "$(psql -X -At -d postgres -c 'show server_version')" "$RUNS" "$([ "$CONCURRENT" = 1 ] && echo ', rounds run concurrently')"
  printf '%-22s %9s %9s %10s %12s  %s\n' "tool" "up s" "x $ref" "status s" "x $status_ref" "up s of each round"
  for tool in "${tools[@]}"; do
    up=$(median < "$work/$rtt.$tool.up")
    status=$(median < "$work/$rtt.$tool.status")
    printf '%-22s %9.2f %9.2f %10.3f %12.2f  %s\n' "${label[$tool]}" "$up" "$(echo "$up / $up_ours" | bc -l)" \
      "$status" "$(echo "$status / $status_theirs" | bc -l)" "$(paste -sd' ' "$work/$rtt.$tool.up")"
  done
done
echo "x TOOL: up time over that tool's (how many times slower); status likewise over the MyBatis CLI's"
