#!/usr/bin/env bash
# Issue 14's benchmark: `migrate status` inside the image, as the seed's users run it
# (`docker-compose exec -T auth-service migrate status`), against `bin/migrate status` on the host,
# same database (auth-db through the seed's 5435:5432 mapping), same run, interleaved, median of RUNS
# (default 7). More rows split the difference: the engine's `docker exec` without docker-compose's own
# start-up, the image without its class-data-sharing archive, and an exec that starts no JVM at all.
#
#   bench/startup-in-image.sh            (as root on a machine without Docker: installs and starts it)
#
# Base images as in docker/e2e-test.sh: the local ones from Debian packages unless E2E_IMAGES=official.
# Needs the seed's host port 5435 free; builds the image (cached after the first time) and bin/migrate's jar.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
BENCH_DATA=unused source bench/lib/pg.sh   # for median and now; this bench runs no PostgreSQL of its own
source bench/lib/variants.sh
source docker/engine.sh
RUNS=${RUNS:-7}
export COMPOSE_PROJECT_NAME=authmigratebench

[ "$(id -u)" = 0 ] && engine_install
engine_start
if [ "${E2E_IMAGES:-local}" = local ]; then
  source <(docker/local-images.sh --env)
  docker/local-images.sh
fi
work=$(mktemp -d /tmp/bench-image.XXXXXX)
trap 'docker-compose down -v >/dev/null 2>&1; rm -rf "$work"; engine_stop' EXIT

docker-compose build -q auth-service >/dev/null
docker-compose up -d >/dev/null 2>&1
for _ in $(seq 120); do
  [ "$(docker inspect -f '{{.State.Health.Status}}' "$(docker-compose ps -q auth-db)")" = healthy ] && break
  sleep 1
done
service=$(docker-compose ps -q auth-service)
# The JDK's own class-data archive in place of the image's: what the trained archive buys.
jdk_archive="$(docker exec "$service" sh -c 'echo "$JAVA_HOME"')/lib/server/classes.jsa"
docker-compose exec -T auth-service migrate up >/dev/null
export POSTGRES_HOST=localhost POSTGRES_PORT=5435 POSTGRES_USER=${POSTGRES_USER:-postgres} \
  POSTGRES_PASSWORD=${POSTGRES_PASSWORD:-admin} POSTGRES_DB=${POSTGRES_DB:-auth_service}
bin/migrate status >/dev/null 2>&1   # builds the console if needed and trains its archive
bin/migrate status >/dev/null

variants=(
  "bin/migrate status (host)|bin/migrate status"
  "docker-compose exec -T ... migrate status|docker-compose exec -T auth-service migrate status"
  "docker exec ... migrate status|docker exec $service migrate status"
  "docker exec, the JDK's archive only|docker exec -e MIGRATE_JAVA_OPTS=-XX:SharedArchiveFile=$jdk_archive $service migrate status"
  "docker exec ... true (no JVM)|docker exec $service true"
)
compare_variants "status of $(ls "$root"/migrations/scripts/*.sql | wc -l) migrations" "bin/migrate time on the host"
