#!/usr/bin/env bash
# Issue 25's start-up benchmark: the first command of a process, `--version`, `help` and `status` of N
# migrations (default 1000, up to date), through bin/migrate (the JVM), beside BASELINE (another checkout's
# bin/migrate: the build before a change) and the MyBatis CLI 3.5.0's `status`, interleaved, median of RUNS
# (default 7), and the median of each round's ratio to the MyBatis CLI's run of that round (paired: steadier when
# the machine's speed drifts during the run). Wall time and CPU time (user + system, all threads): on a busy
# machine the CPU time is the steadier of the two. Also `status` on the same extracted jar and flags without the
# launcher's start-up archive (what the archive buys), and through bin/migrate on JDK 25 with its AOT cache when
# JDK25 names a JDK 25 home (default: Temurin 25 under /usr/lib/jvm, if there). NATIVE and NATIVE_BASELINE (native
# executables, e.g. shell/target/migrate as bench/native.sh builds it) add their `status` rows to the same run.
# PAUSE=N waits N seconds before each run, as a user between commands does (default 0: back to back). Both
# checkouts' start-up archives are trained again, on `status`.
#
# Needs: the project's tools (JDK, Maven wrapper), psql, a PostgreSQL server (Debian: apt-get install postgresql
# postgresql-client) and /usr/bin/time (apt-get install time).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/pg.sh
source bench/lib/generate.sh
source bench/lib/mybatis.sh
N=${1:-1000}
RUNS=${RUNS:-7}
PAUSE=${PAUSE:-0}
MIGRATE=${MIGRATE:-bin/migrate}
BASELINE=${BASELINE:-}
JDK25=${JDK25:-$(ls -d /usr/lib/jvm/temurin-25* 2>/dev/null | head -1)}
export MIGRATE_RUNTIME=jvm
mybatis_cli

pg_start
work=$(mktemp -d /tmp/bench-startup.XXXXXX)
trap 'pg_stop; rm -rf "$work"' EXIT
repo="$work/repo"
generate_repo "$repo" "$N"
mkdir -p "$repo/environments"
mybatis_drivers "$repo"
printf 'driver=org.postgresql.Driver\nurl=jdbc:postgresql://localhost:%s/bench_startup\nusername=postgres\npassword=\nchangelog=changelog\n' \
  "$BENCH_PORT" > "$repo/environments/development.properties"
fresh_db bench_startup
export POSTGRES_HOST=localhost POSTGRES_PORT=$BENCH_PORT POSTGRES_DB=bench_startup POSTGRES_USER=postgres POSTGRES_PASSWORD=
"$MIGRATE" --path "$repo" up > /dev/null
# Both sides' start-up archives trained alike, on `status`: one trained on another command (the `up` above, or
# whatever ran first since the last build) serves `status` less well.
for launcher in "$MIGRATE" ${BASELINE:+"$BASELINE"}; do
  launcher_app="$(dirname "$launcher")/../shell/target/app"
  rm -f "$launcher_app"/auth-migrate-*.jsa "$launcher_app"/auth-migrate-*.aot
done
"$MIGRATE" --path "$repo" status > /dev/null          # trains the launcher's start-up archive
[ -z "$BASELINE" ] || "$BASELINE" --path "$repo" status > /dev/null
[ -z "$JDK25" ] || JAVA_HOME="$JDK25" "$MIGRATE" --path "$repo" status > /dev/null   # trains its AOT cache
app="$(dirname "$MIGRATE")/../shell/target/app"

variants=("MyBatis CLI 3.5.0 status|$MYBATIS_CLI --path=$repo status")
for command in --version help status; do
  variants+=("$command|$MIGRATE --path $repo $command")
  [ -z "$BASELINE" ] || variants+=("$command (baseline)|$BASELINE --path $repo $command")
done
# The flags bin/migrate gives this JDK, without its archive.
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
major=$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
collector=$([ "${major%%.*}" -ge 18 ] && echo -XX:+UseSerialGC || echo -XX:+UseG1GC)
compilers=$([ "$(nproc)" -le 2 ] && echo -XX:CICompilerCount=1 || true)
variants+=("status, no archive|$java -Dspring.aot.enabled=true -XX:TieredStopAtLevel=1 $collector $compilers -jar $app/auth-migrate.jar --path $repo status")
[ -z "$JDK25" ] || variants+=("status, JDK 25 AOT cache|env JAVA_HOME=$JDK25 $MIGRATE --path $repo status")
[ -z "${NATIVE:-}" ] || variants+=("status, native|$NATIVE --path $repo status")
[ -z "${NATIVE_BASELINE:-}" ] || variants+=("status, native (baseline)|$NATIVE_BASELINE --path $repo status")
for i in "${!variants[@]}"; do : > "$work/$i.wall"; : > "$work/$i.cpu"; done
load=$(cut -d' ' -f1 /proc/loadavg)
# Wall time from bash's clock (microseconds; /usr/bin/time's 10 ms steps are 2-3% of a 0.4 s command), CPU time
# from /usr/bin/time. Every other round runs the variants in reverse order, so none always follows the same one.
order=("${!variants[@]}")
for round in $(seq "$RUNS"); do
  for i in "${order[@]}"; do
    sleep "$PAUSE"
    start=$EPOCHREALTIME
    /usr/bin/time -f "%U %S" -o "$work/t" ${variants[$i]#*|} > /dev/null 2>&1
    end=$EPOCHREALTIME
    read -r user sys < "$work/t"
    echo "$end - $start" | bc >> "$work/$i.wall"
    echo "$user + $sys" | bc >> "$work/$i.cpu"
  done
  if (( round % 2 )); then order=($(printf '%s\n' "${!variants[@]}" | sort -rn)); else order=("${!variants[@]}"); fi
done
mybatis_wall=$(median < "$work/0.wall")
printf '%-28s %9s %9s %12s %8s\n' "first command, $N migrations" "wall s" "CPU s" "wall/MyBatis" "paired"
for i in "${!variants[@]}"; do
  wall=$(median < "$work/$i.wall")
  paired=$(paste "$work/$i.wall" "$work/0.wall" | awk '{print $1 / $2}' | median)
  printf '%-28s %9.3f %9.3f %12.2f %8.2f\n' "${variants[$i]%%|*}" "$wall" "$(median < "$work/$i.cpu")" \
    "$(echo "$wall / $mybatis_wall" | bc -l)" "$paired"
done
echo "median of $RUNS runs each, interleaved (alternating order), ${PAUSE} s between runs; wall/MyBatis: median wall"
echo "time over the MyBatis CLI's status; paired: median of each round's ratio to that round's MyBatis run; load at start $load"
