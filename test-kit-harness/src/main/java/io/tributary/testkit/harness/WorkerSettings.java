package io.tributary.testkit.harness;

import io.tributary.runtime.embed.EmbeddedWorker;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.ParameterResolutionException;

/** The settings of a harness's worker: defaults for tests, the cluster's client settings, then the test's own. */
final class WorkerSettings {
    /** Offsets committed every half second, so a test sees them soon; the runtime commits every minute. */
    static final Map<String, String> DEFAULTS = Map.of(EmbeddedWorker.OFFSET_FLUSH_INTERVAL_MS, "500");

    private static final List<String> CLIENT_PREFIXES = List.of("producer.", "consumer.", "admin.");

    private WorkerSettings() {}

    /**
     * @param entries the annotation's {@code key=value} entries
     * @param owner the annotated class, for messages
     * @return the defaults, overridden by the entries, in order
     * @throws ParameterResolutionException saying which entry to fix
     */
    static Map<String, String> requested(String[] entries, String owner) {
        Map<String, String> settings = new LinkedHashMap<>(DEFAULTS);
        for (String entry : entries) {
            int equals = entry.indexOf('=');
            if (equals <= 0) {
                throw new ParameterResolutionException("Worker setting \"" + entry + "\" in @WithConnectorHarness on "
                        + owner + " must look like key=value, such as \"offset.flush.interval.ms=500\"");
            }
            String key = entry.substring(0, equals).trim();
            if (key.equals(EmbeddedWorker.BOOTSTRAP_SERVERS)) {
                throw new ParameterResolutionException("Worker setting \"" + entry + "\" in @WithConnectorHarness on "
                        + owner + " cannot be set: the worker runs against the cluster of @WithKafka; remove it, and"
                        + " choose the cluster with @WithKafka's provider or the kafka.* test kit settings");
            }
            settings.put(key, entry.substring(equals + 1).trim());
        }
        return settings;
    }

    /**
     * The cluster's client settings other than the bootstrap servers (security settings of an external
     * cluster, say), for each kind of client the worker creates.
     *
     * @param clientConfig the cluster's client settings
     * @return them as {@code producer.*}, {@code consumer.*} and {@code admin.*} worker settings
     */
    static Map<String, String> forClients(Map<String, Object> clientConfig) {
        Map<String, String> settings = new LinkedHashMap<>();
        clientConfig.forEach((key, value) -> {
            if (!key.equals(EmbeddedWorker.BOOTSTRAP_SERVERS) && value != null) {
                CLIENT_PREFIXES.forEach(prefix -> settings.put(prefix + key, String.valueOf(value)));
            }
        });
        return settings;
    }
}
