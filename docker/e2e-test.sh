#!/usr/bin/env bash
# The seed's docker-compose workflow, end to end on a real Docker engine: builds the image, starts the compose
# file and takes each step the seed's users take, printing PASS or FAIL per check. Exit 1 if any failed.
#
#   docker/e2e-test.sh                      (as root on a machine without Docker: installs and starts it)
#   E2E_IMAGES=official docker/e2e-test.sh  (the official base images, for an engine that reaches Docker Hub)
#
# By default the base images are the local ones built from Debian packages (docker/local-images.sh, built when
# missing), since our machines reach no image registry. It runs on a copy of the checkout's files in a temporary
# folder, under its own compose project, so the scripts `migrate new` writes stay out of the checkout. Uses the
# seed's host port 5435, which must be free. The host-side check runs bin/migrate of this checkout.
#
# When done it removes what it made (vfs stores every layer in full, gigabytes): the compose project's
# containers, volume and network, the console's image, the local base images it built in this run (those that
# were there before stay; E2E_KEEP_IMAGES=yes keeps all), the build's dangling images on an engine it started,
# and it stops that engine. .ci/run runs it after the Maven suite.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/docker/engine.sh"
export COMPOSE_PROJECT_NAME=authmigratee2e
tmux_socket=authmigratee2e
start=$SECONDS
passed=0
failed=0

die() { echo "e2e: $*" >&2; exit 2; }

# report NAME STATUS [OUTPUT]: STATUS 0 passed; a failure shows what the command printed.
report() {
  if [ "$2" -eq 0 ]; then
    echo "PASS  $1"
    passed=$((passed + 1))
  else
    echo "FAIL  $1"
    [ -n "${3:-}" ] && printf '%s\n' "$3" | tail -20 | sed 's/^/      | /'
    failed=$((failed + 1))
  fi
}

compose() { (cd "$copy" && docker-compose "$@"); }
console() { compose exec -T auth-service migrate "$@" 2>&1; }
container() { compose ps -q "$1"; }
health() { docker inspect -f '{{if .State.Health}}{{.State.Health.Status}}{{end}}' "$(container "$1")" 2>/dev/null; }
running() { [ "$(docker inspect -f '{{.State.Running}}' "$(container "$1")" 2>/dev/null)" = true ]; }
logs_show() { compose logs --no-color "$1" 2>&1 | grep -qF "$2"; }
screen() { tmux -L "$tmux_socket" capture-pane -p -t e2e; }
screen_shows() { screen | grep -qF "$1"; }
prompt_again() { [ "$(screen | grep -cF "$prompt")" -ge 2 ] && [ "$(screen | grep -v '^ *$' | tail -1 | sed 's/ *$//')" = "$prompt" ]; }
test_pane() { [ "$(tmux -L "$tmux_socket" display -p -t e2e "$1")" = "$2" ]; }
# The id and state columns of `status`: equal wherever it runs, if it is the same database.
states() { printf '%s\n' "$1" | grep -E '^[0-9]{14} ' | awk '{print $1, $NF}'; }

# wait_for SECONDS COMMAND...: true as soon as COMMAND is, false after SECONDS.
wait_for() {
  local limit=$1
  shift
  local until=$((SECONDS + limit))
  while [ "$SECONDS" -lt "$until" ]; do
    "$@" && return 0
    sleep 1
  done
  return 1
}

# As the owner of the copy's migrations folder: the host user the bind mount must agree with.
as_host_user() {
  if [ "$(id -u)" = 0 ]; then
    setpriv --reuid="$host_uid" --regid="$host_gid" --clear-groups "$@"
  else
    "$@"
  fi
}

built_images=()
cleanup() {
  [ -n "${copy:-}" ] && [ -d "$copy" ] && compose down -v --remove-orphans >/dev/null 2>&1
  tmux -L "$tmux_socket" kill-server 2>/dev/null
  [ -n "${work:-}" ] && rm -rf "$work"
  if [ "${E2E_KEEP_IMAGES:-no}" != yes ] && docker version >/dev/null 2>&1; then
    docker image rm -f auth-migrate:latest "${built_images[@]}" >/dev/null 2>&1
    # The build stage's layers are left untagged; on an engine of its own nobody else's images can be among them.
    [ "$engine_started" = yes ] && docker image prune -f >/dev/null 2>&1
  fi
  engine_stop
}
trap cleanup EXIT

# --- Set-up: tools, engine, images, a copy of the checkout --------------------------------------------------
if [ "$(id -u)" = 0 ]; then
  engine_install || die "could not install docker.io, docker-compose, debootstrap and tmux"
fi
engine_start || die "no Docker engine"
for tool in docker-compose tmux; do command -v "$tool" >/dev/null || die "$tool is not installed"; done
if (exec 3<>/dev/tcp/127.0.0.1/5435) 2>/dev/null; then die "port 5435 is in use; the compose file publishes auth-db there"; fi

if [ "${E2E_IMAGES:-local}" = local ]; then
  source <("$root/docker/local-images.sh" --env)
  for image in "$MIGRATE_BUILD_IMAGE" "$MIGRATE_RUNTIME_IMAGE" "$AUTH_DB_IMAGE"; do
    docker image inspect "$image" >/dev/null 2>&1 || built_images+=("$image")
  done
  images_start=$SECONDS
  "$root/docker/local-images.sh" || die "could not build the local base images"
  echo "e2e: base images ready in $((SECONDS - images_start)) s"
fi

work=$(mktemp -d /var/tmp/auth-migrate-e2e.XXXXXX)
chmod 755 "$work"
copy="$work/auth-service"
mkdir -p "$copy"
(cd "$root" && git ls-files -z --cached --others --exclude-standard | tar --null -T - --ignore-failed-read -cf - 2>/dev/null) \
  | tar -C "$copy" -xf - || die "could not copy the checkout"
if [ "$(id -u)" = 0 ]; then
  # Root owns everything here: an unprivileged owner shows whether the container's user follows the mount.
  host_uid=4242
  host_gid=4242
  chown -R "$host_uid:$host_gid" "$copy/migrations"
else
  host_uid=$(id -u)
  host_gid=$(id -g)
fi
scripts=$(find "$copy/migrations/scripts" -name '*.sql' | wc -l)
newest=$(find "$copy/migrations/scripts" -name '*.sql' -printf '%f\n' | sort | tail -1 | cut -d_ -f1)

# --- The image and docker-compose up ------------------------------------------------------------------------
build_start=$SECONDS
output=$(compose build auth-service 2>&1)
report "docker-compose build: the image builds ($((SECONDS - build_start)) s)" $? "$output"
build_seconds=$((SECONDS - build_start))

output=$(compose up -d 2>&1)
report "docker-compose up -d exits 0" $? "$output"
wait_for 120 test "$(health auth-db)" = healthy
report "docker-compose up -d: auth-db becomes healthy" $? "$(compose logs --no-color --tail=20 auth-db 2>&1)"
sleep 5
running auth-service && [ "$(docker inspect -f '{{.RestartCount}}' "$(container auth-service)")" = 0 ]
report "docker-compose up -d: auth-service stays up" $? "$(compose logs --no-color --tail=20 auth-service 2>&1)"

# --- Batch commands through docker-compose exec -------------------------------------------------------------
output=$(console up)
status=$?
[ "$status" = 0 ] && grep -q "Applied $scripts migration(s)" <<<"$output"
report "exec -T auth-service migrate up exits 0 and applies the $scripts scripts" $? "$output"

output=$(console current)
status=$?
[ "$status" = 0 ] && grep -q "^$newest " <<<"$output" && grep -qF '(head)' <<<"$output"
report "exec -T auth-service migrate current names the newest migration ($newest)" $? "$output"

output=$(console status)
status=$?
container_states=$(states "$output")
[ "$status" = 0 ] && [ "$(grep -c applied <<<"$container_states")" = "$scripts" ]
report "exec -T auth-service migrate status exits 0 (all $scripts applied)" $? "$output"

output=$(console show 99990101000000)
status=$?
[ "$status" = 1 ] && [ "$(wc -l <<<"$output")" = 1 ] && grep -q "^Error: Can't locate migration \"99990101000000\"" <<<"$output"
report "exec -T auth-service migrate show <unknown id> exits 1 with the one-line error" $? "exit $status: $output"

# --- The interactive console in a terminal ------------------------------------------------------------------
tmux -L "$tmux_socket" new-session -d -s e2e -x 160 -y 40 -c "$copy" "docker-compose exec auth-service migrate"
tmux -L "$tmux_socket" set-option -t e2e remain-on-exit on >/dev/null
prompt="${POSTGRES_DB:-auth_service}@auth-db:5432>"
wait_for 60 screen_shows "$prompt"
report "exec auth-service migrate (tmux): the console shows its prompt" $? "$(screen)"

prefix=${newest:0:12}
tmux -L "$tmux_socket" send-keys -t e2e -l "show $prefix"
tmux -L "$tmux_socket" send-keys -t e2e Tab
wait_for 10 screen_shows "show $newest"
report "exec auth-service migrate (tmux): Tab completes show $prefix to $newest" $? "$(screen)"

tmux -L "$tmux_socket" send-keys -t e2e Enter
# Type `exit` at the next prompt, not ahead of it: the terminal is not the console's while `show` runs.
wait_for 30 prompt_again
tmux -L "$tmux_socket" send-keys -t e2e -l exit
tmux -L "$tmux_socket" send-keys -t e2e Enter
# A JVM ending inside `docker-compose exec` on a loaded machine took over 20 s once; the check is the status.
wait_for 90 test_pane '#{pane_dead}' 1 && test_pane '#{pane_dead_status}' 0
report "exec auth-service migrate (tmux): exit leaves the console with status 0" $? "$(screen)"
tmux -L "$tmux_socket" kill-server 2>/dev/null

# --- migrate new in the container writes into the checkout, for the host user -------------------------------
output=$(console new "Add nickname to users")
status=$?
created=$(find "$copy/migrations/scripts" -name '*_Add_nickname_to_users.sql' | head -1)
[ "$status" = 0 ] && [ -n "$created" ]
report "exec -T auth-service migrate new writes the script into the host's ./migrations" $? "$output"
[ -n "$created" ] && [ "$(stat -c %u:%g "$created")" = "$host_uid:$host_gid" ]
report "the new script belongs to the host user who owns ./migrations ($host_uid:$host_gid)" $? \
  "$( [ -n "$created" ] && stat -c '%U(%u):%G(%g) %A %n' "$created")"
[ -n "$created" ] && as_host_user sed -i \
  -e 's/^-- Migration SQL that makes the change goes here\.$/ALTER TABLE users ADD COLUMN nickname VARCHAR(40);/' \
  -e 's/^-- SQL that undoes the change goes here\.$/ALTER TABLE users DROP COLUMN nickname;/' "$created" \
  && grep -q 'ADD COLUMN nickname' "$created"
report "the host user can edit it" $? "$( [ -n "$created" ] && cat "$created")"
created_id=$(basename "${created:-0_}" | cut -d_ -f1)

# --- MIGRATE_ON_START=true: waits for the database, then applies what is pending ----------------------------
compose stop auth-db >/dev/null 2>&1
MIGRATE_ON_START=true compose up -d --no-deps auth-service >/dev/null 2>&1
wait_for 60 logs_show auth-service 'waiting for auth-db:5432'
waited=$?
compose start auth-db >/dev/null 2>&1
wait_for 180 logs_show auth-service 'Applied 1 migration(s)'
applied=$?
column=$(compose exec -T auth-db psql -U "${POSTGRES_USER:-postgres}" -d "${POSTGRES_DB:-auth_service}" -Atc \
  "SELECT column_name FROM information_schema.columns WHERE table_name = 'users' AND column_name = 'nickname'" 2>&1)
[ "$waited" = 0 ] && [ "$applied" = 0 ] && [ "$column" = nickname ] && running auth-service
report "MIGRATE_ON_START=true: waits for the stopped database, then applies the pending migration and stays up" $? \
  "$(compose logs --no-color --tail=15 auth-service 2>&1; echo "users.nickname: $column")"

# --- The same database from the host, through the seed's 5435:5432 mapping ----------------------------------
container_states=$(states "$(console status)")
cp "$copy/.env.example" "$copy/.env"
output=$(cd "$copy" && POSTGRES_PORT=5435 "$root/bin/migrate" --path migrations status 2>&1)
status=$?
[ "$status" = 0 ] && [ "$(states "$output")" = "$container_states" ] && grep -q "^$created_id .*applied" <<<"$output"
report "from the host, POSTGRES_PORT=5435 bin/migrate status sees the same database" $? \
  "exit $status: $output$(printf '\n--- in the container:\n')$container_states"

# --- A one-off container, then a stopped database -----------------------------------------------------------
output=$(compose run --rm auth-service migrate status 2>&1)
status=$?
leftover=$(docker ps -aq --filter "label=com.docker.compose.project=$COMPOSE_PROJECT_NAME" --filter label=com.docker.compose.oneoff=True)
[ "$status" = 0 ] && [ "$(states "$output")" = "$container_states" ] && [ -z "$leftover" ]
report "docker-compose run --rm auth-service migrate status exits 0 and leaves no container" $? "exit $status: $output"

compose stop auth-db >/dev/null 2>&1
output=$(console status)
status=$?
[ "$status" = 1 ] && [ "$(wc -l <<<"$output")" = 1 ] \
  && grep -q '^Error: Cannot connect to PostgreSQL at auth-db:5432 .*Is the database running?' <<<"$output"
report "a stopped database: exec -T auth-service migrate status exits 1 with the connection hint" $? "exit $status: $output"

output=$(compose down -v 2>&1)
status=$?
project="label=com.docker.compose.project=$COMPOSE_PROJECT_NAME"
[ "$status" = 0 ] && [ -z "$(docker ps -aq --filter "$project")" ] && [ -z "$(docker volume ls -q --filter "$project")" ] \
  && [ -z "$(docker network ls -q --filter "$project")" ]
report "docker-compose down -v removes the containers, the volume and the network" $? "$output"

echo "e2e: $passed passed, $failed failed in $((SECONDS - start)) s (image build $build_seconds s)"
[ "$failed" = 0 ]
