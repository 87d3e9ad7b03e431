#!/bin/sh
# Entry point of the local PostgreSQL image (docker/local-images.sh), doing for Debian's server what the
# official image's entry point does: on an empty data directory, initdb with POSTGRES_USER as superuser and
# POSTGRES_PASSWORD (required unless POSTGRES_HOST_AUTH_METHOD=trust), create POSTGRES_DB, run
# /docker-entrypoint-initdb.d/*.sql and *.sh, with a socket-only temporary server; then run the server for
# everyone (password checked from other hosts). Its "ready to accept connections" line comes twice on a
# first start, as from the official image: Testcontainers waits for both.
set -eu

case "${1:-postgres}" in
  -*) set -- postgres "$@" ;;
  postgres) ;;
  *) exec "$@" ;;
esac
shift

if [ "$(id -u)" = 0 ]; then
  mkdir -p "$PGDATA" /var/run/postgresql
  chown postgres:postgres "$PGDATA" /var/run/postgresql
  chmod 700 "$PGDATA"
  exec setpriv --reuid=postgres --regid=postgres --init-groups "$0" postgres "$@"
fi

user=${POSTGRES_USER:-postgres}
database=${POSTGRES_DB:-$user}
method=${POSTGRES_HOST_AUTH_METHOD:-scram-sha-256}

if [ ! -s "$PGDATA/PG_VERSION" ]; then
  if [ -z "${POSTGRES_PASSWORD:-}" ] && [ "$method" != trust ]; then
    echo "Error: the database is uninitialized and the superuser password is not specified." >&2
    echo "       Set POSTGRES_PASSWORD, or POSTGRES_HOST_AUTH_METHOD=trust to allow every connection without one." >&2
    exit 1
  fi
  password_file=$(mktemp)
  printf '%s\n' "${POSTGRES_PASSWORD:-}" > "$password_file"
  # shellcheck disable=SC2086
  initdb --username="$user" --pwfile="$password_file" --auth=trust --encoding=UTF8 --locale=C.UTF-8 \
    -D "$PGDATA" ${POSTGRES_INITDB_ARGS:-} >/dev/null
  rm -f "$password_file"
  printf '\nhost all all all %s\n' "$method" >> "$PGDATA/pg_hba.conf"

  pg_ctl -D "$PGDATA" -o "-c listen_addresses='' -c unix_socket_directories=/var/run/postgresql" -w start
  if [ "$database" != postgres ]; then
    psql -v ON_ERROR_STOP=1 -q --username="$user" --dbname=postgres -v name="$database" <<'SQL'
CREATE DATABASE :"name";
SQL
  fi
  for file in /docker-entrypoint-initdb.d/*; do
    case "$file" in
      *.sql) psql -v ON_ERROR_STOP=1 -q --username="$user" --dbname="$database" -f "$file" ;;
      *.sh) . "$file" ;;
    esac
  done
  pg_ctl -D "$PGDATA" -m fast -w stop
  echo "PostgreSQL init process complete; ready for start up."
fi

exec postgres -D "$PGDATA" -c listen_addresses='*' -c unix_socket_directories=/var/run/postgresql "$@"
