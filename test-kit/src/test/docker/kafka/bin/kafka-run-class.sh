#!/bin/bash
# kafka-run-class.sh CLASS [ARGS...]: runs a main class with Kafka's jars, honouring the variables
# of Kafka's own launcher (KAFKA_HEAP_OPTS, KAFKA_JVM_PERFORMANCE_OPTS, KAFKA_LOG4J_OPTS,
# KAFKA_JMX_OPTS, KAFKA_OPTS) with the same defaults.
set -euo pipefail

if [[ $# -lt 1 ]]; then
    echo "USAGE: $0 classname [opts]" >&2
    exit 1
fi

kafka_home=/opt/kafka
heap_opts="${KAFKA_HEAP_OPTS:--Xmx256M}"
performance_opts="${KAFKA_JVM_PERFORMANCE_OPTS:--server -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:InitiatingHeapOccupancyPercent=35 -XX:+ExplicitGCInvokesConcurrent -XX:MaxInlineLevel=15 -Djava.awt.headless=true}"
log4j_opts="${KAFKA_LOG4J_OPTS:--Dlog4j2.configurationFile=$kafka_home/config/tools-log4j2.yaml}"

# shellcheck disable=SC2086 # each variable holds several JVM options, split on purpose
exec java $heap_opts $performance_opts ${KAFKA_JMX_OPTS:-} $log4j_opts ${KAFKA_OPTS:-} \
    -Dkafka.logs.dir="${LOG_DIR:-$kafka_home/logs}" -cp "$kafka_home/libs/*" "$@"
