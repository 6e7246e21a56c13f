package io.tributary.testkit.assertions;

import io.tributary.testkit.Database;
import io.tributary.testkit.Waits;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on what a table holds, each waiting until it holds or the deadline passes, since rows
 * written by a sink connector arrive over time. Numbers compare by value, so {@code 1}, {@code 1L} and
 * a {@code BigDecimal} of 1 match. On failure the message shows the rows that were there:
 *
 * <pre>{@code
 * assertThatTable(db, "orders")
 *         .hasRowCount(3)
 *         .containsRow(Map.of("id", 1, "status", "NEW"))
 *         .hasColumnValues("id", 1, 2, 3);
 * }</pre>
 */
public final class TableAssert extends AbstractAssert<TableAssert, String> {
    private static final int ROWS_SHOWN = 50;

    private final Database database;
    private Duration timeout = Waits.defaultTimeout();

    TableAssert(Database database, String table) {
        super(table, TableAssert.class);
        this.database = Objects.requireNonNull(database, "database");
    }

    /**
     * @param deadline how long each following assertion may wait
     * @return this assertion
     */
    public TableAssert within(Duration deadline) {
        this.timeout = Objects.requireNonNull(deadline, "deadline");
        return this;
    }

    /**
     * @param expected the number of rows
     * @return this assertion
     */
    public TableAssert hasRowCount(long expected) {
        awaitOrFail("have " + expected + " rows", rows -> rows.size() == expected);
        return this;
    }

    /**
     * @param minimum the least number of rows
     * @return this assertion
     */
    public TableAssert hasAtLeastRows(long minimum) {
        awaitOrFail("have at least " + minimum + " rows", rows -> rows.size() >= minimum);
        return this;
    }

    /**
     * Waits until the table holds {@code expected} rows, then checks that the count stays there for a
     * quiet period. Use it for a sink that goes on running after it wrote what the test sent: {@link
     * #hasRowCount(long)} passes the moment the count is reached, even if more rows are on the way.
     *
     * @param expected the number of rows
     * @param quietPeriod how long the count must not change after it is reached
     * @return this assertion
     */
    public TableAssert settlesAtRowCount(long expected, Duration quietPeriod) {
        Objects.requireNonNull(quietPeriod, "quietPeriod");
        hasRowCount(expected);
        List<List<Map<String, Object>>> changed = new ArrayList<>();
        try {
            Waits.until("table '" + actual + "' to change", quietPeriod, () -> {
                List<Map<String, Object>> rows = rows();
                if (rows.size() != expected) {
                    changed.add(rows);
                    return true;
                }
                return false;
            });
        } catch (AssertionError quiet) {
            return this; // the quiet period passed without a change
        }
        List<Map<String, Object>> rows = changed.get(0);
        failWithMessage(
                "Expected table '%s' in %s to stay at %d rows for %s but it went to %d rows: %s",
                actual, database.description(), expected, quietPeriod, rows.size(), shown(rows));
        return this;
    }

    /**
     * Waits until an assertion on the table's rows passes; a failure shows its last message and the rows.
     *
     * <pre>{@code
     * assertThatTable(db, "orders").eventuallySatisfies(rows -> assertThat(rows)
     *         .extracting(row -> row.get("status"))
     *         .containsOnly("SHIPPED"));
     * }</pre>
     *
     * @param requirements an assertion on the rows, each a map of lower-case column name to value
     * @return this assertion
     */
    public TableAssert eventuallySatisfies(Consumer<List<Map<String, Object>>> requirements) {
        List<List<Map<String, Object>>> last = new ArrayList<>(List.of(List.of()));
        try {
            Waits.untilAsserted("the rows of table '" + actual + "' to satisfy the requirements", timeout, () -> {
                List<Map<String, Object>> rows;
                try {
                    rows = rows();
                } catch (RuntimeException notYet) {
                    // A table a sink has not created yet is not there yet, rather than a failure.
                    throw new AssertionError("Cannot read table '" + actual + "': " + notYet.getMessage(), notYet);
                }
                last.set(0, rows);
                requirements.accept(rows);
            });
        } catch (AssertionError e) {
            failWithMessage(
                    "Expected the rows of table '%s' in %s to satisfy the requirements within %s but they did"
                            + " not: %s%nThe %d rows: %s",
                    actual,
                    database.description(),
                    timeout,
                    String.valueOf(e.getMessage()).strip(),
                    last.get(0).size(),
                    shown(last.get(0)));
        }
        return this;
    }

    /**
     * Waits until some row has the given values in the given columns (other columns may be anything).
     *
     * @param columns column names (any case) to expected values
     * @return this assertion
     */
    public TableAssert containsRow(Map<String, ?> columns) {
        awaitOrFail("contain a row with " + columns, rows -> rows.stream().anyMatch(row -> matches(row, columns)));
        return this;
    }

    /**
     * Waits until a column holds exactly the given values, in any order.
     *
     * @param column a column name, any case
     * @param values the values
     * @return this assertion
     */
    public TableAssert hasColumnValues(String column, Object... values) {
        String key = column.toLowerCase(Locale.ROOT);
        awaitOrFail(
                "have exactly the values " + Arrays.toString(values) + " in column '" + column + "'",
                rows -> sameInAnyOrder(rows.stream().map(row -> row.get(key)).toList(), Arrays.asList(values)));
        return this;
    }

    /** @return the table's rows now */
    public List<Map<String, Object>> rows() {
        return database.query("SELECT * FROM " + actual);
    }

    private void awaitOrFail(String expectation, Predicate<List<Map<String, Object>>> condition) {
        List<List<Map<String, Object>>> last = new ArrayList<>(List.of(List.of()));
        try {
            Waits.until(expectation, timeout, () -> {
                List<Map<String, Object>> rows = rows();
                last.set(0, rows);
                return condition.test(rows);
            });
        } catch (AssertionError e) {
            failWithMessage(
                    "Expected table '%s' in %s to %s within %s but was %d rows: %s",
                    actual,
                    database.description(),
                    expectation,
                    timeout,
                    last.get(0).size(),
                    shown(last.get(0)));
        }
    }

    /** The rows, one a line, the first {@value #ROWS_SHOWN} of them. */
    private static String shown(List<Map<String, Object>> rows) {
        if (rows.isEmpty()) {
            return "(none)";
        }
        StringBuilder text = new StringBuilder();
        rows.stream()
                .limit(ROWS_SHOWN)
                .forEach(row -> text.append(System.lineSeparator()).append("  ").append(row));
        if (rows.size() > ROWS_SHOWN) {
            text.append(System.lineSeparator())
                    .append("  ... and ")
                    .append(rows.size() - ROWS_SHOWN)
                    .append(" more");
        }
        return text.toString();
    }

    private static boolean matches(Map<String, Object> row, Map<String, ?> expected) {
        for (Map.Entry<String, ?> column : expected.entrySet()) {
            String key = column.getKey().toLowerCase(Locale.ROOT);
            if (!row.containsKey(key) || !sameValue(column.getValue(), row.get(key))) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameInAnyOrder(List<Object> actual, List<Object> expected) {
        if (actual.size() != expected.size()) {
            return false;
        }
        List<Object> remaining = new ArrayList<>(actual);
        for (Object value : expected) {
            int found = -1;
            for (int i = 0; i < remaining.size() && found < 0; i++) {
                if (sameValue(value, remaining.get(i))) {
                    found = i;
                }
            }
            if (found < 0) {
                return false;
            }
            remaining.remove(found);
        }
        return true;
    }

    private static boolean sameValue(Object expected, Object actual) {
        if (expected instanceof Number e && actual instanceof Number a) {
            return new BigDecimal(e.toString()).compareTo(new BigDecimal(a.toString())) == 0;
        }
        return Objects.equals(expected, actual);
    }
}
