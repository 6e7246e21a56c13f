package io.tributary.testkit.container;

import static io.tributary.testkit.TestKitAssertions.assertThat;

import io.tributary.testkit.MySqlDatabase;
import io.tributary.testkit.Provider;
import io.tributary.testkit.WithMySql;
import org.junit.jupiter.api.Test;

/** The MySQL/MariaDB container provider; skipped with a message when Docker or the image is missing. */
@WithMySql(provider = Provider.CONTAINER)
class ContainerMySqlIT {

    @Test
    void aFreshDatabaseInTheContainerTakesStatementsAndQueries(MySqlDatabase db) {
        db.execute("CREATE TABLE events (id INT PRIMARY KEY, payload VARCHAR(20) NOT NULL)");
        db.execute("INSERT INTO events VALUES (?, ?), (?, ?)", 1, "a", 2, "b");

        assertThat(db.rowCount("events")).isEqualTo(2);
        System.out.println("Container provider ran: " + db);
    }
}
