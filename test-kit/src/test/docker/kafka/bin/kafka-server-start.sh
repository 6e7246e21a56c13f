#!/bin/bash
# kafka-server-start.sh server.properties [--override name=value ...]: runs the broker and/or
# controller in the foreground, with the heap and logging defaults of Kafka's own start script.
set -euo pipefail

if [[ $# -lt 1 ]]; then
    echo "USAGE: $0 server.properties [--override property=value]*" >&2
    exit 1
fi

export KAFKA_HEAP_OPTS="${KAFKA_HEAP_OPTS:--Xmx1G -Xms1G}"
export KAFKA_LOG4J_OPTS="${KAFKA_LOG4J_OPTS:--Dlog4j2.configurationFile=/opt/kafka/config/log4j2.yaml}"
exec "$(dirname "$0")/kafka-run-class.sh" kafka.Kafka "$@"
