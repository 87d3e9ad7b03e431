#!/usr/bin/env bash
# A Docker engine for the end-to-end test on a machine that has none (CI, our build machines), from Debian's
# packages. `source` it to get DOCKER_HOST; the engine listens on a socket of its own, so that other
# programs' probes of /var/run/docker.sock (a test suite's Testcontainers) do not find it.
#
#   source docker/engine.sh && engine_install && engine_start   ...   engine_stop
#
# engine_start does nothing when an engine already answers (DOCKER_HOST or the default socket);
# engine_stop stops only an engine that engine_start started.
ENGINE_SOCKET=${ENGINE_SOCKET:-/run/auth-migrate-docker.sock}
ENGINE_PIDFILE=${ENGINE_PIDFILE:-/run/auth-migrate-docker.pid}
ENGINE_LOG=${ENGINE_LOG:-/var/tmp/auth-migrate-dockerd.log}
engine_started=no

# The client, compose v1, debootstrap (docker/local-images.sh) and tmux (the console check), when missing.
engine_install() {
  local missing=()
  command -v dockerd >/dev/null || missing+=(docker.io)
  command -v docker-compose >/dev/null || missing+=(docker-compose)
  command -v debootstrap >/dev/null || missing+=(debootstrap)
  command -v tmux >/dev/null || missing+=(tmux)
  [ "${#missing[@]}" -eq 0 ] && return 0
  echo "engine: installing ${missing[*]}" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

engine_start() {
  if docker version >/dev/null 2>&1; then
    return 0
  fi
  export DOCKER_HOST="unix://$ENGINE_SOCKET"
  docker version >/dev/null 2>&1 && return 0
  # vfs works on any file system, a container's own overlay included (it copies every layer in full).
  # No iptables: published ports go through docker-proxy, which is all the compose file needs.
  dockerd --host "$DOCKER_HOST" --pidfile "$ENGINE_PIDFILE" --storage-driver=vfs --iptables=false --ip6tables=false \
    >"$ENGINE_LOG" 2>&1 &
  engine_started=yes
  local waited=0
  until docker version >/dev/null 2>&1; do
    if [ "$waited" -ge 60 ]; then
      echo "engine: dockerd did not answer within 60 s; its log: $ENGINE_LOG" >&2
      return 1
    fi
    sleep 1
    waited=$((waited + 1))
  done
}

engine_stop() {
  [ "$engine_started" = yes ] && [ -f "$ENGINE_PIDFILE" ] || return 0
  local pid
  pid=$(cat "$ENGINE_PIDFILE")
  kill "$pid" 2>/dev/null || return 0
  for _ in $(seq 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
  engine_started=no
}
