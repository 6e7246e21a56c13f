package io.tributary.benchmarks;

import io.tributary.benchmarks.Pipeline.Engine;
import io.tributary.benchmarks.Pipeline.Side;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What to measure, from the command line.
 *
 * @param records records per run
 * @param runs runs of each pipeline on each workload; all but the last warm up, the last is reported
 * @param workloads the workloads, in order
 * @param only the pipelines to run, as {@code engine-side} such as {@code tributary-source}; empty for all
 */
record BenchmarkOptions(long records, int runs, List<Workload> workloads, Set<String> only) {
    static final long DEFAULT_RECORDS = 1_000_000;
    static final long SMOKE_RECORDS = 20_000;

    static final String USAGE = """
            Usage: java -jar benchmarks/target/tributary-benchmarks.jar [RECORDS] [options]

              RECORDS              records per run (default 1,000,000; underscores and commas allowed)
              --smoke              a run of a few seconds: 20,000 records
              --partitions=1,6     the workloads: partitions of the topic, each moved by as many tasks
              --runs=2             runs of each pipeline per workload; the last is reported, the others
                                   warm up
              --only=NAME,...      run only these pipelines: raw-source, tributary-source, connect-source,
                                   adapted-source, raw-sink, tributary-sink, connect-sink, adapted-sink,
                                   raw-datagen, tributary-datagen (for profiling one of them)
              --help               this text
            """;

    BenchmarkOptions {
        if (records < 1) {
            throw new IllegalArgumentException("RECORDS must be at least 1, got " + records);
        }
        if (runs < 1) {
            throw new IllegalArgumentException("--runs must be at least 1, got " + runs);
        }
        if (workloads.isEmpty()) {
            throw new IllegalArgumentException("--partitions names no workload");
        }
        workloads = List.copyOf(workloads);
        only = Set.copyOf(only);
    }

    /**
     * @param args the command line
     * @return the options
     * @throws IllegalArgumentException naming the argument that is wrong
     */
    static BenchmarkOptions parse(String... args) {
        long records = DEFAULT_RECORDS;
        int runs = 2;
        List<Workload> workloads = List.of(new Workload(1), new Workload(6));
        Set<String> only = new LinkedHashSet<>();
        for (String arg : args) {
            if (arg.equals("--smoke")) {
                records = SMOKE_RECORDS;
            } else if (arg.startsWith("--partitions=")) {
                workloads = new ArrayList<>();
                for (String partitions : values(arg)) {
                    workloads.add(new Workload(number(partitions, "--partitions")));
                }
            } else if (arg.startsWith("--runs=")) {
                runs = number(arg.substring("--runs=".length()), "--runs");
            } else if (arg.startsWith("--only=")) {
                for (String name : values(arg)) {
                    if (!pipelineNames().contains(name)) {
                        throw new IllegalArgumentException(
                                "--only names '" + name + "', which is not one of " + pipelineNames());
                    }
                    only.add(name);
                }
            } else if (!arg.startsWith("-")) {
                records = wholeNumber(arg.replace("_", "").replace(",", ""), "RECORDS");
            } else {
                throw new IllegalArgumentException("Unknown option '" + arg + "'");
            }
        }
        return new BenchmarkOptions(records, runs, workloads, only);
    }

    /**
     * @param engine who moves the records
     * @param side which way
     * @return whether that pipeline is to run
     */
    boolean includes(Engine engine, Side side) {
        return only.isEmpty() || only.contains(name(engine, side));
    }

    /**
     * @param engine who moves the records
     * @param side which way
     * @return the pipeline's name on the command line, such as {@code tributary-source}
     */
    static String name(Engine engine, Side side) {
        return engine.name().toLowerCase(Locale.ROOT) + "-" + side.name().toLowerCase(Locale.ROOT);
    }

    private static List<String> pipelineNames() {
        List<String> names = new ArrayList<>();
        for (Side side : Side.values()) {
            for (Engine engine : Engine.values()) {
                // The datagen connector is written on Tributary's SDK: Kafka Connect cannot run it, and it is no
                // Connect plugin.
                if (!(side == Side.DATAGEN && (engine == Engine.CONNECT || engine == Engine.ADAPTED))) {
                    names.add(name(engine, side));
                }
            }
        }
        return names;
    }

    private static List<String> values(String arg) {
        return Arrays.stream(arg.substring(arg.indexOf('=') + 1).split(","))
                .map(String::trim)
                .filter(value -> !value.isEmpty())
                .toList();
    }

    private static int number(String text, String what) {
        try {
            return Math.toIntExact(wholeNumber(text, what));
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(what + " is too large: " + text, e);
        }
    }

    private static long wholeNumber(String text, String what) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " must be a whole number, got '" + text + "'", e);
        }
    }
}
