package io.tributary.testkit.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The embedded PostgreSQL when its port was taken by something that accepts connections and never answers,
 * as a Kafka broker listener does to a PostgreSQL client: the start gives up on that port instead of waiting
 * forever, and succeeds on the next.
 */
class EmbeddedPostgresPortIT {

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void aPortTakenBySomethingSilentIsGivenUpForAnother() throws Exception {
        List<Socket> accepted = new ArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                while (!silent.isClosed()) {
                    try {
                        accepted.add(silent.accept());
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            int free = LocalPorts.belowEphemeralRange();
            AtomicInteger attempts = new AtomicInteger();
            int[] ports = {silent.getLocalPort(), free};

            try (PostgresServers.Embedded server =
                    new PostgresServers.Embedded(() -> ports[Math.min(attempts.getAndIncrement(), 1)])) {
                String url = server.jdbcUrl("postgres");
                assertThat(url).contains(":" + free + "/");
                try (Connection connection = DriverManager.getConnection(url, "postgres", "")) {
                    assertThat(connection.isValid(5)).isTrue();
                }
            }
            assertThat(attempts.get()).isEqualTo(2);
        } finally {
            for (Socket socket : accepted) {
                socket.close();
            }
        }
    }

    @Test
    void portsAreChosenBelowTheEphemeralRange() {
        for (int i = 0; i < 20; i++) {
            assertThat(LocalPorts.belowEphemeralRange()).isBetween(20_000, 32_000);
        }
    }
}
