package io.tributary.benchmarks;

import io.tributary.benchmarks.Pipeline.Engine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Lays results out as one row per workload and side: records per second of the raw client, Tributary and
 * Kafka Connect, then Tributary's ratio to each; then Connect's own plugin classes run on Tributary through
 * its adapters, and their ratio to the same classes on Connect. A missing measurement shows as {@code -}.
 */
final class ResultTable {
    private static final String[] HEADER = {
        "workload",
        "path",
        "raw records/s",
        "Tributary records/s",
        "Connect records/s",
        "Tributary/raw",
        "Tributary/Connect",
        "Connect plugin on Tributary records/s",
        "plugin on Tributary/Connect"
    };

    private ResultTable() {}

    /**
     * @param results measured runs, in the order they ran
     * @return the table as Markdown, so it can be pasted into a README as it is
     */
    static String format(List<Result> results) {
        Map<String, Map<Engine, Result>> rows = new LinkedHashMap<>();
        for (Result result : results) {
            String key = result.workload().label() + "|" + result.side().label();
            rows.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(result.engine(), result);
        }
        List<String[]> lines = new ArrayList<>();
        lines.add(HEADER);
        for (Map.Entry<String, Map<Engine, Result>> row : rows.entrySet()) {
            String[] keys = row.getKey().split("\\|");
            OptionalDouble raw = rate(row.getValue(), Engine.RAW);
            OptionalDouble tributary = rate(row.getValue(), Engine.TRIBUTARY);
            OptionalDouble connect = rate(row.getValue(), Engine.CONNECT);
            OptionalDouble adapted = rate(row.getValue(), Engine.ADAPTED);
            lines.add(new String[] {
                keys[0],
                keys[1],
                perSecond(raw),
                perSecond(tributary),
                perSecond(connect),
                ratio(tributary, raw),
                ratio(tributary, connect),
                perSecond(adapted),
                ratio(adapted, connect)
            });
        }
        return markdown(lines);
    }

    private static OptionalDouble rate(Map<Engine, Result> row, Engine engine) {
        Result result = row.get(engine);
        return result == null ? OptionalDouble.empty() : OptionalDouble.of(result.recordsPerSecond());
    }

    private static String perSecond(OptionalDouble rate) {
        return rate.isPresent() ? String.format(Locale.ROOT, "%,.0f", rate.getAsDouble()) : "-";
    }

    private static String ratio(OptionalDouble numerator, OptionalDouble denominator) {
        return numerator.isPresent() && denominator.isPresent()
                ? String.format(Locale.ROOT, "%.2f", numerator.getAsDouble() / denominator.getAsDouble())
                : "-";
    }

    private static String markdown(List<String[]> lines) {
        int[] widths = new int[HEADER.length];
        for (String[] line : lines) {
            for (int i = 0; i < line.length; i++) {
                widths[i] = Math.max(widths[i], line[i].length());
            }
        }
        StringBuilder table = new StringBuilder();
        for (int l = 0; l < lines.size(); l++) {
            appendLine(table, lines.get(l), widths);
            if (l == 0) {
                String[] rule = new String[widths.length];
                for (int i = 0; i < widths.length; i++) {
                    rule[i] = (i >= 2 ? "-".repeat(widths[i] - 1) + ":" : "-".repeat(widths[i]));
                }
                appendLine(table, rule, widths);
            }
        }
        return table.toString();
    }

    private static void appendLine(StringBuilder table, String[] cells, int[] widths) {
        table.append('|');
        for (int i = 0; i < cells.length; i++) {
            String cell = cells[i];
            String padding = " ".repeat(widths[i] - cell.length());
            // Names read left-aligned, numbers right-aligned.
            table.append(' ').append(i >= 2 ? padding + cell : cell + padding).append(" |");
        }
        table.append('\n');
    }
}
