package io.tributary.testkit.db;

import static io.tributary.testkit.TestKitAssertions.assertThat;
import static io.tributary.testkit.TestKitAssertions.assertThatTable;
import static io.tributary.testkit.TestKitAssertions.assertThatThrownBy;

import io.tributary.testkit.Database;
import io.tributary.testkit.PostgresDatabase;
import io.tributary.testkit.Provider;
import io.tributary.testkit.WithPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
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
                        .within(Duration.ofMillis(300))
                        .containsRow(Map.of("name", "paper")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expected table 'items' in database '" + db.databaseName())
                .hasMessageContaining("to contain a row with {name=paper} within PT0.3S but was 2 rows:")
                .hasMessageContaining("name=pen");
    }

    @Test
    void tableAssertionsCountAtLeastWaitOnRequirementsAndSeeACountThatMovesOn(PostgresDatabase db) {
        db.execute("CREATE TABLE events (id INTEGER PRIMARY KEY, kind TEXT)");
        db.execute("INSERT INTO events VALUES (1, 'open'), (2, 'close')");

        assertThatTable(db, "events")
                .hasAtLeastRows(1)
                .settlesAtRowCount(2, Duration.ofMillis(300))
                .eventuallySatisfies(rows ->
                        assertThat(rows).extracting(row -> row.get("kind")).containsExactlyInAnyOrder("open", "close"));
        assertThatThrownBy(() -> assertThatTable(db, "events")
                        .within(Duration.ofMillis(300))
                        .eventuallySatisfies(rows -> assertThat(rows).hasSize(3)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expected the rows of table 'events' in database '" + db.databaseName())
                .hasMessageContaining("to satisfy the requirements within PT0.3S but they did not:")
                .hasMessageContaining("The 2 rows:")
                .hasMessageContaining("{id=1, kind=open}");

        // A sink that writes a row more after the count was reached: hasRowCount passed, this does not. The
        // row comes right after the assertion first saw the count, through the database it reads.
        Database lateWriter = new Database() {
            private int queries;

            @Override
            public String jdbcUrl() {
                return db.jdbcUrl();
            }

            @Override
            public String username() {
                return db.username();
            }

            @Override
            public String password() {
                return db.password();
            }

            @Override
            public String databaseName() {
                return db.databaseName();
            }

            @Override
            public String description() {
                return db.description();
            }

            @Override
            public java.sql.Connection connect() throws java.sql.SQLException {
                return db.connect();
            }

            @Override
            public int execute(String sql, Object... parameters) {
                return db.execute(sql, parameters);
            }

            @Override
            public List<Map<String, Object>> query(String sql, Object... parameters) {
                if (++queries == 2) {
                    db.execute("INSERT INTO events VALUES (3, 'late')");
                }
                return db.query(sql, parameters);
            }
        };
        assertThatThrownBy(() -> assertThatTable(lateWriter, "events").settlesAtRowCount(2, Duration.ofSeconds(5)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("to stay at 2 rows for PT5S but it went to 3 rows:")
                .hasMessageContaining("{id=3, kind=late}");
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
