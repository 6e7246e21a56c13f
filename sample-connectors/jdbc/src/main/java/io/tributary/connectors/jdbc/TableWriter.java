package io.tributary.connectors.jdbc;

import io.tributary.sdk.errors.DataException;
import io.tributary.sdk.errors.TributaryException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes rows in one transaction: creates and evolves tables as allowed, batches rows of one shape, and,
 * when the database refuses a batch, writes the rows one by one behind savepoints, so that the rows it
 * refuses are reported and the others still committed together.
 */
final class TableWriter {
    private static final Logger LOG = LoggerFactory.getLogger(TableWriter.class);

    /** The settings that decide how rows are written. */
    record Options(String insertMode, boolean autoCreate, boolean autoEvolve, int batchSize) {}

    private final Connection connection;
    private final Dialect dialect;
    private final Options options;
    /** Columns of the tables known to exist, by table name. */
    private final Map<String, Set<String>> tables = new HashMap<>();

    TableWriter(Connection connection, Dialect dialect, Options options) {
        this.connection = connection;
        this.dialect = dialect;
        this.options = options;
    }

    /**
     * Writes the rows and commits them, or rolls everything back and throws.
     *
     * @param rows the rows, in the order of their records
     * @param refused told of each row the database refuses, with why; those rows are left out
     * @throws SQLException if the database failed as a whole (the transaction is rolled back)
     */
    void write(List<Row> rows, java.util.function.BiConsumer<Row, Exception> refused) throws SQLException {
        List<Row> fitting = new ArrayList<>();
        for (Row row : rows) {
            try {
                prepareTable(row);
                fitting.add(row);
            } catch (DataException e) {
                refused.accept(row, e);
            }
        }
        try {
            writeBatched(fitting);
            connection.commit();
        } catch (SQLException batchFailed) {
            connection.rollback();
            if (Errors.transient_(batchFailed)) {
                throw batchFailed;
            }
            LOG.info(
                    "A batch of {} rows was refused ({}); writing them one by one",
                    fitting.size(),
                    batchFailed.toString());
            writeOneByOne(fitting, refused);
            connection.commit();
        }
    }

    private void writeBatched(List<Row> rows) throws SQLException {
        String shape = null;
        PreparedStatement statement = null;
        int inBatch = 0;
        try {
            for (Row row : rows) {
                String rowShape = row.shape(options.insertMode());
                if (!rowShape.equals(shape) || inBatch >= options.batchSize()) {
                    flush(statement);
                    close(statement);
                    statement = connection.prepareStatement(sql(row));
                    shape = rowShape;
                    inBatch = 0;
                }
                bind(statement, row);
                statement.addBatch();
                inBatch++;
            }
            flush(statement);
        } finally {
            close(statement);
        }
    }

    private void writeOneByOne(List<Row> rows, java.util.function.BiConsumer<Row, Exception> refused)
            throws SQLException {
        for (Row row : rows) {
            Savepoint savepoint = connection.setSavepoint();
            try (PreparedStatement statement = connection.prepareStatement(sql(row))) {
                bind(statement, row);
                statement.executeUpdate();
                connection.releaseSavepoint(savepoint);
            } catch (SQLException e) {
                if (Errors.transient_(e)) {
                    throw e;
                }
                connection.rollback(savepoint);
                refused.accept(
                        row,
                        new DataException(
                                "The database refused the row of record " + Row.where(row.record()) + " in table "
                                        + row.table() + ": " + e.getMessage(),
                                e));
            }
        }
    }

    private static void flush(PreparedStatement statement) throws SQLException {
        if (statement != null) {
            statement.executeBatch();
        }
    }

    private static void close(PreparedStatement statement) throws SQLException {
        if (statement != null) {
            statement.close();
        }
    }

    private String sql(Row row) {
        List<String> columns = new ArrayList<>(row.columns().keySet());
        if (row.delete()) {
            return dialect.delete(row.table(), row.keys());
        }
        return switch (options.insertMode()) {
            case "upsert" -> dialect.upsert(row.table(), row.keys(), columns);
            case "update" -> dialect.update(row.table(), row.keys(), columns);
            default -> dialect.insert(row.table(), columns);
        };
    }

    private void bind(PreparedStatement statement, Row row) throws SQLException {
        int index = 1;
        if (row.delete()) {
            for (String key : row.keys()) {
                Row.Column column = row.columns().get(key);
                dialect.bind(statement, index++, column.schema(), column.value());
            }
            return;
        }
        if (options.insertMode().equals("update")) {
            for (Map.Entry<String, Row.Column> column : row.columns().entrySet()) {
                if (!row.keys().contains(column.getKey())) {
                    dialect.bind(
                            statement,
                            index++,
                            column.getValue().schema(),
                            column.getValue().value());
                }
            }
            for (String key : row.keys()) {
                Row.Column column = row.columns().get(key);
                dialect.bind(statement, index++, column.schema(), column.value());
            }
            return;
        }
        for (Row.Column column : row.columns().values()) {
            dialect.bind(statement, index++, column.schema(), column.value());
        }
    }

    /** Makes sure the table exists with a column for each of the row's fields, as the settings allow. */
    private void prepareTable(Row row) throws SQLException {
        Set<String> columns = tables.get(row.table());
        if (columns == null) {
            columns = readColumns(row.table());
            if (columns.isEmpty()) {
                if (!options.autoCreate()) {
                    throw new TributaryException("Table " + row.table() + " does not exist in the " + dialect.name()
                            + " database; create it, or set auto.create=true to have it made from the records'"
                            + " schema");
                }
                create(row);
                columns = readColumns(row.table());
            }
            tables.put(row.table(), columns);
        }
        if (row.delete()) {
            return;
        }
        List<String> missing = new ArrayList<>();
        for (String name : row.columns().keySet()) {
            if (!columns.contains(name.toLowerCase(Locale.ROOT))) {
                missing.add(name);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        if (!options.autoEvolve()) {
            throw new DataException("Table " + row.table() + " has no column for the fields " + missing + " of record "
                    + Row.where(row.record()) + "; add them, or set auto.evolve=true to have them added");
        }
        try (Statement statement = connection.createStatement()) {
            for (String name : missing) {
                Row.Column column = row.columns().get(name);
                statement.executeUpdate("ALTER TABLE " + dialect.quote(row.table()) + " ADD " + dialect.quote(name)
                        + " " + dialect.columnType(column.schema(), false));
                LOG.info("Added column {} to table {}", name, row.table());
            }
        }
        connection.commit();
        tables.put(row.table(), readColumns(row.table()));
    }

    private void create(Row row) throws SQLException {
        List<String> definitions = new ArrayList<>();
        for (Map.Entry<String, Row.Column> column : row.columns().entrySet()) {
            boolean key = row.keys().contains(column.getKey());
            definitions.add(dialect.quote(column.getKey()) + " "
                    + dialect.columnType(column.getValue().schema(), key)
                    + (key || !column.getValue().schema().isOptional() ? " NOT NULL" : ""));
        }
        if (!row.keys().isEmpty()) {
            definitions.add("PRIMARY KEY (" + dialect.list(row.keys()) + ")");
        }
        String sql = "CREATE TABLE " + dialect.quote(row.table()) + " (" + String.join(", ", definitions) + ")";
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
        connection.commit();
        LOG.info("Created table {}: {}", row.table(), sql);
    }

    /** @return the table's column names in lower case, or none if it does not exist */
    private Set<String> readColumns(String table) throws SQLException {
        DatabaseMetaData metadata = connection.getMetaData();
        Set<String> columns = new LinkedHashSet<>();
        try (ResultSet found = metadata.getColumns(connection.getCatalog(), connection.getSchema(), table, null)) {
            while (found.next()) {
                columns.add(found.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return columns;
    }
}
