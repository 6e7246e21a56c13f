#!/usr/bin/env bash
# Sets up everything the test kit's container tests need on a Debian bookworm machine with no
# container registry: a running Docker engine and the three local images they start.
#
#   test-kit/src/test/docker/build-images.sh
#
# Environment:
#   TRIBUTARY_TESTKIT_KAFKA_IMAGE name of the Kafka image (default apache/kafka:4.3.1)
#   TRIBUTARY_TESTKIT_POSTGRES_IMAGE name of the PostgreSQL image (default postgres:15)
#   TRIBUTARY_TESTKIT_MYSQL_IMAGE name of the MariaDB image (default mariadb:10.11)
#
# Safe to run again: an engine already running is left alone, and an image whose inputs have not
# changed is not rebuilt, so a second run takes a few seconds. Run as root (it installs packages
# and starts dockerd).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=lib.sh
source "$here/lib.sh"

kafka_image="${TRIBUTARY_TESTKIT_KAFKA_IMAGE:-apache/kafka:4.3.1}"
postgres_image="${TRIBUTARY_TESTKIT_POSTGRES_IMAGE:-postgres:15}"
mysql_image="${TRIBUTARY_TESTKIT_MYSQL_IMAGE:-mariadb:10.11}"

timings=()

# Microseconds since the epoch (EPOCHREALTIME without its decimal point).
now_us() {
    echo "${EPOCHREALTIME/./}"
}

# elapsed_since START_US: seconds since START_US, with one decimal.
elapsed_since() {
    local us=$(($(now_us) - $1))
    printf '%d.%d' $((us / 1000000)) $((us % 1000000 / 100000))
}

# step NAME COMMAND...: runs a step and records how long it took.
step() {
    local name="$1" started
    started="$(now_us)"
    shift
    log "== ${name}"
    "$@"
    timings+=("$(printf '%-40s %6s s' "$name" "$(elapsed_since "$started")")")
}

begin="$(now_us)"

step "Docker engine" "$here/install-docker.sh"
step "Kafka image ${kafka_image}" "$here/kafka/build.sh" "$kafka_image"
step "PostgreSQL image ${postgres_image}" "$here/postgres/build.sh" "$postgres_image"
step "MariaDB image ${mysql_image}" "$here/mariadb/build.sh" "$mysql_image"

log "== Timings"
printf '%s\n' "${timings[@]}" "$(printf '%-40s %6s s' total "$(elapsed_since "$begin")")"
docker image ls --format '{{.Repository}}:{{.Tag}}  {{.Size}}' "$kafka_image"
docker image ls --format '{{.Repository}}:{{.Tag}}  {{.Size}}' "$postgres_image"
docker image ls --format '{{.Repository}}:{{.Tag}}  {{.Size}}' "$mysql_image"
