package io.tributary.runtime.distributed;

import io.tributary.sdk.connector.TaskId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/** An engine for tests: it records what it is asked, in order, and keeps what runs as a worker would. */
final class RecordingEngine implements WorkApplier.Engine {
    /** What was asked: "start orders", "stop orders-0", "pause tasks of orders", ... */
    final List<String> calls = new ArrayList<>();
    /** What runs now. */
    final Set<String> running = new LinkedHashSet<>();
    /** Runs while an item starts, before it runs: the moment a watchdog could strike, or a start fail. */
    final Map<String, Consumer<String>> duringStart = new HashMap<>();

    private final boolean showsStarts;

    /** @param showsStarts whether a start's call shows whether it is paused, and its configuration */
    RecordingEngine(boolean showsStarts) {
        this.showsStarts = showsStarts;
    }

    private void start(String what, boolean paused, Map<String, String> config) {
        calls.add("start " + what + (showsStarts ? (paused ? " paused" : "") + " " + new TreeMap<>(config) : ""));
        duringStart.getOrDefault(what, item -> {}).accept(what);
        running.add(what);
    }

    private void stop(String what) {
        calls.add("stop " + what);
        running.remove(what);
    }

    @Override
    public void startConnector(String name, Map<String, String> connectorConfig, boolean paused) {
        start(name, paused, connectorConfig);
    }

    @Override
    public void stopConnector(String name) {
        stop(name);
    }

    @Override
    public void pauseConnector(String name, boolean paused) {
        calls.add((paused ? "pause " : "resume ") + name);
    }

    @Override
    public void startTask(
            TaskId id, Map<String, String> connectorConfig, Map<String, String> taskConfig, boolean paused) {
        start(id.toString(), paused, taskConfig);
    }

    @Override
    public void stopTask(TaskId id) {
        stop(id.toString());
    }

    @Override
    public void pauseTasks(String connector, boolean paused) {
        calls.add((paused ? "pause tasks of " : "resume tasks of ") + connector);
    }
}
