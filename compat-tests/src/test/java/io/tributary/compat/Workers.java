package io.tributary.compat;

import io.tributary.runtime.rest.RestConfig;
import io.tributary.runtime.rest.RestServer;
import io.tributary.runtime.standalone.StandaloneRuntime;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.connect.cli.ConnectStandalone;
import org.apache.kafka.connect.runtime.Connect;
import org.apache.kafka.connect.runtime.standalone.StandaloneHerder;

/** The two workers the tests compare, each a standalone worker with its REST API on a free port. */
final class Workers {
    private Workers() {}

    /** A worker under test: where its REST API is, and how to stop it. */
    interface Worker extends AutoCloseable {
        URI url();

        @Override
        void close();
    }

    static Map<String, String> settings(String bootstrapServers, Path offsets) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("bootstrap.servers", bootstrapServers);
        settings.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        settings.put("value.converter", "org.apache.kafka.connect.storage.StringConverter");
        settings.put("offset.storage.file.filename", offsets.toString());
        settings.put("offset.flush.interval.ms", "200");
        settings.put("listeners", "http://localhost:0");
        return settings;
    }

    /** Tributary's standalone worker, as {@code tributary standalone} starts it. */
    static Worker tributary(String bootstrapServers, Path offsets) {
        return tributary(bootstrapServers, offsets, Map.of());
    }

    /** Tributary's standalone worker with settings of the test's own, such as {@code plugin.path}. */
    static Worker tributary(String bootstrapServers, Path offsets, Map<String, String> more) {
        Map<String, String> settings = settings(bootstrapServers, offsets);
        settings.putAll(more);
        RestServer rest = RestServer.start(new RestConfig(settings), "test", "test");
        StandaloneRuntime runtime = StandaloneRuntime.start(settings, rest.workerId());
        rest.serve(runtime.control());
        URI url = URI.create(rest.advertisedUrl() + "/");
        return new Worker() {
            @Override
            public URI url() {
                return url;
            }

            @Override
            public void close() {
                rest.close();
                runtime.close();
            }
        };
    }

    /**
     * Apache Kafka Connect's standalone worker, as its {@code connect-standalone} command starts it, with
     * plugins found through service files on the class path. Connect calls {@code Exit} when it cannot start;
     * here that throws instead of ending the test JVM.
     */
    static Worker connect(String bootstrapServers, Path offsets) {
        return connect(bootstrapServers, offsets, Map.of());
    }

    /** Apache Kafka Connect's standalone worker with settings of the test's own, such as {@code plugin.path}. */
    static Worker connect(String bootstrapServers, Path offsets, Map<String, String> more) {
        Map<String, String> settings = settings(bootstrapServers, offsets);
        settings.putAll(more);
        settings.put("plugin.discovery", "service_load");
        Exit.setExitProcedure((code, message) -> {
            throw new IllegalStateException("Kafka Connect wanted to exit with " + code + ": " + message);
        });
        ClassLoader saved = Thread.currentThread().getContextClassLoader();
        Connect<StandaloneHerder> connect;
        try {
            connect = new ConnectStandalone().startConnect(settings);
        } finally {
            Thread.currentThread().setContextClassLoader(saved);
        }
        URI url = URI.create(connect.rest().advertisedUrl().toString().replaceAll("/?$", "/"));
        return new Worker() {
            @Override
            public URI url() {
                return url;
            }

            @Override
            public void close() {
                connect.stop();
                Exit.resetExitProcedure();
            }
        };
    }
}
