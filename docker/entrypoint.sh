#!/bin/sh
# Container entry point: optionally apply pending migrations (MIGRATE_ON_START=true, waiting for the
# database with bounded retries), then either run the given command or stay up so that
# `docker-compose exec auth-service migrate ...` works.
set -eu

if [ "${MIGRATE_ON_START:-false}" = "true" ]; then
  attempts=${MIGRATE_WAIT_ATTEMPTS:-30}
  delay=${MIGRATE_WAIT_SECONDS:-2}
  n=1
  until migrate status >/dev/null 2>&1; do
    if [ "$n" -ge "$attempts" ]; then
      echo "auth-service: database ${POSTGRES_HOST:-?}:${POSTGRES_PORT:-?} not reachable after $attempts attempts" >&2
      migrate status >&2 || true
      exit 1
    fi
    echo "auth-service: waiting for ${POSTGRES_HOST:-?}:${POSTGRES_PORT:-?} ($n/$attempts)" >&2
    n=$((n + 1))
    sleep "$delay"
  done
  migrate up
fi

if [ "$#" -gt 0 ]; then
  exec "$@"
fi
echo "auth-service: ready; run: docker-compose exec auth-service migrate <command>" >&2
# Stay up, and stop promptly on docker stop (taking the sleeping child along).
sleeper=""
trap 'kill $sleeper 2>/dev/null; exit 0' TERM INT
while :; do
  sleep 3600 &
  sleeper=$!
  wait "$sleeper"
done
