package io.tributary.testkit.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** A database server the kit makes per-class databases on: embedded, in a container, or external. */
abstract class DatabaseServer implements AutoCloseable {

    /** @param database a database's name @return the JDBC URL that reaches it */
    abstract String jdbcUrl(String database);

    /** @return the database to connect to for creating and dropping others */
    abstract String adminDatabase();

    abstract String username();

    abstract String password();

    abstract String description();

    /** @return whether the kit may create a database per test class here */
    boolean createsDatabases() {
        return true;
    }

    /** @param name a database to create; an unquoted lower-case identifier */
    void createDatabase(String name) {
        run("CREATE DATABASE " + name);
    }

    /** @param name a database to drop, with its open connections */
    abstract void dropDatabase(String name);

    void run(String sql) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(adminDatabase()), username(), password());
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Cannot run \"" + sql + "\" on " + description() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return description();
    }
}
