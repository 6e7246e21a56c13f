#!/usr/bin/env bash
# Runs every benchmark of this module, one after the other, and keeps their output in
# benchmarks/target/results/<date>/: the throughput of the source and sink paths, the JSON converter and the
# transformations (JMH), and failover in a cluster of worker processes, each beside Apache Kafka Connect.
#
#   benchmarks/run.sh            # everything, about 16 minutes on 2 cores
#   benchmarks/run.sh --quick    # a short run of each, about 4 minutes
#
# It builds the benchmark JAR first (offline when the local repository has what it needs). Run nothing else
# on the machine meanwhile: the figures are ratios measured in one run, and a build beside them skews both
# sides differently.
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

if $quick; then
    run throughput java -jar "$jar" --smoke
    run micro java -cp "$jar" io.tributary.benchmarks.MicroBenchmarks --quick
    run failover java -cp "$jar" io.tributary.benchmarks.FailoverBenchmark --runs=1
else
    run throughput java -jar "$jar" 1000000
    run micro java -cp "$jar" io.tributary.benchmarks.MicroBenchmarks
    run failover java -cp "$jar" io.tributary.benchmarks.FailoverBenchmark --runs=5 --connect-defaults
fi
echo "All figures in $results"
