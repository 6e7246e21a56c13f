package io.tributary.testkit;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * A database for a test: a fresh database per test class on a server shared by the JVM, with its
 * JDBC URL and credentials and helpers to run SQL. Thread-safe; each helper call uses its own
 * connection.
 */
public interface Database {

    /** @return the JDBC URL of this test class's database; never null */
    String jdbcUrl();

    /** @return the user name; never null */
    String username();

    /** @return the password; never null */
    String password();

    /** @return the database's name; never null */
    String databaseName();

    /** @return which provider runs the server and where, for messages */
    String description();

    /**
     * @return a new connection to the database; the caller closes it
     * @throws SQLException if the server cannot be reached
     */
    Connection connect() throws SQLException;

    /**
     * Runs a statement that returns no rows, such as DDL or an insert.
     *
     * @param sql the statement, with {@code ?} for parameters
     * @param parameters the parameters, in order
     * @return the update count
     * @throws IllegalStateException naming the statement, if it fails
     */
    int execute(String sql, Object... parameters);

    /**
     * Runs a query.
     *
     * @param sql the query, with {@code ?} for parameters
     * @param parameters the parameters, in order
     * @return one map per row, column labels in lower case to values, in column order
     * @throws IllegalStateException naming the query, if it fails
     */
    List<Map<String, Object>> query(String sql, Object... parameters);

    /**
     * @param table a table's name
     * @return its number of rows
     */
    default long rowCount(String table) {
        return ((Number) query("SELECT COUNT(*) AS n FROM " + table).get(0).get("n")).longValue();
    }
}
