#!/usr/bin/env bash
# build.sh [IMAGE]: builds a local Kafka image (default apache/kafka:4.3.1) that honours the
# contract of the public apache/kafka image as Testcontainers' KafkaContainer uses it, without
# pulling anything: the JRE is made with jlink from the host's JDK 17, the shell and tools are the
# host's bash and static busybox, Kafka's jars come from Maven Central, and the file tree is
# imported as a single-layer image.
#
# The image is rebuilt only when the hash of its inputs (the files in this folder, lib.sh and the
# versions of the host packages copied into it) differs from the one in its label.
#
# Image layout, as in the public image:
#   /etc/kafka/docker/run        entry point: KAFKA_* variables -> server.properties, format, start
#   /opt/kafka/bin, libs, config launcher scripts, jars, configuration written at start
#   /opt/java/openjdk            the JRE
#   user appuser (uid 1000), CMD /etc/kafka/docker/run, port 9092
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
docker_dir="$(dirname "$here")"
repo_root="$(cd "$docker_dir/../../../.." && pwd)"
# shellcheck source-path=SCRIPTDIR/..
# shellcheck source=lib.sh
source "$docker_dir/lib.sh"

image="${1:-apache/kafka:4.3.1}"
kafka_version=4.3.1
scala_binary=2.13
log4j_version=2.25.4
slf4j_version=2.0.17
jdk_home=/usr/lib/jvm/java-17-openjdk-amd64
app_uid=1000

# Modules of the JRE: what the broker, its clients and tools load. java.desktop is there for
# java.beans; its graphics libraries are removed below.
jre_modules=java.base,java.desktop,java.instrument,java.logging,java.management,java.management.rmi,java.naming,java.net.http,java.rmi,java.scripting,java.security.jgss,java.security.sasl,java.sql,java.xml,jdk.charsets,jdk.crypto.ec,jdk.management,jdk.management.agent,jdk.naming.dns,jdk.net,jdk.security.auth,jdk.security.jgss,jdk.unsupported,jdk.zipfs

host_packages=(openjdk-17-jdk-headless openjdk-17-jre-headless bash busybox-static libc6 zlib1g)

# Command-line tools of the public image that tests commonly run inside the container.
declare -A tools=(
    [kafka-topics.sh]=org.apache.kafka.tools.TopicCommand
    [kafka-console-producer.sh]=org.apache.kafka.tools.ConsoleProducer
    [kafka-console-consumer.sh]=org.apache.kafka.tools.consumer.ConsoleConsumer
    [kafka-consumer-groups.sh]=org.apache.kafka.tools.consumer.group.ConsumerGroupCommand
    [kafka-configs.sh]=kafka.admin.ConfigCommand
    [kafka-storage.sh]=kafka.tools.StorageTool
    [kafka-metadata-quorum.sh]=org.apache.kafka.tools.MetadataQuorumCommand
)

if [[ ! -x "$jdk_home/bin/jlink" ]]; then
    apt_install openjdk-17-jdk-headless
fi
apt_install busybox-static

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
log "building $image (inputs ${inputs_hash:0:12})"

work="$(mktemp -d /tmp/tributary-kafka-image.XXXXXX)"
trap 'rm -rf "$work"' EXIT
rootfs="$work/rootfs"
make_merged_usr "$rootfs"

# The jars, resolved by Maven from a throwaway project. kafka_2.13 brings the broker's modules at
# runtime scope; they are listed anyway so that the image does not depend on how its POM is cut.
# kafka-tools (the command-line tools) would also bring Kafka Connect's runtime with its web
# server, 36 jars that only the connect-plugin-path tool uses: they are left out.
# Kafka's POMs bring no logging back end: log4j2 with its SLF4J 2 binding is added, with an
# SLF4J 2 API that wins over the 1.7 one Kafka names.
pom_dependencies=""
for artifact in "kafka_${scala_binary}" kafka-clients kafka-server kafka-server-common kafka-metadata \
    kafka-raft kafka-storage kafka-storage-api kafka-group-coordinator kafka-group-coordinator-api \
    kafka-transaction-coordinator kafka-share-coordinator kafka-coordinator-common kafka-tools-api; do
    pom_dependencies+="<dependency><groupId>org.apache.kafka</groupId><artifactId>${artifact}</artifactId><version>${kafka_version}</version></dependency>"
done
pom_dependencies+="<dependency><groupId>org.apache.kafka</groupId><artifactId>kafka-tools</artifactId><version>${kafka_version}</version><exclusions>"
pom_dependencies+="<exclusion><groupId>org.apache.kafka</groupId><artifactId>connect-runtime</artifactId></exclusion>"
pom_dependencies+="<exclusion><groupId>com.fasterxml.jackson.jakarta.rs</groupId><artifactId>jackson-jakarta-rs-json-provider</artifactId></exclusion>"
pom_dependencies+="</exclusions></dependency>"
pom_dependencies+="<dependency><groupId>org.slf4j</groupId><artifactId>slf4j-api</artifactId><version>${slf4j_version}</version></dependency>"
for artifact in log4j-api log4j-core log4j-slf4j2-impl; do
    pom_dependencies+="<dependency><groupId>org.apache.logging.log4j</groupId><artifactId>${artifact}</artifactId><version>${log4j_version}</version></dependency>"
done
mkdir -p "$work/jars"
cat >"$work/jars/pom.xml" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>io.tributary.images</groupId>
  <artifactId>kafka-image-jars</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <dependencies>${pom_dependencies}</dependencies>
  <build>
    <plugins>
      <plugin>
        <groupId>org.apache.maven.plugins</groupId>
        <artifactId>maven-dependency-plugin</artifactId>
        <version>3.8.1</version>
      </plugin>
    </plugins>
  </build>
</project>
EOF

# jlink is CPU-bound and Maven mostly waits on the network: run them side by side. Compressing the
# class library saves 28 MB and costs no measurable start-up time: the classes a JVM loads first
# come from the class-data-sharing archive made here, not from the compressed modules file.
log "making the JRE with jlink (in the background) and resolving Kafka's jars with Maven"
"$jdk_home/bin/jlink" --add-modules "$jre_modules" --output "$rootfs/opt/java/openjdk" \
    --strip-debug --no-man-pages --no-header-files --compress=2 --generate-cds-archive \
    >"$work/jlink.log" 2>&1 &
jlink_pid=$!

"$repo_root/mvnw" -q -B --no-transfer-progress -f "$work/jars/pom.xml" \
    dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$rootfs/opt/kafka/libs"

if ! wait "$jlink_pid"; then
    cat "$work/jlink.log" >&2
    die "jlink failed"
fi

jre="$rootfs/opt/java/openjdk"
# Graphics, sound and font support of java.desktop: never used by Kafka, and their libraries need
# X11 and font libraries the image does not have.
rm -f "$jre"/lib/{libawt,libawt_headless,libawt_xawt,libfontmanager,libjavajpeg,libjawt,libjsound,liblcms,libmlib_image,libsplashscreen}.so
# The archive for compressed-oops-off heaps (above 32 GB) is never used here.
rm -f "$jre/lib/server/classes_nocoops.jsa"
for jar in log4j-core log4j-slf4j2-impl slf4j-api-2 kafka-server-common; do
    compgen -G "$rootfs/opt/kafka/libs/${jar}*.jar" >/dev/null || die "${jar} is missing from the jars"
done

log "assembling the file tree"
install_busybox "$rootfs"
copy_into_root "$rootfs" /usr/bin/bash
mapfile -t native < <(find "$jre" -type f \( -name '*.so' -o -path '*/bin/*' \))
copy_shared_libraries "$rootfs" /usr/bin/bash "${native[@]}"
# Java reads the locale to choose its default encodings: C.UTF-8 makes them UTF-8.
copy_into_root "$rootfs" /usr/lib/locale/C.utf8

cat >"$rootfs/etc/passwd" <<'EOF'
root:x:0:0:root:/root:/bin/bash
appuser:x:1000:1000::/home/appuser:/bin/bash
nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin
EOF
cat >"$rootfs/etc/group" <<'EOF'
root:x:0:
appuser:x:1000:
nogroup:x:65534:
EOF
# Local files first: the broker looks up its own host name, which Docker puts in /etc/hosts, and
# glibc's default without this file asks DNS first.
cat >"$rootfs/etc/nsswitch.conf" <<'EOF'
passwd: files
group: files
shadow: files
hosts: files dns
networks: files
protocols: files
services: files
EOF

install -d "$rootfs/etc/kafka/docker" "$rootfs/opt/kafka/bin"
install -m 755 "$here/run" "$rootfs/etc/kafka/docker/run"
install -m 644 "$here/server.properties" "$here/log4j2.yaml" "$here/tools-log4j2.yaml" "$rootfs/etc/kafka/docker/"
install -m 755 "$here/bin/kafka-run-class.sh" "$here/bin/kafka-server-start.sh" "$rootfs/opt/kafka/bin/"
for tool in "${!tools[@]}"; do
    # shellcheck disable=SC2016 # $0 and $@ belong to the generated script
    printf '#!/bin/bash\nexec "$(dirname "$0")/kafka-run-class.sh" %s "$@"\n' "${tools[$tool]}" >"$rootfs/opt/kafka/bin/$tool"
    chmod 755 "$rootfs/opt/kafka/bin/$tool"
done
# The configuration the tools read before the entry point has written its own.
install -d "$rootfs/opt/kafka/config"
cp "$here/server.properties" "$here/log4j2.yaml" "$here/tools-log4j2.yaml" "$rootfs/opt/kafka/config/"
# Where appuser writes: configuration and logs, mounted configuration, data and secrets.
install -d "$rootfs/opt/kafka/logs" "$rootfs/mnt/shared/config" "$rootfs/var/lib/kafka/data" \
    "$rootfs/etc/kafka/secrets" "$rootfs/home/appuser" "$rootfs/usr/logs"
chown -R "$app_uid:$app_uid" "$rootfs/opt/kafka/config" "$rootfs/opt/kafka/logs" "$rootfs/mnt/shared/config" \
    "$rootfs/home/appuser" "$rootfs/usr/logs"
chown -R "$app_uid:0" "$rootfs/etc/kafka" "$rootfs/var/lib/kafka"
chmod -R ug+w "$rootfs/etc/kafka" "$rootfs/var/lib/kafka"

log "importing $image"
import_rootfs "$rootfs" "$image" \
    "ENV PATH=/opt/java/openjdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin JAVA_HOME=/opt/java/openjdk LANG=C.UTF-8" \
    "USER appuser" \
    "WORKDIR /" \
    'CMD ["/etc/kafka/docker/run"]' \
    "EXPOSE 9092" \
    "LABEL org.opencontainers.image.title=kafka org.opencontainers.image.version=${kafka_version} io.tributary.image=kafka ${TRIBUTARY_INPUTS_LABEL}=${inputs_hash}"
log "built $image: $(docker image inspect --format '{{.Size}}' "$image" | awk '{ printf "%.0f MB", $1 / 1000000 }')"
