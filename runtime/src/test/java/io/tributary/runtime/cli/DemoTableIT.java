package io.tributary.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.Statement;
import java.util.Properties;
import java.util.ServiceLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's table read through an H2 driver that only a plugin-like class loader sees, as the demo reads it
 * through the JDBC connector's bundle: the name is taken exactly, and the summary is a readable table.
 */
class DemoTableIT {
    private URLClassLoader plugin;

    @BeforeEach
    void loadTheDriverAsAPluginWould() throws Exception {
        Path drivers = Path.of(System.getProperty("isolation.h2.dir", "target/isolation/h2"));
        URL h2 = drivers.resolve("h2-2.5.252.jar").toUri().toURL();
        plugin = new URLClassLoader(new URL[] {h2}, ClassLoader.getPlatformClassLoader());
    }

    @AfterEach
    void close() throws Exception {
        plugin.close();
    }

    @Test
    void countsOnlyTheTableOfThatExactNameAndPrintsTheOrdersByCity(@TempDir Path dir) throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("demo");
        try (DemoTable table = DemoTable.open(plugin, url, null, null, "demo_orders")) {
            try (Connection connection = connect(url);
                    Statement sql = connection.createStatement()) {
                // "_" is a wildcard in metadata look-ups; the demo's check must not take this table for its own.
                sql.execute("CREATE TABLE \"demoXorders\" (\"id\" INT)");
                assertThat(table.exists()).isFalse();
                assertThat(table.rows()).isZero();

                sql.execute("CREATE TABLE \"demo_orders\" (\"orderid\" BIGINT, \"city\" VARCHAR(20),"
                        + " \"orderunits\" INT, \"amount\" DECIMAL(10, 2))");
                sql.execute("INSERT INTO \"demo_orders\" VALUES (0, 'Oslo', 2, 10.50), (1, 'Lyon', 7, 120.00),"
                        + " (2, 'Oslo', 1, 3.25)");
            }
            assertThat(table.exists()).isTrue();
            assertThat(table.rows()).isEqualTo(3);

            StringWriter printed = new StringWriter();
            table.printSummary(new PrintWriter(printed));
            assertThat(printed.toString())
                    .isEqualTo("SELECT \"city\", COUNT(*) AS \"orders\", SUM(\"orderunits\") AS \"units\","
                            + " SUM(\"amount\") AS \"amount\" FROM \"demo_orders\" GROUP BY \"city\" ORDER BY"
                            + " \"amount\" DESC\n"
                            + "  city  orders  units  amount\n"
                            + "  Lyon       1      7  120.00\n"
                            + "  Oslo       2      3   13.75\n"
                            + "(2 rows)\n");
        }
    }

    @Test
    void aUrlNoDriverOfThePluginTakesSaysWhichDatabasesWork() {
        assertThatThrownBy(() -> DemoTable.open(plugin, "jdbc:sqlite:demo.db", null, null, "demo_orders"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("No JDBC driver of the JDBC connector's bundle accepts jdbc:sqlite:demo.db; use a"
                        + " PostgreSQL, MySQL, MariaDB or H2 URL");
    }

    private Connection connect(String url) throws Exception {
        for (Driver driver : ServiceLoader.load(Driver.class, plugin)) {
            if (driver.acceptsURL(url)) {
                return driver.connect(url, new Properties());
            }
        }
        throw new AssertionError("The plugin loader sees no H2 driver");
    }
}
