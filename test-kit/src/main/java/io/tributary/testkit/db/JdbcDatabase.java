package io.tributary.testkit.db;

import io.tributary.testkit.MySqlDatabase;
import io.tributary.testkit.PostgresDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One test class's database on a shared server, reached over JDBC. Closing it drops the database when
 * the kit created it.
 */
class JdbcDatabase implements PostgresDatabase, MySqlDatabase, AutoCloseable {
    private final DatabaseServer server;
    private final String name;
    private final boolean created;

    JdbcDatabase(DatabaseServer server, String name, boolean created) {
        this.server = server;
        this.name = name;
        this.created = created;
    }

    @Override
    public String jdbcUrl() {
        return server.jdbcUrl(name);
    }

    @Override
    public String username() {
        return server.username();
    }

    @Override
    public String password() {
        return server.password();
    }

    @Override
    public String databaseName() {
        return name;
    }

    @Override
    public String description() {
        return "database '" + name + "' on " + server.description();
    }

    @Override
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), username(), password());
    }

    @Override
    public int execute(String sql, Object... parameters) {
        try (Connection connection = connect();
                PreparedStatement statement = prepare(connection, sql, parameters)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw failure(sql, e);
        }
    }

    @Override
    public List<Map<String, Object>> query(String sql, Object... parameters) {
        try (Connection connection = connect();
                PreparedStatement statement = prepare(connection, sql, parameters);
                ResultSet rows = statement.executeQuery()) {
            ResultSetMetaData meta = rows.getMetaData();
            List<Map<String, Object>> result = new ArrayList<>();
            while (rows.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int column = 1; column <= meta.getColumnCount(); column++) {
                    row.put(meta.getColumnLabel(column).toLowerCase(Locale.ROOT), rows.getObject(column));
                }
                result.add(row);
            }
            return result;
        } catch (SQLException e) {
            throw failure(sql, e);
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object[] parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }

    private IllegalStateException failure(String sql, SQLException e) {
        return new IllegalStateException("SQL failed on " + description() + ": " + e.getMessage() + "\n  " + sql, e);
    }

    @Override
    public void close() {
        if (created) {
            server.dropDatabase(name);
        }
    }

    @Override
    public String toString() {
        return description();
    }
}
