#!/usr/bin/env bash
# Makes sure a Docker engine answers on this machine: installs Debian's docker.io when there is no
# dockerd, starts dockerd in the background when none is running, and waits until it answers.
# Safe to run again: with an engine already up it only prints the versions.
#
# CI and developer machines of this project are Debian bookworm containers without systemd, so the
# daemon is started by hand and keeps running after this script exits.
#
# Environment:
#   TRIBUTARY_DOCKERD_LOG   where dockerd writes its log (default /var/log/dockerd.log)
#   TRIBUTARY_DOCKERD_WAIT  seconds to wait for the daemon to answer (default 60)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=lib.sh
source "$here/lib.sh"

dockerd_log="${TRIBUTARY_DOCKERD_LOG:-/var/log/dockerd.log}"
wait_seconds="${TRIBUTARY_DOCKERD_WAIT:-60}"
# dockerd lives in /usr/sbin and runs iptables from there: make sure a PATH without the sbin
# folders (as some non-login shells have) still finds them.
export PATH="$PATH:/usr/local/sbin:/usr/sbin:/sbin"

# The docker CLI first on PATH may be newer than Debian's engine (a 28.x CLI speaks API 1.50, the
# 20.10 engine at most 1.41). The CLI negotiates down to the daemon's version, so either CLI works;
# check_cli below proves it for the one on PATH rather than assuming it. Testcontainers 2.0.5
# needs nothing either: it asks for API 1.44 first and falls back to 1.32, which the engine serves.
engine_answers() {
    docker info >/dev/null 2>&1
}

print_versions() {
    local versions
    versions="$(docker version --format \
        'docker CLI {{.Client.Version}} (API {{.Client.APIVersion}}), engine {{.Server.Version}} (API {{.Server.APIVersion}}, minimum {{.Server.MinAPIVersion}})')"
    printf '%s\n' "$versions"
}

check_cli() {
    if ! command -v docker >/dev/null 2>&1; then
        die "no docker CLI on PATH, although docker.io is installed"
    fi
    if ! engine_answers; then
        # A CLI that cannot talk to the engine while the package's own one can: say which to use
        # instead of leaving later steps to fail with an unclear error.
        if [[ -x /usr/bin/docker ]] && /usr/bin/docker info >/dev/null 2>&1; then
            die "the engine answers /usr/bin/docker but not $(command -v docker); put /usr/bin first on PATH or set DOCKER_API_VERSION=$(/usr/bin/docker version --format '{{.Server.APIVersion}}')"
        fi
        die "the docker engine does not answer; see ${dockerd_log}"
    fi
}

if engine_answers; then
    print_versions
    exit 0
fi

if ! command -v dockerd >/dev/null 2>&1; then
    # docker.io brings containerd, runc and tini as dependencies; its service is not started at
    # install (there is no init system here), which is why dockerd is launched below.
    apt_install docker.io
fi

if pgrep -x dockerd >/dev/null 2>&1; then
    log "dockerd is already running but does not answer yet: waiting for it"
else
    log "starting dockerd (log: ${dockerd_log})"
    mkdir -p "$(dirname "$dockerd_log")"
    # setsid and closed standard streams detach the daemon from this shell and its caller, so it
    # outlives them and does not hold a pipe of theirs open.
    setsid dockerd >>"$dockerd_log" 2>&1 </dev/null &
fi

deadline=$((SECONDS + wait_seconds))
until engine_answers || /usr/bin/docker info >/dev/null 2>&1; do
    if ((SECONDS >= deadline)); then
        tail -n 30 "$dockerd_log" >&2 || true
        die "dockerd did not answer within ${wait_seconds} s"
    fi
    sleep 0.5
done

check_cli
print_versions
