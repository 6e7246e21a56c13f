package io.tributary.runtime.distributed;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.runtime.distributed.WorkAssignor.Assignment;
import io.tributary.runtime.distributed.WorkAssignor.Claim;
import io.tributary.sdk.connector.TaskId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** How the leader spreads work, round by round, as members come, go, stall and come back. */
class WorkAssignorTest {

    /** A connector and its tasks. */
    private static Set<WorkItem> connector(String name, int tasks) {
        Set<WorkItem> items = new TreeSet<>();
        items.add(WorkItem.connector(name));
        for (int i = 0; i < tasks; i++) {
            items.add(WorkItem.task(new TaskId(name, i)));
        }
        return items;
    }

    private static Map<String, Claim> members(int generation, String... ids) {
        Map<String, Claim> claims = new LinkedHashMap<>();
        for (String id : ids) {
            claims.put(id, new Claim(id, generation, Set.of()));
        }
        return claims;
    }

    /** Applies a round as the members would: they stop what they gave up and run what they were given. */
    private static Map<String, Claim> applied(
            Map<String, Claim> claims, Map<String, Assignment> round, int generation) {
        Map<String, Claim> next = new LinkedHashMap<>();
        claims.forEach((member, claim) -> next.put(
                member,
                new Claim(claim.workerId(), generation, round.get(member).assigned())));
        return next;
    }

    /** Rounds until nobody gives anything up, as the group would rebalance. */
    private static Map<String, Claim> settle(Map<String, Claim> claims, Set<WorkItem> work) {
        Map<String, Claim> current = claims;
        for (int generation = 1; generation < 10; generation++) {
            Map<String, Assignment> round = WorkAssignor.assign(current, work);
            assertNoItemOnTwoMembers(round);
            current = applied(current, round, generation);
            if (round.values().stream().allMatch(a -> a.revoked().isEmpty())) {
                return current;
            }
        }
        throw new AssertionError("The assignment did not settle within 10 rounds");
    }

    private static void assertNoItemOnTwoMembers(Map<String, Assignment> round) {
        Set<WorkItem> seen = new HashSet<>();
        round.values()
                .forEach(a -> a.assigned()
                        .forEach(item -> assertThat(seen.add(item))
                                .as("%s assigned twice in %s", item, round)
                                .isTrue()));
    }

    private static Map<String, Long> taskCounts(Map<String, Claim> claims) {
        Map<String, Long> counts = new HashMap<>();
        claims.forEach((member, claim) -> counts.put(
                member, claim.held().stream().filter(i -> !i.isConnector()).count()));
        return counts;
    }

    @Test
    void sixTasksSpreadTwoTwoTwoAndTheConnectorRunsOnce() {
        Set<WorkItem> work = connector("orders", 6);

        Map<String, Claim> settled = settle(members(0, "a:1", "b:1", "c:1"), work);

        assertThat(taskCounts(settled)).containsOnly(Map.entry("a:1", 2L), Map.entry("b:1", 2L), Map.entry("c:1", 2L));
        assertThat(settled.values().stream().filter(c -> c.held().contains(WorkItem.connector("orders"))))
                .hasSize(1);
        Set<WorkItem> running = new TreeSet<>();
        settled.values().forEach(c -> running.addAll(c.held()));
        assertThat(running).isEqualTo(work);
    }

    @Test
    void aSettledGroupKeepsItsAssignment() {
        Set<WorkItem> work = connector("orders", 6);
        Map<String, Claim> settled = settle(members(0, "a:1", "b:1", "c:1"), work);

        Map<String, Assignment> again = WorkAssignor.assign(settled, work);

        settled.forEach((member, claim) -> {
            assertThat(again.get(member).assigned()).isEqualTo(claim.held());
            assertThat(again.get(member).revoked()).isEmpty();
        });
    }

    @Test
    void theWorkOfAMemberThatLeftMovesAtOnceAndNothingElseMoves() {
        Set<WorkItem> work = connector("orders", 6);
        Map<String, Claim> settled = settle(members(0, "a:1", "b:1", "c:1"), work);
        Map<String, Claim> survivors = new LinkedHashMap<>(settled);
        survivors.remove("c:1");

        Map<String, Assignment> round = WorkAssignor.assign(survivors, work);

        survivors.forEach((member, claim) -> {
            assertThat(round.get(member).revoked()).isEmpty();
            assertThat(round.get(member).assigned()).containsAll(claim.held());
        });
        Set<WorkItem> running = new TreeSet<>();
        round.values().forEach(a -> running.addAll(a.assigned()));
        assertThat(running).isEqualTo(work);
        assertThat(taskCounts(applied(survivors, round, 2)).values()).containsOnly(3L);
    }

    @Test
    void aJoiningMemberGetsAThirdOfTheTasksInTwoRoundsWithoutTwoOwnersAtOnce() {
        Set<WorkItem> work = connector("orders", 6);
        Map<String, Claim> settled = settle(members(0, "a:1", "b:1"), work);
        Map<String, Claim> grown = new LinkedHashMap<>(settled);
        grown.put("c:1", new Claim("c:1", 0, Set.of()));

        Map<String, Assignment> first = WorkAssignor.assign(grown, work);

        assertThat(first.get("c:1").assigned())
                .as("nothing is handed out while its holder still runs it")
                .isEmpty();
        long given = first.values().stream().mapToLong(a -> a.revoked().size()).sum();
        assertThat(given).isEqualTo(2);
        Map<String, Claim> afterFirst = applied(grown, first, 2);
        Map<String, Assignment> second = WorkAssignor.assign(afterFirst, work);
        assertThat(second.get("c:1").assigned()).hasSize(2);
        assertThat(taskCounts(applied(afterFirst, second, 3)).values()).containsOnly(2L);
    }

    @Test
    void aMemberBackFromAStallGivesUpWhatOthersTookOver() {
        Set<WorkItem> work = connector("orders", 4);
        Map<String, Claim> settled = settle(members(0, "a:1", "b:1"), work);
        Set<WorkItem> stale = settled.get("b:1").held();
        // b stalled; a alone took everything over in generation 5, then b rejoined without a generation.
        Map<String, Claim> rejoined = new LinkedHashMap<>();
        rejoined.put("a:1", new Claim("a:1", 5, work));
        rejoined.put("b:1", new Claim("b:1", -1, stale));

        Map<String, Assignment> round = WorkAssignor.assign(rejoined, work);

        assertThat(round.get("b:1").revoked()).isEqualTo(stale);
        assertThat(round.get("b:1").assigned()).isEmpty();
        assertNoItemOnTwoMembers(round);
        Map<String, Claim> settledAgain = settle(applied(rejoined, round, 6), work);
        assertThat(taskCounts(settledAgain).values()).containsOnly(2L);
    }

    @Test
    void workThatIsGoneIsGivenUp() {
        Set<WorkItem> work = new TreeSet<>(connector("orders", 2));
        work.addAll(connector("users", 2));
        Map<String, Claim> settled = settle(members(0, "a:1", "b:1"), work);
        Set<WorkItem> fewer = connector("orders", 2);

        Map<String, Assignment> round = WorkAssignor.assign(settled, fewer);

        Set<WorkItem> revoked = new TreeSet<>();
        round.values().forEach(a -> revoked.addAll(a.revoked()));
        assertThat(revoked)
                .as("the deleted connector's items, and perhaps an item moved to even out what remains")
                .containsAll(connector("users", 2));
        round.values()
                .forEach(a ->
                        assertThat(a.assigned()).allMatch(i -> i.connector().equals("orders")));
    }

    @Test
    void connectorsAndTasksAreBalancedSeparately() {
        Set<WorkItem> work = new TreeSet<>();
        for (String name : List.of("a", "b", "c", "d", "e", "f")) {
            work.addAll(connector(name, 1));
        }

        Map<String, Claim> settled = settle(members(0, "w1:1", "w2:1", "w3:1"), work);

        settled.values().forEach(claim -> {
            assertThat(claim.held().stream().filter(WorkItem::isConnector)).hasSize(2);
            assertThat(claim.held().stream().filter(i -> !i.isConnector())).hasSize(2);
        });
    }
}
