package io.tributary.testkit.container;

import static io.tributary.testkit.TestKitAssertions.assertThat;

import io.tributary.testkit.PostgresDatabase;
import io.tributary.testkit.Provider;
import io.tributary.testkit.WithPostgres;
import org.junit.jupiter.api.Test;

/** The container provider against the PostgreSQL image; skipped with a message when Docker or the image is missing. */
@WithPostgres(provider = Provider.CONTAINER)
class ContainerPostgresIT {

    @Test
    void aFreshDatabaseInTheContainerTakesStatementsAndQueries(PostgresDatabase db) {
        db.execute("CREATE TABLE events (id SERIAL PRIMARY KEY, payload TEXT NOT NULL)");
        db.execute("INSERT INTO events (payload) VALUES (?), (?)", "a", "b");

        assertThat(db.rowCount("events")).isEqualTo(2);
        assertThat(db.query("SELECT payload FROM events ORDER BY id"))
                .extracting(row -> row.get("payload"))
                .containsExactly("a", "b");
        assertThat(db.description()).contains("PostgreSQL container (");
        System.out.println("Container provider ran: " + db);
    }
}
