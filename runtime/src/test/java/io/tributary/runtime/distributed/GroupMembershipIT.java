package io.tributary.runtime.distributed;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.sdk.connector.TaskId;
import io.tributary.testkit.KafkaCluster;
import io.tributary.testkit.Waits;
import io.tributary.testkit.WithKafka;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Workers in a real consumer group on a real broker: the work spreads, moves when they come and go, never doubles. */
@WithKafka
class GroupMembershipIT {
    private static final Set<WorkItem> WORK = work();

    /** Which member runs each item now, as the members report it; and what ever ran twice. */
    private final Map<WorkItem, String> running = new ConcurrentHashMap<>();

    private final List<String> doubled = new CopyOnWriteArrayList<>();
    private final List<GroupMembership> members = new ArrayList<>();
    private final List<String> lost = new CopyOnWriteArrayList<>();

    private static Set<WorkItem> work() {
        Set<WorkItem> items = new TreeSet<>();
        items.add(WorkItem.connector("orders"));
        for (int i = 0; i < 6; i++) {
            items.add(WorkItem.task(new TaskId("orders", i)));
        }
        return items;
    }

    private GroupMembership join(KafkaCluster kafka, String group, String topic, String worker) {
        return join(kafka, group, topic, worker, Duration.ofSeconds(30), round -> {});
    }

    private GroupMembership join(
            KafkaCluster kafka,
            String group,
            String topic,
            String worker,
            Duration rebalanceTimeout,
            java.util.function.Consumer<Membership.Round> afterRound) {
        return join(kafka, group, topic, worker, rebalanceTimeout, Duration.ZERO, afterRound);
    }

    private GroupMembership join(
            KafkaCluster kafka,
            String group,
            String topic,
            String worker,
            Duration rebalanceTimeout,
            Duration rebalanceDelay,
            java.util.function.Consumer<Membership.Round> afterRound) {
        GroupMembership member = new GroupMembership(
                new GroupMembership.Settings(
                        group,
                        topic,
                        worker,
                        "http://" + worker,
                        Duration.ofSeconds(6),
                        Duration.ofSeconds(1),
                        rebalanceTimeout,
                        rebalanceDelay,
                        Map.of("bootstrap.servers", kafka.bootstrapServers())),
                () -> WORK,
                Clock.systemUTC(),
                Executors.newSingleThreadScheduledExecutor());
        member.start(new Membership.Listener() {
            @Override
            public void onRound(Membership.Round round) {
                round.revoked().forEach(item -> running.remove(item, worker));
                for (WorkItem item : round.assigned()) {
                    String other = running.putIfAbsent(item, worker);
                    if (other != null && !other.equals(worker)) {
                        doubled.add(item + " on " + worker + " while " + other + " ran it");
                    }
                }
                afterRound.accept(round);
            }

            @Override
            public void onLost(int losses) {
                lost.add(worker);
                running.values().removeIf(worker::equals);
            }
        });
        members.add(member);
        return member;
    }

    private long tasksOn(String worker) {
        return running.entrySet().stream()
                .filter(e -> e.getValue().equals(worker) && !e.getKey().isConnector())
                .count();
    }

    @AfterEach
    void leave() {
        members.forEach(GroupMembership::close);
    }

    @Test
    void workSpreadsMovesWhenAWorkerLeavesAndComesBackNeverTwice(KafkaCluster kafka) {
        String group = "group-" + UUID.randomUUID().toString().substring(0, 8);
        String topic = kafka.createTopic("membership", 1);

        join(kafka, group, topic, "a:1");
        join(kafka, group, topic, "b:1");
        GroupMembership third = join(kafka, group, topic, "c:1");

        Waits.until(
                "six tasks spread 2/2/2 and the connector running",
                () -> running.keySet().equals(WORK)
                        && tasksOn("a:1") == 2
                        && tasksOn("b:1") == 2
                        && tasksOn("c:1") == 2);

        third.close();
        members.remove(third);
        running.values().removeIf("c:1"::equals);
        Waits.until(
                "the leaver's tasks on the other two",
                () -> running.keySet().equals(WORK) && tasksOn("a:1") == 3 && tasksOn("b:1") == 3);

        join(kafka, group, topic, "d:1");
        Waits.until(
                "a third of the tasks moved to the newcomer",
                () -> running.keySet().equals(WORK)
                        && tasksOn("d:1") == 2
                        && tasksOn("a:1") == 2
                        && tasksOn("b:1") == 2);

        assertThat(doubled)
                .as("items handed out while another worker still ran them")
                .isEmpty();
    }

    @Test
    void aWorkerWhoseMembershipLoopStallsStopsItsWorkBeforeOthersTakeItOver(KafkaCluster kafka) throws Exception {
        String group = "group-" + UUID.randomUUID().toString().substring(0, 8);
        String topic = kafka.createTopic("membership", 1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicBoolean stallNext = new java.util.concurrent.atomic.AtomicBoolean();
        join(kafka, group, topic, "a:1");
        // b's membership loop stalls inside a round past the deadline: its consumer leaves the group after the
        // rebalance timeout (8 s), while its watchdog fires at the session's end less a heartbeat (5 s).
        join(kafka, group, topic, "b:1", Duration.ofSeconds(8), round -> {
            if (!round.assigned().isEmpty() && stallNext.compareAndSet(true, false)) {
                try {
                    release.await(60, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        Waits.until(
                "work spread over a and b",
                () -> running.keySet().equals(WORK) && tasksOn("a:1") == 3 && tasksOn("b:1") == 3);
        stallNext.set(true);
        members.get(0).requestRound();

        // Had b's work not stopped before a was given it, a's round would find b still running it.
        Waits.until("a runs everything, b having stopped", () -> tasksOn("a:1") == 6);
        release.countDown();

        assertThat(lost).as("b's watchdog stopped b's work").contains("b:1");
        assertThat(doubled)
                .as("items handed out while another worker still ran them")
                .isEmpty();
    }

    @Test
    void workThatChangesWhileTheLeaderAssignsGetsARoundOfItsOwn(KafkaCluster kafka) {
        String group = "changing-" + UUID.randomUUID().toString().substring(0, 8);
        String topic = kafka.createTopic("membership", 1);
        WorkItem first = WorkItem.connector("first");
        WorkItem second = WorkItem.connector("second");
        java.util.concurrent.atomic.AtomicReference<Set<WorkItem>> work =
                new java.util.concurrent.atomic.AtomicReference<>(Set.of(first));
        java.util.concurrent.atomic.AtomicReference<GroupMembership> self =
                new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.atomic.AtomicBoolean changed = new java.util.concurrent.atomic.AtomicBoolean();
        GroupMembership member = new GroupMembership(
                new GroupMembership.Settings(
                        group,
                        topic,
                        "a:1",
                        "http://a:1",
                        Duration.ofSeconds(6),
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(30),
                        Duration.ZERO,
                        Map.of("bootstrap.servers", kafka.bootstrapServers())),
                () -> {
                    Set<WorkItem> now = work.get();
                    if (changed.compareAndSet(false, true)) {
                        // The work changes just after the leader read it, as when a connector is created while a
                        // round is under way: the change asks for a round while this one cannot be redone.
                        work.set(Set.of(first, second));
                        self.get().requestRound();
                    }
                    return now;
                },
                Clock.systemUTC(),
                Executors.newSingleThreadScheduledExecutor());
        self.set(member);
        members.add(member);
        Set<WorkItem> assigned = ConcurrentHashMap.newKeySet();
        member.start(new Membership.Listener() {
            @Override
            public void onRound(Membership.Round round) {
                assigned.addAll(round.assigned());
            }

            @Override
            public void onLost(int losses) {}
        });

        Waits.until("the second connector assigned", Duration.ofSeconds(20), () -> assigned.contains(second));
    }

    @Test
    void theWorkOfAWorkerThatLeftWaitsForTheRebalanceDelayThenMoves(KafkaCluster kafka) {
        String group = "delayed-" + UUID.randomUUID().toString().substring(0, 8);
        String topic = kafka.createTopic("membership", 1);
        Duration delay = Duration.ofSeconds(4);
        // The leader remembers who ran what: the worker that leaves is the other one.
        Map<String, Boolean> leads = new ConcurrentHashMap<>();
        Map<String, GroupMembership> byName = new ConcurrentHashMap<>();
        for (String name : List.of("a:1", "b:1")) {
            byName.put(
                    name,
                    join(
                            kafka,
                            group,
                            topic,
                            name,
                            Duration.ofSeconds(30),
                            delay,
                            round -> leads.put(name, round.leader())));
        }
        Waits.until(
                "the work spread over both",
                Duration.ofSeconds(30),
                () -> running.keySet().equals(WORK) && tasksOn("a:1") == 3 && tasksOn("b:1") == 3);
        String stays = leads.get("a:1") ? "a:1" : "b:1";
        String leaves = stays.equals("a:1") ? "b:1" : "a:1";

        GroupMembership leaver = byName.get(leaves);
        leaver.close();
        members.remove(leaver);
        running.values().removeIf(leaves::equals);
        long left = System.nanoTime();

        Waits.until("the leader runs everything", Duration.ofSeconds(30), () -> tasksOn(stays) == 6);
        assertThat(Duration.ofNanos(System.nanoTime() - left))
                .as("b's work waited for it")
                .isGreaterThanOrEqualTo(delay.minusMillis(200));
        assertThat(doubled).isEmpty();
    }
}
