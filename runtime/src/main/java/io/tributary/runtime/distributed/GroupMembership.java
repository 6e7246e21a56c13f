package io.tributary.runtime.distributed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.Configurable;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Membership through a Kafka consumer group on the classic protocol, with public kafka-clients APIs only.
 * Each worker's consumer subscribes to the one-partition config topic, which it never reads through this
 * consumer; its poll loop is the heartbeat. Each member's subscription carries what it runs; the leader's
 * {@link WorkAssignor} decides, and each member reads its part in the assignment.
 *
 * <p>A watchdog stops the worker's work when the poll loop has not come back for longer than the session
 * allows, before the group can hand that work to others: a stalled worker never runs beside its successor.
 */
final class GroupMembership implements Membership {
    private static final Logger LOG = LoggerFactory.getLogger(GroupMembership.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SELF = "tributary.membership";
    private static final Duration POLL = Duration.ofMillis(100);

    /** Where the group is and how this worker joins it. */
    record Settings(
            String groupId,
            String topic,
            String workerId,
            String url,
            Duration sessionTimeout,
            Duration heartbeatInterval,
            Duration rebalanceTimeout,
            Duration rebalanceDelay,
            Map<String, Object> clientSettings) {}

    private final Settings settings;
    private final Supplier<Set<WorkItem>> work;
    private final Clock clock;
    private final AtomicBoolean roundRequested = new AtomicBoolean();
    /**
     * Rounds asked for so far. A request that comes while a round is under way cannot start another (the
     * consumer ignores it), so the leader notes how many it had seen when it read the work, and asks again
     * after the round when more came since.
     */
    private final AtomicLong requests = new AtomicLong();
    /** The requests seen when this worker last read the work as leader; poll thread only. */
    private long requestsAssigned = -1;

    private final DepartedWork departed;

    private final Object lock = new Object();
    private KafkaConsumer<byte[], byte[]> consumer;
    private Thread pollThread;
    private final ScheduledExecutorService watchdog;
    private volatile boolean closing;
    private volatile SilenceWatch silence;
    private Listener listener;
    private Set<WorkItem> held = Set.of();
    private int generation = -1;
    /** Whether a round is under way or asked for: set when this worker (re)joins, cleared by its assignment. */
    private boolean joining = true;
    /** How many times the membership was lost: a round during which it was lost claims nothing after. */
    private int losses;
    /** Whether a round was applied, or began to be, since the membership was last lost. */
    private boolean roundsSinceLoss;
    /** Whether the work is being stopped after a loss: until it is, nothing is claimed or taken. */
    private boolean stopping;

    /**
     * @param settings the group and this worker
     * @param work what should run, as the leader sees it when it assigns
     * @param clock tells the watchdog the time
     * @param watchdog runs the watchdog's checks
     */
    GroupMembership(Settings settings, Supplier<Set<WorkItem>> work, Clock clock, ScheduledExecutorService watchdog) {
        this.settings = settings;
        this.work = work;
        this.clock = clock;
        this.watchdog = watchdog;
        this.departed = new DepartedWork(settings.rebalanceDelay(), clock);
    }

    @Override
    public void start(Listener roundListener) {
        this.listener = roundListener;
        Map<String, Object> config = new HashMap<>(settings.clientSettings());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
        config.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, "classic");
        config.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, Assignor.class.getName());
        config.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int)
                settings.sessionTimeout().toMillis());
        config.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, (int)
                settings.heartbeatInterval().toMillis());
        config.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, (int)
                settings.rebalanceTimeout().toMillis());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "tributary-membership-" + settings.workerId());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(SELF, this);
        consumer = new KafkaConsumer<>(config);
        consumer.subscribe(List.of(settings.topic()), new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {}

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                consumer.pause(partitions);
            }

            @Override
            public void onPartitionsLost(Collection<TopicPartition> partitions) {
                lose("the group took this worker's membership away");
            }
        });
        // Stop the work when the poll loop has been silent for longer than the session allows, less one
        // heartbeat: by then the group may be about to hand the work to others.
        long limit = Math.min(
                        settings.sessionTimeout().toMillis(),
                        settings.rebalanceTimeout().toMillis())
                - settings.heartbeatInterval().toMillis();
        silence = new SilenceWatch(
                clock,
                Duration.ofMillis(limit),
                silent -> lose("the membership loop has not run for " + silent + " ms, near the session's end"));
        pollThread = new Thread(this::pollLoop, "tributary-membership-" + settings.workerId());
        pollThread.setDaemon(true);
        pollThread.start();
        long period = Math.max(50, settings.heartbeatInterval().toMillis() / 4);
        watchdog.scheduleWithFixedDelay(silence::check, period, period, TimeUnit.MILLISECONDS);
    }

    private void pollLoop() {
        while (!closing) {
            try {
                if (roundRequested.getAndSet(false)) {
                    consumer.enforceRebalance("the work changed");
                }
                consumer.poll(POLL);
                silence.report();
            } catch (WakeupException e) {
                // closing, or a round was asked for
            } catch (RuntimeException e) {
                if (closing) {
                    break;
                }
                LOG.warn("Group membership poll failed ({}); retrying", e.toString());
            }
        }
        consumer.close(Duration.ofSeconds(10));
    }

    private void lose(String why) {
        int lossesNow;
        synchronized (lock) {
            if (!roundsSinceLoss) {
                return; // nothing was applied since the last loss: nothing runs
            }
            roundsSinceLoss = false;
            LOG.warn("Stopping every connector and task here: {}", why);
            held = Set.of();
            generation = -1;
            losses++;
            lossesNow = losses;
            stopping = true;
            lock.notifyAll();
        }
        // Outside the lock, which a stop that takes long would otherwise keep from the REST API's waits; no
        // claim is made and no round handed over until it is done (see awaitStopped).
        try {
            listener.onLost(lossesNow);
        } finally {
            synchronized (lock) {
                stopping = false;
                lock.notifyAll();
            }
        }
    }

    /** Waits, holding the lock, until the stop of a lost membership is done. Poll thread only. */
    private void awaitStopped() {
        boolean interrupted = false;
        while (stopping) {
            try {
                lock.wait();
            } catch (InterruptedException e) {
                interrupted = true; // the work must have stopped before this worker claims or takes any
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void requestRound() {
        requests.incrementAndGet();
        synchronized (lock) {
            joining = true;
        }
        roundRequested.set(true);
        KafkaConsumer<byte[], byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
    }

    /** This worker's claim, for its subscription. */
    private ByteBuffer claim() {
        synchronized (lock) {
            awaitStopped();
            joining = true;
            ObjectNode claim = JSON.createObjectNode()
                    .put("worker", settings.workerId())
                    .put("url", settings.url())
                    .put("generation", generation);
            ArrayNode items = claim.putArray("held");
            held.forEach(item -> items.addArray().add(item.connector()).add(item.task()));
            return ByteBuffer.wrap(claim.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Called by the assignor on the poll thread when this worker leads the round. */
    private Map<String, ConsumerPartitionAssignor.Assignment> lead(
            Map<String, ConsumerPartitionAssignor.Subscription> subscriptions) {
        Map<String, WorkAssignor.Claim> claims = new HashMap<>();
        Map<String, String> urls = new HashMap<>();
        for (Map.Entry<String, ConsumerPartitionAssignor.Subscription> entry : subscriptions.entrySet()) {
            JsonNode claim = read(entry.getValue().userData());
            int claimed = entry.getValue()
                    .generationId()
                    .orElse(claim.path("generation").asInt(-1));
            Set<WorkItem> items = new TreeSet<>();
            claim.path("held")
                    .forEach(item -> items.add(
                            new WorkItem(item.get(0).asText(), item.get(1).asInt())));
            claims.put(
                    entry.getKey(), new WorkAssignor.Claim(claim.path("worker").asText(), claimed, items));
            urls.put(entry.getKey(), claim.path("url").asText());
        }
        requestsAssigned = requests.get();
        Set<WorkItem> all = work.get();
        Set<WorkItem> heldNow = new HashSet<>();
        Set<String> present = new HashSet<>();
        claims.values().forEach(claim -> {
            heldNow.addAll(claim.held());
            present.add(claim.workerId());
        });
        Set<WorkItem> waiting = departed.holdBack(present, heldNow, all);
        Set<WorkItem> handedOut = new TreeSet<>(all);
        handedOut.removeAll(waiting);
        Map<String, WorkAssignor.Assignment> decided = WorkAssignor.assign(claims, handedOut);
        Map<String, Set<WorkItem>> byWorker = new HashMap<>();
        decided.forEach((member, assignment) -> byWorker.put(claims.get(member).workerId(), assignment.assigned()));
        departed.assigned(byWorker);
        departed.untilNextRelease().ifPresent(left -> {
            LOG.info(
                    "Holding back {} item(s) of workers that left, for up to {} ms ({}): {}",
                    waiting.size(),
                    left.toMillis(),
                    DistributedConfig.REBALANCE_DELAY_MS,
                    waiting);
            try {
                watchdog.schedule(this::requestRound, left.toMillis() + 1, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                LOG.debug("Not scheduling the release of held-back work: the membership is closing");
            }
        });
        String leader = subscriptions.keySet().stream()
                .filter(member -> claims.get(member).workerId().equals(settings.workerId()))
                .findFirst()
                .orElse(null);
        // When something must move, it moves in the next round: every member rejoins at once for it, rather
        // than at its next heartbeat.
        boolean followUp = decided.values().stream().anyMatch(a -> !a.revoked().isEmpty());
        Map<String, ConsumerPartitionAssignor.Assignment> assignments = new HashMap<>();
        decided.forEach((member, assignment) -> {
            ObjectNode node = JSON.createObjectNode()
                    .put("followUp", followUp)
                    .put(
                            "leader",
                            claims.containsKey(leader) ? claims.get(leader).workerId() : "")
                    .put("leaderUrl", urls.getOrDefault(leader, ""));
            ArrayNode assigned = node.putArray("assigned");
            assignment
                    .assigned()
                    .forEach(i -> assigned.addArray().add(i.connector()).add(i.task()));
            ArrayNode revoked = node.putArray("revoked");
            assignment
                    .revoked()
                    .forEach(i -> revoked.addArray().add(i.connector()).add(i.task()));
            List<TopicPartition> partitions =
                    member.equals(leader) ? List.of(new TopicPartition(settings.topic(), 0)) : List.of();
            assignments.put(
                    member,
                    new ConsumerPartitionAssignor.Assignment(
                            partitions, ByteBuffer.wrap(node.toString().getBytes(StandardCharsets.UTF_8))));
        });
        return assignments;
    }

    /** Called by the assignor on the poll thread with this worker's part of a round. */
    private void follow(ConsumerPartitionAssignor.Assignment assignment, ConsumerGroupMetadata metadata) {
        JsonNode node = read(assignment.userData());
        Set<WorkItem> assigned = items(node.path("assigned"));
        Set<WorkItem> revoked = items(node.path("revoked"));
        int lossesBefore;
        synchronized (lock) {
            awaitStopped();
            lossesBefore = losses;
            roundsSinceLoss = true;
        }
        Round round = new Round(
                metadata.generationId(),
                node.path("leader").asText().equals(settings.workerId()),
                node.path("leaderUrl").asText(),
                assigned,
                revoked,
                lossesBefore);
        listener.onRound(round);
        boolean workChangedSince = round.leader() && requests.get() > requestsAssigned;
        if (!revoked.isEmpty() || workChangedSince || node.path("followUp").asBoolean(false)) {
            roundRequested.set(true);
        }
        synchronized (lock) {
            if (losses == lossesBefore) {
                held = assigned;
                generation = metadata.generationId();
            } else {
                // The watchdog stopped everything while this round was applied: it holds nothing, and rejoins.
                roundRequested.set(true);
            }
            joining = roundRequested.get();
            lock.notifyAll();
        }
    }

    @Override
    public boolean awaitSettled(int atLeast, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (joining || generation < Math.max(0, atLeast)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
            return true;
        }
    }

    private static Set<WorkItem> items(JsonNode array) {
        Set<WorkItem> items = new TreeSet<>();
        array.forEach(
                item -> items.add(new WorkItem(item.get(0).asText(), item.get(1).asInt())));
        return items;
    }

    private static JsonNode read(ByteBuffer data) {
        if (data == null) {
            return JSON.createObjectNode();
        }
        ByteBuffer copy = data.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        try {
            return JSON.readTree(new String(bytes, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            return JSON.createObjectNode();
        }
    }

    @Override
    public void close() {
        closing = true;
        KafkaConsumer<byte[], byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        watchdog.shutdownNow();
        if (pollThread != null) {
            try {
                pollThread.join(15_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * The consumer's partition assignor: a plain class the consumer makes by name, which reaches its
     * membership through the consumer's settings.
     */
    public static final class Assignor implements ConsumerPartitionAssignor, Configurable {
        private GroupMembership membership;

        /** Made by the consumer. */
        public Assignor() {}

        @Override
        public void configure(Map<String, ?> configs) {
            membership = (GroupMembership) configs.get(SELF);
        }

        @Override
        public String name() {
            return "tributary-work";
        }

        @Override
        public ByteBuffer subscriptionUserData(Set<String> topics) {
            return membership.claim();
        }

        @Override
        public GroupAssignment assign(Cluster metadata, GroupSubscription groupSubscription) {
            return new GroupAssignment(membership.lead(groupSubscription.groupSubscription()));
        }

        @Override
        public void onAssignment(Assignment assignment, ConsumerGroupMetadata metadata) {
            membership.follow(assignment, metadata);
        }
    }

    @Override
    public String toString() {
        return "member " + settings.workerId() + " of group " + settings.groupId() + " (" + new ArrayList<>(held).size()
                + " items)";
    }
}
