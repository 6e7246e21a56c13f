#!/usr/bin/env bash
# build.sh ARCHIVE [IMAGE]: builds the worker image (default tributary/worker:latest) from the
# distribution archive, without pulling anything, as the test kit builds its images: a JRE made with
# jlink from the host's JDK 17, the host's bash and static busybox, the archive unpacked in
# /opt/tributary, imported as a single-layer image that runs as a non-root user.
#
# Skips, with a message and success, where no Docker engine runs: the image's tests then skip too.
# The image is rebuilt only when the hash of its inputs differs from the one in its label.
#
# Image layout:
#   /opt/tributary                     the distribution: bin/tributary, lib/, config/, plugins/
#   /opt/tributary/bin/docker-run      entry point: TRIBUTARY_* variables -> worker.properties, start
#   /etc/tributary/worker.properties   written at start; /etc/tributary/connectors for connector files
#   /var/lib/tributary                 offsets
#   user tributary (uid 1000), port 8083
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_root="$(cd "$here/../../.." && pwd)"
docker_dir="$repo_root/test-kit/src/test/docker"
# shellcheck source=../../../test-kit/src/test/docker/lib.sh
source "$docker_dir/lib.sh"

archive="${1:?usage: build.sh ARCHIVE [IMAGE]}"
image="${2:-tributary/worker:latest}"
jdk_home=/usr/lib/jvm/java-17-openjdk-amd64
app_uid=1000
jre_modules=java.base,java.desktop,java.instrument,java.logging,java.management,java.naming,java.net.http,java.rmi,java.scripting,java.security.jgss,java.security.sasl,java.sql,java.xml,jdk.charsets,jdk.crypto.ec,jdk.management,jdk.naming.dns,jdk.net,jdk.security.auth,jdk.security.jgss,jdk.unsupported,jdk.zipfs
host_packages=(openjdk-17-jdk-headless openjdk-17-jre-headless bash busybox-static libc6 zlib1g)

if ! command -v docker >/dev/null 2>&1 || ! docker info >/dev/null 2>&1; then
    log "no Docker engine runs here: the worker image is not built, and its tests will skip"
    exit 0
fi
if [[ ! -x "$jdk_home/bin/jlink" || ! -x /usr/bin/busybox ]]; then
    log "the host lacks a JDK 17 with jlink or busybox-static: the worker image is not built"
    exit 0
fi

inputs_hash="$(
    {
        (cd "$here" && find . -type f -print0 | sort -z | xargs -0 sha256sum)
        sha256sum <"$docker_dir/lib.sh"
        sha256sum <"$archive"
        package_versions "${host_packages[@]}"
    } | sha256sum | cut -c1-64
)"
if image_is_current "$image" "$inputs_hash"; then
    log "$image is up to date (inputs ${inputs_hash:0:12})"
    exit 0
fi
log "building $image (inputs ${inputs_hash:0:12})"

work="$(mktemp -d /tmp/tributary-worker-image.XXXXXX)"
trap 'rm -rf "$work"' EXIT
rootfs="$work/rootfs"
make_merged_usr "$rootfs"

"$jdk_home/bin/jlink" --add-modules "$jre_modules" --output "$rootfs/opt/java/openjdk" \
    --strip-debug --no-man-pages --no-header-files --compress=2 --generate-cds-archive >"$work/jlink.log" 2>&1 ||
    { cat "$work/jlink.log" >&2; die "jlink failed"; }
jre="$rootfs/opt/java/openjdk"
rm -f "$jre"/lib/{libawt,libawt_headless,libawt_xawt,libfontmanager,libjavajpeg,libjawt,libjsound,liblcms,libmlib_image,libsplashscreen}.so
rm -f "$jre/lib/server/classes_nocoops.jsa"

install -d "$rootfs/opt/tributary"
tar -xzf "$archive" -C "$rootfs/opt/tributary" --strip-components=1
install -m 755 "$here/run" "$rootfs/opt/tributary/bin/docker-run"

install_busybox "$rootfs"
copy_into_root "$rootfs" /usr/bin/bash
mapfile -t native < <(find "$jre" -type f \( -name '*.so' -o -path '*/bin/*' \))
copy_shared_libraries "$rootfs" /usr/bin/bash "${native[@]}"
copy_into_root "$rootfs" /usr/lib/locale/C.utf8

cat >"$rootfs/etc/passwd" <<'PASSWD'
root:x:0:0:root:/root:/bin/bash
tributary:x:1000:1000::/home/tributary:/bin/bash
nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin
PASSWD
cat >"$rootfs/etc/group" <<'GROUP'
root:x:0:
tributary:x:1000:
nogroup:x:65534:
GROUP
cat >"$rootfs/etc/nsswitch.conf" <<'NSS'
passwd: files
group: files
hosts: files dns
NSS
install -d "$rootfs/etc/tributary/connectors" "$rootfs/var/lib/tributary" "$rootfs/home/tributary" "$rootfs/tmp"
chmod 1777 "$rootfs/tmp"
chown -R "$app_uid:$app_uid" "$rootfs/etc/tributary" "$rootfs/var/lib/tributary" "$rootfs/home/tributary"

log "importing $image"
import_rootfs "$rootfs" "$image" \
    "ENV PATH=/opt/tributary/bin:/opt/java/openjdk/bin:/usr/bin:/bin JAVA_HOME=/opt/java/openjdk LANG=C.UTF-8" \
    "USER tributary" \
    "WORKDIR /home/tributary" \
    'CMD ["/opt/tributary/bin/docker-run"]' \
    "EXPOSE 8083" \
    "LABEL org.opencontainers.image.title=tributary-worker io.tributary.image=worker ${TRIBUTARY_INPUTS_LABEL}=${inputs_hash}"
docker image ls --format '{{.Repository}}:{{.Tag}}  {{.Size}}' "$image"
