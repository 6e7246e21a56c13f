#!/usr/bin/env bash
# Runs every benchmark of this module and keeps their output in benchmarks/target/results/<date>/: the
# throughput of the source and sink paths, the JSON converter and the transformations (JMH), failover in a
# cluster of worker processes, scale (10 to 1,000 connectors), memory, and a connector test's time to its first
# record, each beside Apache Kafka Connect.
#
#   benchmarks/run.sh            # everything, under 20 minutes on 2 cores
#   benchmarks/run.sh --quick    # a short run of each, under 3 minutes
#
# It builds the benchmark JAR first (offline when the local repository has what it needs). Run nothing else
# on the machine meanwhile: the figures are ratios measured in one run, and a build beside them skews both
# sides differently.
#
# One measurement runs beside others: Connect at its defaults waits five minutes after a worker's death
# before it moves the worker's tasks, so that kill is timed while the memory, first-record and scale
# benchmarks run. Its cluster idles meanwhile; the figure is the five-minute timer plus seconds.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
quick=false
for arg in "$@"; do
    case "$arg" in
        --quick) quick=true ;;
        *) echo "Unknown argument '$arg'; the only option is --quick" >&2; exit 2 ;;
    esac
done

cd "$root"
./mvnw -q -pl benchmarks -am -DskipTests -Dmaven.javadoc.skip -Dmaven.source.skip -Dinvoker.skip \
    -Darchetype.test.skip package
jar="$here/target/tributary-benchmarks.jar"
results="$here/target/results/$(date -u +%Y-%m-%dT%H%M%SZ)"
mkdir -p "$results"

run() {
    local name="$1"
    shift
    echo "== $name"
    local start=$SECONDS
    "$@" > "$results/$name.md" 2> "$results/$name.log"
    tail -n 30 "$results/$name.md" | sed -n '/^|/p'
    echo "   ($((SECONDS - start)) s; output in $results/$name.md, logs in $results/$name.log)"
}

main() {
    java -cp "$jar" "io.tributary.benchmarks.$1" "${@:2}"
}

if $quick; then
    run throughput java -jar "$jar" --smoke --partitions=1
    run micro main MicroBenchmarks --quick
    run failover main FailoverBenchmark --runs=1 --quick
    run scale main ScaleBenchmark --connectors=10 --connect-connectors=10
    run memory main MemoryBenchmark --tasks=100
    run first-record main FirstRecordBenchmark --runs=1 --setups=embedded,connect
else
    run throughput java -jar "$jar" 1000000
    run micro main MicroBenchmarks
    run failover main FailoverBenchmark --runs=5
    # Connect at its defaults, in the background: its kill waits out a five-minute timer.
    main FailoverBenchmark --runs=0 --connect-defaults > "$results/failover-connect-defaults.md" \
        2> "$results/failover-connect-defaults.log" &
    defaults=$!
    run memory main MemoryBenchmark --tasks=1000
    run first-record main FirstRecordBenchmark --runs=3
    run scale main ScaleBenchmark --connectors=10,100,1000 --connect-connectors=10,100,1000 --limit=60
    echo "== failover, Kafka Connect at its defaults (began before memory)"
    wait "$defaults"
    tail -n 10 "$results/failover-connect-defaults.md" | sed -n '/^|/p'
fi
echo "All figures in $results ($SECONDS s in all)"
