package io.tributary.testkit.db;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free localhost ports for servers that cannot take port 0 and tell their port afterwards. They are chosen
 * below Linux's default ephemeral range (32768 and up), from which the system assigns port-0 listeners and
 * outgoing connections, so a port chosen here is not taken by such a listener between the check and the
 * server's bind.
 */
final class LocalPorts {
    private static final int LOWEST = 20_000;
    private static final int HIGHEST = 32_000;
    private static final int TRIES = 100;

    private LocalPorts() {}

    /** @return a port no socket listens on now, between 20000 and 32000 */
    static int belowEphemeralRange() {
        for (int i = 0; i < TRIES; i++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST, HIGHEST);
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                socket.setReuseAddress(true);
                return port;
            } catch (IOException inUse) {
                // Taken: try another.
            }
        }
        throw new IllegalStateException(
                "No free localhost port between " + LOWEST + " and " + HIGHEST + " after " + TRIES + " tries");
    }
}
