package io.tributary.testkit.db;

import static io.tributary.testkit.TestKitAssertions.assertThat;
import static io.tributary.testkit.TestKitAssertions.assertThatTable;
import static io.tributary.testkit.TestKitAssertions.assertThatThrownBy;

import io.tributary.testkit.PostgresDatabase;
import io.tributary.testkit.Provider;
import io.tributary.testkit.WithPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@WithPostgres(provider = Provider.EMBEDDED)
class EmbeddedPostgresIT {

    @Test
    void runsStatementsAndQueriesOnAFreshDatabase(PostgresDatabase db) {
        db.execute("CREATE TABLE orders (id BIGINT PRIMARY KEY, note TEXT)");
        db.execute("INSERT INTO orders VALUES (?, ?), (?, ?)", 1L, "first", 2L, null);

        assertThat(db.rowCount("orders")).isEqualTo(2);
        assertThat(db.query("SELECT id, note FROM orders ORDER BY id"))
                .containsExactly(Map.of("id", 1L, "note", "first"), nullNote(2L));
        assertThat(db.jdbcUrl()).startsWith("jdbc:postgresql://localhost:").endsWith("/" + db.databaseName());
        assertThat(db.databaseName()).startsWith("t_embeddedpostgresit_");
    }

    @Test
    void eachTestClassGetsItsOwnDatabaseOnTheSharedServer(PostgresDatabase db) throws Exception {
        List<Map<String, Object>> databases =
                db.query("SELECT datname FROM pg_database WHERE datname = ?", db.databaseName());
        assertThat(databases).hasSize(1);
        try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password())) {
            assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
        }
    }

    @Test
    void tableAssertionsMatchRowsAndShowTheTableOnFailure(PostgresDatabase db) {
        db.execute("CREATE TABLE items (id INTEGER PRIMARY KEY, price NUMERIC(6, 2), name TEXT)");
        db.execute("INSERT INTO items VALUES (1, 9.50, 'pen'), (2, 12.00, 'ink')");

        assertThatTable(db, "items")
                .hasRowCount(2)
                .containsRow(Map.of("ID", 2L, "price", 12, "name", "ink"))
                .hasColumnValues("name", "ink", "pen");
        assertThatThrownBy(() -> assertThatTable(db, "items")
                        .within(java.time.Duration.ofMillis(300))
                        .containsRow(Map.of("name", "paper")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expected table 'items' in database '" + db.databaseName())
                .hasMessageContaining("to contain a row with {name=paper} within PT0.3S but was 2 rows:")
                .hasMessageContaining("name=pen");
    }

    @Test
    void failedStatementsNameTheStatementAndTheDatabase(PostgresDatabase db) {
        assertThatThrownBy(() -> db.execute("INSERT INTO missing VALUES (1)"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SQL failed on database '" + db.databaseName() + "' on embedded PostgreSQL")
                .hasMessageContaining("INSERT INTO missing VALUES (1)");
    }

    private static Map<String, Object> nullNote(long id) {
        Map<String, Object> row = new java.util.LinkedHashMap<>();
        row.put("id", id);
        row.put("note", null);
        return row;
    }
}
