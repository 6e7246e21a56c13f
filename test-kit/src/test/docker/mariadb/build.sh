#!/usr/bin/env bash
# build.sh [IMAGE]: builds a local MariaDB image (default mariadb:10.11) that honours the contract of
# the public mariadb image as Testcontainers' MariaDBContainer uses it, without pulling anything:
# Debian bookworm's MariaDB 10.11 server and clients with the shared libraries they load, their
# character sets, error messages, system table scripts and plugins, time zones, the host's bash,
# static busybox and setpriv, the option files and docker-entrypoint.sh from this folder, imported
# as a single-layer image.
#
# The default tag names the series only: the patch version is whatever Debian ships when the image
# is built (a security update moves it), and tests that name mariadb:10.11 need no change when it
# moves. The exact version is in the image's MARIADB_VERSION variable and version label.
#
# Debian's mariadb-server package is installed on the host when it is missing; the host's own
# MariaDB service is left stopped and disabled, since only the image needs the files.
#
# The image is rebuilt only when the hash of its inputs (the files in this folder, lib.sh and the
# versions of the host packages copied into it) differs from the one in its label.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
docker_dir="$(dirname "$here")"
# shellcheck source-path=SCRIPTDIR/..
# shellcheck source=lib.sh
source "$docker_dir/lib.sh"

image="${1:-mariadb:10.11}"
mysql_uid=999

# The server and client packages, and those of every library ldd finds for the copied programs.
host_packages=(mariadb-server mariadb-server-core mariadb-client mariadb-client-core libaio1 liburing2 libnuma1
    libsystemd0 libpcre2-8-0 libcrypt1 zlib1g libssl3 libstdc++6 libgcc-s1 libcap2 libgcrypt20 libgpg-error0
    liblzma5 libzstd1 liblz4-1 libedit2 libbsd0 libmd0 libncurses6 libtinfo6 libcap-ng0 tzdata bash
    busybox-static util-linux libc6)

# keep_host_service_stopped: the package starts and enables a MariaDB service where the init
# system lets it (a policy-rc.d may have prevented the start); the host does not need one.
keep_host_service_stopped() {
    if [[ -d /run/systemd/system ]]; then
        systemctl disable --now mariadb.service >/dev/null 2>&1 || true
    elif [[ -x /etc/init.d/mariadb ]]; then
        if /etc/init.d/mariadb status >/dev/null 2>&1; then
            log "stopping the host's MariaDB service that the package started"
            /etc/init.d/mariadb stop >/dev/null || true
        fi
        update-rc.d mariadb disable >/dev/null 2>&1 || true
    fi
}

if [[ "$(dpkg-query -W -f='${Status}' mariadb-server 2>/dev/null || true)" != *"install ok installed"* ]]; then
    apt_install mariadb-server busybox-static
    keep_host_service_stopped
else
    apt_install busybox-static
fi
mariadb_version="$(dpkg-query -W -f='${Version}' mariadb-server-core)"
# 1:10.11.19-0+deb12u1 -> 10.11.19
mariadb_upstream="${mariadb_version#*:}"
mariadb_upstream="${mariadb_upstream%%-*}"

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
log "building $image from MariaDB ${mariadb_version} (inputs ${inputs_hash:0:12})"

work="$(mktemp -d /tmp/tributary-mariadb-image.XXXXXX)"
trap 'rm -rf "$work"' EXIT
rootfs="$work/rootfs"
make_merged_usr "$rootfs"

install_busybox "$rootfs"
# The server; the client, mariadb-admin and mariadb-dump; what mariadb-install-db (a shell script)
# calls; the time zone loader. The other client tools, mariadbd-safe and the Galera state transfer
# scripts are left out.
programs=(/usr/sbin/mariadbd /usr/bin/mariadb /usr/bin/mariadb-admin /usr/bin/mariadb-dump
    /usr/bin/mariadb-install-db /usr/bin/my_print_defaults /usr/bin/mariadb-tzinfo-to-sql)
copy_into_root "$rootfs" /usr/bin/bash /usr/bin/setpriv "${programs[@]}"
# The names the MySQL tools go by, as in Debian's packages.
ln -s mariadbd "$rootfs/usr/sbin/mysqld"
ln -s mariadb "$rootfs/usr/bin/mysql"
ln -s mariadb-admin "$rootfs/usr/bin/mysqladmin"
ln -s mariadb-dump "$rootfs/usr/bin/mysqldump"
ln -s mariadb-install-db "$rootfs/usr/bin/mysql_install_db"
ln -s mariadb-tzinfo-to-sql "$rootfs/usr/bin/mysql_tzinfo_to_sql"
# Plugins, without PAM authentication: it needs the host's PAM set-up and a setuid helper.
mkdir -p "$rootfs/usr/lib/mysql/plugin"
find /usr/lib/mysql/plugin -maxdepth 1 -type f -name '*.so' ! -name 'auth_pam*' -exec cp -L '{}' "$rootfs/usr/lib/mysql/plugin/" \;
# Character sets, the error messages of every language, and the SQL scripts mariadb-install-db
# feeds to the server (it checks that the test database's is there even when it skips it). The
# source of the error messages, the benchmark and the Debian and Galera helpers are left out.
mkdir -p "$rootfs/usr/share/mysql"
find /usr/share/mysql -mindepth 1 -maxdepth 1 \( -type d -o -name '*.sql' \) -exec cp -RL '{}' "$rootfs/usr/share/mysql/" \;
for required in charsets/Index.xml english/errmsg.sys mysql_system_tables.sql mysql_system_tables_data.sql \
    mysql_performance_tables.sql fill_help_tables.sql maria_add_gis_sp_bootstrap.sql mysql_sys_schema.sql \
    mysql_test_db.sql; do
    [[ -f "$rootfs/usr/share/mysql/$required" ]] || die "/usr/share/mysql/$required is missing"
done

mapfile -t native < <(find "$rootfs/usr/lib/mysql/plugin" -type f)
# ldd reads the copies: the same files as the host's, at a path inside the image tree.
copy_shared_libraries "$rootfs" /usr/bin/bash /usr/bin/setpriv "${programs[@]}" "${native[@]}"
# Time zones (the server's default one and the source of the time zone tables) and the C.UTF-8
# locale that LANG names.
copy_into_root "$rootfs" /usr/share/zoneinfo /usr/lib/locale/C.utf8

# Option files: my.cnf includes the image's settings, then /etc/mysql/conf.d, where overrides go.
install -m 644 -D "$here/my.cnf" "$rootfs/etc/mysql/my.cnf"
install -d "$rootfs/etc/mysql/conf.d" "$rootfs/etc/mysql/mariadb.conf.d"
install -m 644 "$here"/mariadb.conf.d/*.cnf "$rootfs/etc/mysql/mariadb.conf.d/"
ln -s mysql/my.cnf "$rootfs/etc/my.cnf"

cat >"$rootfs/etc/passwd" <<'EOF'
root:x:0:0:root:/root:/bin/bash
mysql:x:999:999:MariaDB Server:/var/lib/mysql:/bin/false
nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin
EOF
cat >"$rootfs/etc/group" <<'EOF'
root:x:0:
mysql:x:999:
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

install -m 755 -D "$here/docker-entrypoint.sh" "$rootfs/usr/local/bin/docker-entrypoint.sh"
ln -s usr/local/bin/docker-entrypoint.sh "$rootfs/docker-entrypoint.sh"
install -d "$rootfs/docker-entrypoint-initdb.d" "$rootfs/var/lib/mysql" "$rootfs/run/mysqld"
chown -R "$mysql_uid:$mysql_uid" "$rootfs/var/lib/mysql" "$rootfs/run/mysqld"
# As in the public image: a container run as another user can still create the socket.
chmod 1777 "$rootfs/run/mysqld"

log "importing $image"
import_rootfs "$rootfs" "$image" \
    "ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin MARIADB_VERSION=${mariadb_version} MARIADB_MAJOR=${mariadb_upstream%.*} LANG=C.UTF-8" \
    'ENTRYPOINT ["docker-entrypoint.sh"]' \
    'CMD ["mariadbd"]' \
    "WORKDIR /" \
    "EXPOSE 3306" \
    "LABEL org.opencontainers.image.title=mariadb org.opencontainers.image.version=${mariadb_upstream} io.tributary.image=mariadb ${TRIBUTARY_INPUTS_LABEL}=${inputs_hash}"
log "built $image: $(docker image inspect --format '{{.Size}}' "$image" | awk '{ printf "%.0f MB", $1 / 1000000 }')"
