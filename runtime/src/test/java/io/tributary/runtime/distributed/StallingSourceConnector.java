package io.tributary.runtime.distributed;

import io.tributary.sdk.config.ConfigDef;
import io.tributary.sdk.source.SourceConnector;
import io.tributary.sdk.source.SourceConnectorContext;
import io.tributary.sdk.source.SourceRecord;
import io.tributary.sdk.source.SourceTask;
import io.tributary.sdk.source.SourceTaskContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Test connector whose instances are slow to make on one worker: the first one that the worker named in
 * {@link #stallOn} makes to start it blocks until {@link #release} opens, as a plugin with a slow constructor
 * would. That worker's starts stall holding its work, and so does its next round. Its tasks do nothing.
 */
public class StallingSourceConnector implements SourceConnector {
    /** The worker whose starts stall, once; null for none. */
    static volatile String stallOn;
    /** Ends the stall. */
    static volatile CountDownLatch release = new CountDownLatch(0);
    /** Opens when the stall begins. */
    static volatile CountDownLatch stalled = new CountDownLatch(1);

    /** Made by the worker; stalls as described. */
    public StallingSourceConnector() {
        String target = stallOn;
        if (target != null && Thread.currentThread().getName().equals("tributary-herder-" + target)) {
            stallOn = null;
            stalled.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public String version() {
        return "1.0";
    }

    @Override
    public ConfigDef config() {
        return ConfigDef.builder().build();
    }

    @Override
    public void start(SourceConnectorContext context) {}

    @Override
    public Class<? extends SourceTask> taskClass() {
        return Idle.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        List<Map<String, String>> configs = new ArrayList<>();
        for (int i = 0; i < maxTasks; i++) {
            configs.add(Map.of());
        }
        return configs;
    }

    @Override
    public void stop() {}

    /** A task with nothing to write. */
    public static class Idle implements SourceTask {
        private final CountDownLatch stopped = new CountDownLatch(1);

        @Override
        public String version() {
            return "1.0";
        }

        @Override
        public void start(SourceTaskContext context) {}

        @Override
        public List<SourceRecord> poll() throws InterruptedException {
            stopped.await(100, TimeUnit.MILLISECONDS);
            return List.of();
        }

        @Override
        public void stop() {
            stopped.countDown();
        }
    }
}
