package io.tributary.runtime.distributed;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The work of workers that left the group, held back for {@code scheduled.rebalance.max.delay.ms} in case
 * they come back, as in a rolling restart: until then it runs nowhere, and a worker that returns in time
 * gets it back. With a delay of 0, the default, nothing is held back. The leader keeps it; a new leader
 * starts afresh and hands everything out. Not thread-safe: the leader's membership thread uses it.
 */
final class DepartedWork {
    private final Duration delay;
    private final Clock clock;
    /** What the last round gave each worker, by worker id. */
    private Map<String, Set<WorkItem>> lastAssigned = Map.of();
    /** Each held-back item, with its worker and the time that worker was first missed. */
    private final Map<WorkItem, Departure> waiting = new HashMap<>();

    private record Departure(String workerId, Instant since) {}

    /**
     * @param delay how long a departed worker's work waits for it
     * @param clock tells the time
     */
    DepartedWork(Duration delay, Clock clock) {
        this.delay = delay;
        this.clock = clock;
    }

    /**
     * Decides what this round leaves unassigned.
     *
     * @param present the ids of the workers in this round
     * @param held what they hold
     * @param work what should run
     * @return the items held back for workers that left less than the delay ago
     */
    Set<WorkItem> holdBack(Set<String> present, Set<WorkItem> held, Set<WorkItem> work) {
        if (delay.isZero()) {
            return Set.of();
        }
        Instant now = clock.instant();
        lastAssigned.forEach((worker, items) -> {
            if (!present.contains(worker)) {
                items.forEach(item -> waiting.putIfAbsent(item, new Departure(worker, now)));
            }
        });
        waiting.entrySet()
                .removeIf(entry -> present.contains(entry.getValue().workerId())
                        || held.contains(entry.getKey())
                        || !work.contains(entry.getKey())
                        || !now.isBefore(entry.getValue().since().plus(delay)));
        return new TreeSet<>(waiting.keySet());
    }

    /** @param assigned what this round gives each worker, by worker id */
    void assigned(Map<String, Set<WorkItem>> assigned) {
        lastAssigned = Map.copyOf(assigned);
    }

    /** @return how long until the next held-back item may be handed out; empty when none waits */
    Optional<Duration> untilNextRelease() {
        Instant now = clock.instant();
        return waiting.values().stream()
                .map(departure -> Duration.between(now, departure.since().plus(delay)))
                .min(Duration::compareTo)
                .map(left -> left.isNegative() ? Duration.ZERO : left);
    }
}
