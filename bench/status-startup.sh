#!/usr/bin/env bash
# Issue 3's benchmark: `migrate status` as a whole process against an up-to-date database of N
# migrations (default 1000), median of RUNS (default 5), side by side with the MyBatis `migrate` CLI
# 3.5.0 in the same run, and each start-up step on its own row so what it buys is visible.
#
# Needs: the project's tools (JDK, Maven wrapper), psql and a PostgreSQL server
# (Debian: apt-get install postgresql postgresql-client). Downloads the MyBatis CLI bundle from Maven
# Central into bench/.work/ (not committed). Set JDK25 to a JDK 25 home to add its AOT-cache rows, and
# NATIVE to a native executable (default: shell/target/migrate when built) to add its row.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/pg.sh
source bench/lib/generate.sh
source bench/lib/variants.sh
N=${1:-1000}
RUNS=${RUNS:-5}
JDK25=${JDK25:-$(ls -d /usr/lib/jvm/temurin-25* 2>/dev/null | head -1)}
NATIVE=${NATIVE:-$([ -x shell/target/migrate ] && echo shell/target/migrate || true)}
# bin/migrate would run a built native executable; its rows here are the JVM's.
export MIGRATE_RUNTIME=jvm

source bench/lib/mybatis.sh
mybatis_cli
mybatis=$MYBATIS_CLI

pg_start
work=$(mktemp -d /tmp/bench-status.XXXXXX)
trap 'pg_stop; rm -rf "$work"' EXIT
repo="$work/repo"
generate_repo "$repo" "$N"
# The MyBatis CLI reads its connection from the repository and its driver from drivers/.
mkdir -p "$repo/environments"
mybatis_drivers "$repo"
printf 'driver=org.postgresql.Driver\nurl=jdbc:postgresql://localhost:%s/bench_status\nusername=postgres\npassword=\nchangelog=changelog\n' \
  "$BENCH_PORT" > "$repo/environments/development.properties"
fresh_db bench_status
export POSTGRES_HOST=localhost POSTGRES_PORT=$BENCH_PORT POSTGRES_DB=bench_status POSTGRES_USER=postgres POSTGRES_PASSWORD=
bin/migrate --path "$repo" up >/dev/null        # builds the console if needed and brings the database to head

jar=shell/target/auth-migrate.jar
ext="$work/extracted"
java -Djarmode=tools -jar "$jar" extract --destination "$ext" >/dev/null
java -XX:ArchiveClassesAtExit="$ext/app.jsa" -jar "$ext/auth-migrate.jar" --path "$repo" status >/dev/null 2>&1
bin/migrate --path "$repo" status >/dev/null      # trains the launcher's archive
variants=(
  "mybatis CLI 3.5.0|$mybatis --path=$repo status"
  "fat jar, JDK 17|java -jar $jar --path $repo status"
  "+ extracted jar|java -jar $ext/auth-migrate.jar --path $repo status"
  "+ CDS archive|java -XX:SharedArchiveFile=$ext/app.jsa -jar $ext/auth-migrate.jar --path $repo status"
  "+ C1 only|java -XX:TieredStopAtLevel=1 -XX:SharedArchiveFile=$ext/app.jsa -jar $ext/auth-migrate.jar --path $repo status"
  "+ Spring AOT (bin/migrate, JDK 17)|bin/migrate --path $repo status"
)
if [ -n "$JDK25" ]; then
  JAVA_HOME="$JDK25" bin/migrate --path "$repo" status >/dev/null 2>&1   # trains the AOT cache
  variants+=("bin/migrate, JDK 25 AOT cache|env JAVA_HOME=$JDK25 bin/migrate --path $repo status")
fi
[ -z "$NATIVE" ] || variants+=("native executable|$NATIVE --path $repo status")

compare_variants "status of $N migrations" "MyBatis CLI time"
