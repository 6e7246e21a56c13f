package io.tributary.runtime.distributed;

import io.tributary.sdk.config.ConfigDef;
import io.tributary.sdk.source.SourceConnector;
import io.tributary.sdk.source.SourceConnectorContext;
import io.tributary.sdk.source.SourceTask;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Test connector whose tasks each take {@link #MAKE_TASK_MS} to make, as tasks that build heavy clients in
 * their constructors do: a worker given many of them spends longer starting them than its session lasts.
 */
public class SlowTasksSourceConnector implements SourceConnector {
    /** How long making one task takes. */
    static final long MAKE_TASK_MS = 1_000;

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
        return Slow.class;
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

    /** A task with nothing to write, slow to make. */
    public static class Slow extends StallingSourceConnector.Idle {
        /** Made by the worker: busy for {@link #MAKE_TASK_MS}, as a constructor doing real work would be. */
        public Slow() {
            long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(MAKE_TASK_MS);
            for (long left = until - System.nanoTime(); left > 0; left = until - System.nanoTime()) {
                LockSupport.parkNanos(left);
            }
        }
    }
}
