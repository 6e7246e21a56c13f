package io.tributary.connectors.jdbc;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.ServiceLoader;

/** Opens connections with the driver this plugin carries, found by its own class loader, not by DriverManager's. */
final class Connections {
    private Connections() {}

    static Connection open(String url, Properties credentials) throws SQLException {
        for (Driver driver : ServiceLoader.load(Driver.class, Connections.class.getClassLoader())) {
            if (driver.acceptsURL(url)) {
                Connection connection = driver.connect(url, credentials);
                if (connection != null) {
                    return connection;
                }
            }
        }
        return DriverManager.getConnection(url, credentials);
    }
}
