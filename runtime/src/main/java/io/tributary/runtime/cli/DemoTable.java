package io.tributary.runtime.cli;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.ServiceLoader;

/**
 * The demo's table, read through the JDBC driver that the JDBC connector's bundle carries: the runtime has no
 * driver of its own, and an embedded H2 database is shared only by connections of the same driver classes.
 */
final class DemoTable implements AutoCloseable {

    private final Connection connection;
    private final String table;
    private final String quote;

    private DemoTable(Connection connection, String table) throws SQLException {
        this.connection = connection;
        this.table = table;
        this.quote = connection.getMetaData().getIdentifierQuoteString().trim();
    }

    /**
     * @param pluginLoader the class loader of the JDBC connector's plugin
     * @param url the database
     * @param user its user, or null
     * @param password the user's password, or null
     * @param table the table the demo writes
     * @return a connection to the database
     * @throws SQLException if the database refuses the connection
     */
    static DemoTable open(ClassLoader pluginLoader, String url, String user, String password, String table)
            throws SQLException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(pluginLoader);
        try {
            Driver driver = null;
            for (Driver candidate : ServiceLoader.load(Driver.class, pluginLoader)) {
                if (candidate.acceptsURL(url)) {
                    driver = candidate;
                    break;
                }
            }
            if (driver == null) {
                throw new IllegalArgumentException("No JDBC driver of the JDBC connector's bundle accepts " + url
                        + "; use a PostgreSQL, MySQL, MariaDB or H2 URL");
            }
            Properties properties = new Properties();
            if (user != null) {
                properties.setProperty("user", user);
            }
            if (password != null) {
                properties.setProperty("password", password);
            }
            Connection connection = driver.connect(url, properties);
            try {
                return new DemoTable(connection, table);
            } catch (SQLException | RuntimeException e) {
                connection.close();
                throw e;
            }
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** @return whether the table exists */
    boolean exists() throws SQLException {
        return count().isPresent();
    }

    /** @return the table's rows, 0 while it does not exist */
    long rows() throws SQLException {
        return count().orElse(0);
    }

    /**
     * Counts the rows of exactly the table the sink writes: the same quoted name, in the connection's own
     * schema, where a look-up in the metadata would take the name as a pattern and search every schema.
     */
    private OptionalLong count() throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM " + quoted(table))) {
            result.next();
            return OptionalLong.of(result.getLong(1));
        } catch (SQLException e) {
            // SQLSTATE class 42: syntax error or access rule violation, which includes an unknown table.
            if (e.getSQLState() != null && e.getSQLState().startsWith("42")) {
                return OptionalLong.empty();
            }
            throw e;
        }
    }

    /** Prints the query of the orders by city, and its result as a table. */
    void printSummary(PrintWriter out) throws SQLException {
        String sql = "SELECT " + quoted("city") + ", COUNT(*) AS " + quoted("orders") + ", SUM("
                + quoted("orderunits") + ") AS " + quoted("units") + ", SUM(" + quoted("amount") + ") AS "
                + quoted("amount") + " FROM " + quoted(table) + " GROUP BY " + quoted("city") + " ORDER BY "
                + quoted("amount") + " DESC";
        out.println(sql);
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            print(result, out);
        }
        out.flush();
    }

    private static void print(ResultSet result, PrintWriter out) throws SQLException {
        ResultSetMetaData columns = result.getMetaData();
        int width = columns.getColumnCount();
        List<String[]> rows = new ArrayList<>();
        String[] header = new String[width];
        for (int i = 0; i < width; i++) {
            header[i] = columns.getColumnLabel(i + 1);
        }
        rows.add(header);
        while (result.next()) {
            String[] row = new String[width];
            for (int i = 0; i < width; i++) {
                row[i] = String.valueOf(result.getObject(i + 1));
            }
            rows.add(row);
        }
        int[] widths = new int[width];
        for (String[] row : rows) {
            for (int i = 0; i < width; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < width; i++) {
                // Text to the left, numbers to the right.
                boolean text = i == 0;
                String format = "%" + (text ? "-" : "") + widths[i] + "s";
                line.append("  ").append(String.format(format, row[i]));
            }
            out.println(line.toString().stripTrailing());
        }
        out.println("(" + (rows.size() - 1) + " rows)");
    }

    private String quoted(String identifier) {
        return quote + identifier + quote;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
