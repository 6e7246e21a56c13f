# shellcheck shell=bash
# Helpers shared by the scripts in this folder. Sourced, never run on its own.
#
# The container tests of the test kit need images (apache/kafka, postgres, mariadb) that honour the
# contracts of the public images Testcontainers is written against. CI machines reach Maven Central
# and Debian's packages but no container registry, so the images are assembled from what the host
# already has or installs (its JDK, PostgreSQL, MariaDB, bash and busybox) and imported into Docker.

# Label holding the hash of everything an image was built from: a rebuild happens only when it
# differs, so a second run of the set-up costs seconds.
readonly TRIBUTARY_INPUTS_LABEL=io.tributary.build-inputs

log() {
    printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2
}

die() {
    log "ERROR: $*"
    exit 1
}

# apt_install PACKAGE...: installs the packages that are not installed yet. The package index is
# refreshed first only when apt does not know a candidate for one of them, and once more if the
# download fails, since a stale index points at files the mirror no longer has.
apt_install() {
    # Outputs are captured before matching: `cmd | grep -q` can fail under pipefail when grep
    # exits early and cmd dies of SIGPIPE.
    local missing=() pkg status policy
    for pkg in "$@"; do
        status="$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)"
        if [[ "$status" != *"install ok installed"* ]]; then
            missing+=("$pkg")
        fi
    done
    if [[ ${#missing[@]} -eq 0 ]]; then
        return 0
    fi
    # No questions, and no notice that debconf cannot ask them.
    export DEBIAN_FRONTEND=noninteractive DEBCONF_NOWARNINGS=yes
    for pkg in "${missing[@]}"; do
        policy="$(apt-cache policy "$pkg" 2>/dev/null || true)"
        if [[ ! "$policy" =~ Candidate:\ [0-9] ]]; then
            log "apt does not know ${pkg} yet: refreshing the package index"
            apt-get update -qq
            break
        fi
    done
    log "installing ${missing[*]}"
    if ! apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; then
        log "install failed: refreshing the package index and trying once more"
        apt-get update -qq
        apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    fi
}

# package_versions PACKAGE...: one "name=version" line per package, for input hashes.
package_versions() {
    dpkg-query -W -f='${Package}=${Version}\n' "$@" | sort
}

# image_is_current IMAGE HASH: true when IMAGE exists and was built from inputs with this hash.
image_is_current() {
    local current
    current="$(docker image inspect --format "{{ index .Config.Labels \"${TRIBUTARY_INPUTS_LABEL}\" }}" "$1" 2>/dev/null)" || return 1
    [[ "$current" == "$2" ]]
}

# copy_into_root ROOTFS PATH...: copies each file or folder to the same path under ROOTFS,
# following symlinks, so that merged-/usr links inside ROOTFS put it where the host has it. A link
# already at the destination (such as busybox's applet of the same name) is replaced, not written
# through.
copy_into_root() {
    local rootfs="$1" path
    shift
    for path in "$@"; do
        cp -RL --parents --remove-destination "$path" "$rootfs/"
    done
}

# copy_shared_libraries ROOTFS FILE...: copies the shared libraries the dynamic linker resolves for
# the given executables and libraries, and the dynamic linker itself, into ROOTFS. A library that
# is not found is one the files load relative to themselves (such as the JVM's own), which the
# caller copies with them.
copy_shared_libraries() {
    local rootfs="$1"
    shift
    local libs
    # ldd prints "name => /path (address)" for resolved libraries and "/path (address)" for the
    # dynamic linker. Libraries resolved inside ROOTFS itself (found next to the file) are there
    # already.
    libs="$(for file in "$@"; do ldd "$file" 2>/dev/null || true; done |
        awk -v root="$rootfs/" '/=> \// { path = $3 } /^[[:space:]]*\// { path = $1 }
            path != "" && index(path, root) != 1 { print path } { path = "" }' | sort -u)"
    if [[ -n "$libs" ]]; then
        # shellcheck disable=SC2086 # one library path per word
        copy_into_root "$rootfs" $libs
    fi
}

# make_merged_usr ROOTFS: the directory layout of a Debian bookworm root, where /bin, /sbin, /lib
# and /lib64 are links into /usr, with a world-writable /tmp.
make_merged_usr() {
    local rootfs="$1" dir
    mkdir -p "$rootfs"/usr/{bin,sbin,lib,lib64} "$rootfs"/{etc,tmp,var/tmp,root,dev,proc,sys,run}
    for dir in bin sbin lib lib64; do
        ln -sfn "usr/$dir" "$rootfs/$dir"
    done
    chmod 1777 "$rootfs/tmp" "$rootfs/var/tmp"
    chmod 700 "$rootfs/root"
}

# install_busybox ROOTFS: the host's static busybox and one link per applet in /usr/bin, leaving
# alone any command already there (such as bash), so the image has sh and the usual tools.
install_busybox() {
    local rootfs="$1" applet
    install -m 755 /bin/busybox "$rootfs/usr/bin/busybox"
    for applet in $(/bin/busybox --list); do
        if [[ ! -e "$rootfs/usr/bin/$applet" && ! -L "$rootfs/usr/bin/$applet" ]]; then
            ln -s busybox "$rootfs/usr/bin/$applet"
        fi
    done
}

# import_rootfs ROOTFS IMAGE INSTRUCTION...: makes IMAGE from the file tree ROOTFS and the given
# Dockerfile instructions (ENV, CMD, STOPSIGNAL, LABEL...). The tree becomes the image's only layer
# with `docker import`; the instructions are then applied by a build from that layer, since
# `docker import --change` of Debian's engine refuses some of them (STOPSIGNAL). The build has no
# context and adds no layer. Owners are kept as numeric ids: the image's /etc/passwd names them.
import_rootfs() {
    local rootfs="$1" image="$2"
    shift 2
    local previous layer
    previous="$(docker image inspect --format '{{.Id}}' "$image" 2>/dev/null || true)"
    layer="$(tar --numeric-owner -C "$rootfs" -cf - . | docker import -)"
    # The classic builder: it needs nothing beyond the engine (BuildKit would need the buildx
    # plugin, which Debian's docker.io does not have).
    # Each instruction adds an intermediate image: callers keep them few by grouping ENV and LABEL.
    # The builder's notice that it is deprecated is shown only with an error.
    if ! {
        printf 'FROM %s\n' "$layer"
        printf '%s\n' "$@"
    } | DOCKER_BUILDKIT=0 docker build --quiet --tag "$image" - >/dev/null 2>"$rootfs.build.log"; then
        cat "$rootfs.build.log" >&2
        die "docker build of $image failed"
    fi
    # The image this one replaces would stay behind untagged; it is kept only while a container
    # still uses it.
    if [[ -n "$previous" && "$previous" != "$(docker image inspect --format '{{.Id}}' "$image")" ]]; then
        docker image rm "$previous" >/dev/null 2>&1 || true
    fi
}
