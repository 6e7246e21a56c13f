package io.tributary.benchmarks;

import io.tributary.benchmarks.micro.JsonConverterBenchmark;
import io.tributary.benchmarks.micro.TransformBenchmark;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the JMH micro-benchmarks of the JSON converter and the built-in transformations, Tributary's beside Kafka
 * Connect's, in one forked JVM each, and prints a Markdown table of operations per second and their ratio.
 *
 * <p>{@code java -cp tributary-benchmarks.jar io.tributary.benchmarks.MicroBenchmarks [--quick]}
 */
public final class MicroBenchmarks {
    private MicroBenchmarks() {}

    public static void main(String[] args) throws RunnerException {
        boolean quick = List.of(args).contains("--quick");
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(JsonConverterBenchmark.class.getName())
                .include(TransformBenchmark.class.getName())
                .forks(1)
                .threads(1)
                .timeUnit(TimeUnit.SECONDS)
                .warmupIterations(quick ? 1 : 2)
                .warmupTime(TimeValue.milliseconds(quick ? 200 : 500))
                .measurementIterations(quick ? 1 : 3)
                .measurementTime(TimeValue.milliseconds(quick ? 300 : 700))
                .jvmArgsAppend("-Xmx1g");
        Collection<RunResult> results = new Runner(options.build()).run();
        System.out.println();
        System.out.println(table(results));
    }

    /** @return one row per benchmark and parameter: Tributary's and Connect's operations per second, and the ratio */
    static String table(Collection<RunResult> results) {
        Map<String, double[]> rows = new LinkedHashMap<>();
        for (RunResult result : results) {
            String method = result.getParams().getBenchmark();
            method = method.substring(method.lastIndexOf('.') + 1);
            boolean ours = method.startsWith("tributary");
            String operation = method.replaceFirst("^(tributary|connect)", "");
            String parameter = result.getParams().getParamsKeys().stream()
                    .map(key -> key + "=" + result.getParams().getParam(key))
                    .reduce((a, b) -> a + ", " + b)
                    .orElse("");
            String name = result.getParams().getBenchmark().contains("JsonConverter")
                    ? "JSON converter, " + (operation.equals("ToBytes") ? "to bytes" : "from bytes") + ", "
                            + (parameter.contains("true") ? "with schemas" : "schemaless")
                    : parameter.replace("transform=", "");
            double[] row = rows.computeIfAbsent(name, n -> new double[2]);
            row[ours ? 0 : 1] = result.getPrimaryResult().getScore();
        }
        List<String> lines = new ArrayList<>();
        lines.add("| benchmark | Tributary ops/s | Connect ops/s | Tributary/Connect |");
        lines.add("| --- | ---: | ---: | ---: |");
        rows.forEach((name, row) -> lines.add(
                String.format(Locale.ROOT, "| %s | %,.0f | %,.0f | %.2f |", name, row[0], row[1], row[0] / row[1])));
        return String.join("\n", lines);
    }
}
