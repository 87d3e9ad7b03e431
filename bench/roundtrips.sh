#!/usr/bin/env bash
# Issue 25's round trips: what `up` (1 pending, 0 pending) and `status` cost across a link of 40 ms round trip,
# before (a git ref, default main) and after (this working tree), paired: each run starts both sides one after the
# other, alternating which goes first, on the same database prepared the same way; medians of RUNS (default 5).
# Timed inside a warm JVM (bench/lib/SetUpTimes.java), so the JVM's start-up, seconds on a busy machine, stays out.
#
# Needs what bench/status-startup.sh needs (JDK, Maven wrapper, psql, a PostgreSQL server) and python3 for
# ../shared/tools/latency-proxy (LATENCY_PROXY to point elsewhere). Builds the before side's jar from `git archive`
# of it under bench/.work/ (not committed); this tree's jar must be built (./mvnw -pl shell -am package -DskipTests).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/pg.sh
source bench/lib/generate.sh
BEFORE=${BEFORE:-main}
RUNS=${RUNS:-5}
N=${N:-20}
ONE_WAY_MS=${ONE_WAY_MS:-20}
LATENCY_PROXY=${LATENCY_PROXY:-$(cd .. && pwd)/shared/tools/latency-proxy/latency_proxy.py}
[ -f "$LATENCY_PROXY" ] || LATENCY_PROXY=/work/shared/tools/latency-proxy/latency_proxy.py
after_jar=shell/target/auth-migrate.jar
[ -f "$after_jar" ] || { echo "build this tree first: ./mvnw -B -pl shell -am package -DskipTests" >&2; exit 2; }

sha=$(git rev-parse --short "$BEFORE")
before_dir=bench/.work/before-$sha
before_jar=$before_dir/shell/target/auth-migrate.jar
if [ ! -f "$before_jar" ]; then
  mkdir -p "$before_dir" && git archive "$BEFORE" | tar -x -C "$before_dir"
  (cd "$before_dir" && ./mvnw -B -q -pl shell -am package -DskipTests >/dev/null)
fi

pg_start
work=$(mktemp -d /tmp/bench-roundtrips.XXXXXX)
proxy_port=$(( BENCH_PORT + 1 ))
python3 "$LATENCY_PROXY" "$proxy_port" 127.0.0.1 "$BENCH_PORT" "$ONE_WAY_MS" >/dev/null 2>&1 &
proxy=$!
trap 'kill $proxy 2>/dev/null; pg_stop; rm -rf "$work"' EXIT
repo=$work/repo
generate_repo "$repo" "$N"
fresh_db bench_rt
export POSTGRES_HOST=localhost POSTGRES_DB=bench_rt POSTGRES_USER=postgres POSTGRES_PASSWORD=
run() { # run JAR PORT ARGS...: the console once, quiet
  local jar=$1 port=$2; shift 2
  POSTGRES_PORT=$port java -jar "$jar" --path "$repo" "$@" >/dev/null 2>&1
}
run "$after_jar" "$BENCH_PORT" up
for side in before after; do          # each side's classes, to time its commands inside one warm JVM
  jar=$after_jar; [ "$side" = before ] && jar=$before_jar
  java -Djarmode=tools -jar "$jar" extract --destination "$work/$side" >/dev/null
done

# Each run starts both sides' JVMs one after the other, alternating which goes first; each JVM warms up, then times
# RUNS_PER_JVM rounds of: (undo one migration on loopback) up with 1 pending, up with 0 pending, status.
for i in $(seq "$RUNS"); do
  sides=(before after)
  [ $((i % 2)) = 0 ] && sides=(after before)
  for side in "${sides[@]}"; do
    java -cp "$work/$side/lib/*" bench/lib/SetUpTimes.java "$BENCH_PORT" "$proxy_port" bench_rt "$repo" 2 \
      "${RUNS_PER_JVM:-3}" | while read -r name seconds; do echo "$seconds" >> "$work/$side.$name"; done
  done
done

rt=$(echo "$ONE_WAY_MS * 2 / 1000" | bc -l)
printf "%-8s %10s %10s %10s %14s\n" command "before s" "after s" "saved s" "round trips"
for name in up-1 up-0 status; do
  b=$(median < "$work/before.$name"); a=$(median < "$work/after.$name")
  printf "%-8s %10.3f %10.3f %10.3f %6.1f -> %4.1f\n" "$name" "$b" "$a" "$(echo "$b - $a" | bc -l)" \
    "$(echo "$b / $rt" | bc -l)" "$(echo "$a / $rt" | bc -l)"
done
echo "medians of $RUNS JVMs x ${RUNS_PER_JVM:-3} rounds per side, JVMs alternating; link: latency-proxy at"
echo "$((ONE_WAY_MS * 2)) ms round trip; before: $BEFORE ($sha), after: this tree; round trips = time / round trip"
echo "(connecting included: 1 with trust auth; the server's own work is a few ms of each)"
