#!/usr/bin/env bash
# build.sh [IMAGE]: builds a local PostgreSQL image (default postgres:15) that honours the contract
# of the public postgres image as Testcontainers' PostgreSQLContainer uses it, without pulling
# anything: Debian bookworm's PostgreSQL 15 with the shared libraries it loads, time zones and the
# C.UTF-8 locale, the host's bash, static busybox and setpriv, and docker-entrypoint.sh from this
# folder, imported as a single-layer image.
#
# The default tag names the major version only: the minor version is whatever Debian ships at build
# time (a point release moves it), and tests that name postgres:15 need no change when it moves.
# The exact version is in the image's PG_VERSION variable and version label.
#
# The image is rebuilt only when the hash of its inputs (the files in this folder, lib.sh and the
# versions of the host packages copied into it) differs from the one in its label.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
docker_dir="$(dirname "$here")"
# shellcheck source-path=SCRIPTDIR/..
# shellcheck source=lib.sh
source "$docker_dir/lib.sh"

image="${1:-postgres:15}"
pg_major=15
pg_home="/usr/lib/postgresql/$pg_major"
pg_share="/usr/share/postgresql/$pg_major"
postgres_uid=999

host_packages=("postgresql-$pg_major" "postgresql-client-$pg_major" libpq5 libicu72 libssl3 tzdata bash
    busybox-static util-linux libc6 libc-bin)

apt_install "postgresql-$pg_major" "postgresql-client-$pg_major" busybox-static
pg_version="$(dpkg-query -W -f='${Version}' "postgresql-$pg_major")"

inputs_hash="$(
    {
        (cd "$here" && find . -type f -print0 | sort -z | xargs -0 sha256sum)
        sha256sum <"$docker_dir/lib.sh"
        package_versions "${host_packages[@]}"
    } | sha256sum | cut -c1-64
)"

if image_is_current "$image" "$inputs_hash"; then
    log "$image is up to date (inputs ${inputs_hash:0:12})"
    exit 0
fi
log "building $image from PostgreSQL ${pg_version} (inputs ${inputs_hash:0:12})"

work="$(mktemp -d /tmp/tributary-postgres-image.XXXXXX)"
trap 'rm -rf "$work"' EXIT
rootfs="$work/rootfs"
make_merged_usr "$rootfs"

install_busybox "$rootfs"
# initdb lists the system's locales with `locale -a` to create their collations.
copy_into_root "$rootfs" /usr/bin/bash /usr/bin/setpriv /usr/bin/locale "$pg_home/bin"
# The server's modules, without the LLVM JIT: it would bring 100 MB of LLVM for queries far
# larger than a test's, and the server runs without it (jit is simply unavailable).
mkdir -p "$rootfs$pg_home/lib"
find "$pg_home/lib" -maxdepth 1 -type f -name '*.so' ! -name 'llvmjit*' -exec cp -L '{}' "$rootfs$pg_home/lib/" \;
# Catalog templates, extension scripts, text search data and time zone sets, without manual pages.
mkdir -p "$rootfs$pg_share"
find "$pg_share" -mindepth 1 -maxdepth 1 ! -name man -exec cp -RL '{}' "$rootfs$pg_share/" \;
# Servers created by initdb listen on every interface, as in the public image.
sed -i "s/^#listen_addresses = 'localhost'/listen_addresses = '*'/" "$rootfs$pg_share/postgresql.conf.sample"
grep -q "^listen_addresses = '\*'" "$rootfs$pg_share/postgresql.conf.sample" ||
    die "could not set listen_addresses in postgresql.conf.sample"

mapfile -t native < <(find "$rootfs$pg_home" -type f \( -name '*.so' -o -path '*/bin/*' \))
# ldd reads the copies: the same files as the host's, at a path inside the image tree.
copy_shared_libraries "$rootfs" /usr/bin/bash /usr/bin/setpriv /usr/bin/locale "${native[@]}"
# Debian's PostgreSQL reads the system's time zone database; the C.UTF-8 locale gives the cluster
# UTF-8 encoding.
copy_into_root "$rootfs" /usr/share/zoneinfo /usr/lib/locale/C.utf8

cat >"$rootfs/etc/passwd" <<'EOF'
root:x:0:0:root:/root:/bin/bash
postgres:x:999:999:PostgreSQL administrator:/var/lib/postgresql:/bin/bash
nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin
EOF
cat >"$rootfs/etc/group" <<'EOF'
root:x:0:
postgres:x:999:
nogroup:x:65534:
EOF
cat >"$rootfs/etc/nsswitch.conf" <<'EOF'
passwd: files
group: files
shadow: files
hosts: files dns
networks: files
protocols: files
services: files
EOF

install -m 755 "$here/docker-entrypoint.sh" "$rootfs/usr/local/bin/docker-entrypoint.sh" -D
ln -s usr/local/bin/docker-entrypoint.sh "$rootfs/docker-entrypoint.sh"
install -d "$rootfs/docker-entrypoint-initdb.d" "$rootfs/var/lib/postgresql/data" "$rootfs/var/run/postgresql"
chown -R "$postgres_uid:$postgres_uid" "$rootfs/var/lib/postgresql" "$rootfs/var/run/postgresql"
# As in the public image: any user may create the data folder's content and the socket (the entry
# point narrows the data folder to 0700 before initdb).
chmod 1777 "$rootfs/var/lib/postgresql/data"
chmod 3777 "$rootfs/var/run/postgresql"

log "importing $image"
import_rootfs "$rootfs" "$image" \
    "ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:${pg_home}/bin PG_MAJOR=${pg_major} PG_VERSION=${pg_version} PGDATA=/var/lib/postgresql/data LANG=C.UTF-8" \
    'ENTRYPOINT ["docker-entrypoint.sh"]' \
    'CMD ["postgres"]' \
    "WORKDIR /" \
    "STOPSIGNAL SIGINT" \
    "EXPOSE 5432" \
    "LABEL org.opencontainers.image.title=postgres org.opencontainers.image.version=${pg_version} io.tributary.image=postgres ${TRIBUTARY_INPUTS_LABEL}=${inputs_hash}"
log "built $image: $(docker image inspect --format '{{.Size}}' "$image" | awk '{ printf "%.0f MB", $1 / 1000000 }')"
