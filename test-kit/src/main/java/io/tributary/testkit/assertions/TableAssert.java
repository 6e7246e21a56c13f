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
                    last.get(0));
        }
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
