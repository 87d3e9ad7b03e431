#!/usr/bin/env bash
# Builds the base images that the Dockerfile and docker-compose.yml name, from Debian packages only, for
# machines that reach a Debian mirror but no image registry. It never pulls: each image is a minimal
# bookworm root file system (debootstrap against the mirror apt uses here) handed to `docker import`.
#
#   docker/local-images.sh            build the images that are missing
#   docker/local-images.sh --rebuild  build all three again
#   source <(docker/local-images.sh --env)   the variables that point compose and Testcontainers at them
#
# Needs root, debootstrap and a Docker engine. The images, with the official ones they stand in for:
#   auth-migrate-local/jdk:17       eclipse-temurin:17-jdk   (the Dockerfile's build stage)
#   auth-migrate-local/jre:17       eclipse-temurin:17-jre   (the Dockerfile's runtime stage)
#   auth-migrate-local/postgres:15  postgres:18-alpine       (auth-db; bookworm's PostgreSQL is 15)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/local-images.env"

if [ "${1:-}" = --env ]; then
  sed -n 's/^\([A-Z_]*=.*\)/export \1/p' "$here/local-images.env"
  exit 0
fi
[ "$(id -u)" = 0 ] || { echo "local-images: needs root (debootstrap, chroot)" >&2; exit 1; }
rebuild=no
[ "${1:-}" = --rebuild ] && rebuild=yes

# The mirror apt is configured with here (deb822 sources first, then the one-line format).
mirror=${DEBIAN_MIRROR:-$(sed -n 's/^URIs: *\([^ ]*\).*/\1/p' /etc/apt/sources.list.d/*.sources 2>/dev/null | head -1)}
mirror=${mirror:-$(sed -n 's/^deb  *\(\[[^]]*\]  *\)\{0,1\}\(http[^ ]*\) .*/\2/p' /etc/apt/sources.list 2>/dev/null | head -1)}
[ -n "$mirror" ] || { echo "local-images: no Debian mirror found in apt's sources; set DEBIAN_MIRROR" >&2; exit 1; }
cache="${XDG_CACHE_HOME:-$HOME/.cache}/auth-migrate/debootstrap"
mkdir -p "$cache"

have() { docker image inspect "$1" >/dev/null 2>&1; }

# A bookworm root with the given packages, ready to import: no package caches, no documentation.
bootstrap() {
  local root=$1 packages=$2
  echo "local-images: debootstrap bookworm + $packages from $mirror" >&2
  debootstrap --variant=minbase --cache-dir="$cache" --include="$packages" bookworm "$root" "$mirror" >"$root.log" 2>&1 \
    || { tail -20 "$root.log" >&2; return 1; }
  cp /etc/apt/sources.list.d/*.sources "$root/etc/apt/sources.list.d/" 2>/dev/null || true
  rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/* "$root"/usr/share/doc/* "$root"/usr/share/man/* "$root.log"
}

# Containers do not trust what this machine trusts: a TLS-intercepting proxy's certificate in
# /usr/local/share/ca-certificates must reach the image's store, and through ca-certificates-java, Java's.
trust_host_certificates() {
  local root=$1
  compgen -G "/usr/local/share/ca-certificates/*.crt" >/dev/null || return 0
  cp /usr/local/share/ca-certificates/*.crt "$root/usr/local/share/ca-certificates/"
  mount -t proc proc "$root/proc"
  chroot "$root" update-ca-certificates >/dev/null 2>&1 || { umount "$root/proc"; return 1; }
  umount "$root/proc"
}

import() {
  local root=$1 name=$2; shift 2
  tar -C "$root" --numeric-owner -c . | docker import "$@" - "$name" >/dev/null
  echo "local-images: built $name ($(docker image inspect -f '{{.Size}}' "$name" | awk '{printf "%d MB", $1 / 1e6}'))" >&2
}

java_image() {
  local name=$1 package=$2 command=$3
  local root="$work/$package"
  bootstrap "$root" "$package,ca-certificates"
  trust_host_certificates "$root"
  local home
  home=$(cd "$root" && echo usr/lib/jvm/java-17-openjdk-*)
  import "$root" "$name" --change "ENV JAVA_HOME=/$home" --change "ENV LANG=C.UTF-8" \
    --change "ENV PATH=/$home/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" \
    --change "CMD [\"$command\"]"
  rm -rf "$root"
}

postgres_image() {
  local root="$work/postgres"
  bootstrap "$root" postgresql-15
  # The package made a cluster of its own; the entry point makes the one the environment asks for.
  rm -rf "$root"/var/lib/postgresql/15/main "$root"/etc/postgresql/15/main
  install -m 755 "$here/postgres-entrypoint.sh" "$root/usr/local/bin/docker-entrypoint.sh"
  import "$root" "$AUTH_DB_IMAGE" --change "ENV LANG=C.UTF-8" \
    --change "ENV PGDATA=/var/lib/postgresql/15/docker" \
    --change "ENV PATH=/usr/lib/postgresql/15/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" \
    --change "VOLUME /var/lib/postgresql" --change "EXPOSE 5432" \
    --change 'ENTRYPOINT ["docker-entrypoint.sh"]' --change 'CMD ["postgres"]'
  rm -rf "$root"
}

work=$(mktemp -d /var/tmp/auth-migrate-images.XXXXXX)
cleanup() {
  for proc in "$work"/*/proc; do mountpoint -q "$proc" && umount "$proc"; done
  rm -rf --one-file-system "$work"
}
trap cleanup EXIT
start=$SECONDS
if [ "$rebuild" = yes ] || ! have "$MIGRATE_BUILD_IMAGE"; then java_image "$MIGRATE_BUILD_IMAGE" openjdk-17-jdk-headless jshell; fi
if [ "$rebuild" = yes ] || ! have "$MIGRATE_RUNTIME_IMAGE"; then java_image "$MIGRATE_RUNTIME_IMAGE" openjdk-17-jre-headless java; fi
if [ "$rebuild" = yes ] || ! have "$AUTH_DB_IMAGE"; then postgres_image; fi
echo "local-images: ready in $((SECONDS - start)) s: $MIGRATE_BUILD_IMAGE, $MIGRATE_RUNTIME_IMAGE, $AUTH_DB_IMAGE" >&2
