package io.tributary.runtime.distributed;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The leader's assignment of connectors and tasks to the workers of a group: balanced, sticky, and never
 * the same item on two workers at once. Pure logic: it sees the members' claims and the work there is, and
 * decides who keeps, who gives up, and who takes what.
 *
 * <p>Rules, in order:
 *
 * <ol>
 *   <li>An item claimed by several members stays with the one that joined with the highest generation; a
 *       worker back from a stall rejoins with an old or no generation and gives its stale items up.
 *   <li>An item that is no longer work (its connector was deleted or stopped, or has fewer tasks) is given
 *       up.
 *   <li>Connectors and tasks are balanced separately: each member gets the total divided by the number of
 *       members, rounded down or up; the members that hold the most get the extra ones, so the fewest
 *       items move. A member above its share gives up its excess.
 *   <li>Only items no member holds are handed out. An item given up in this round is handed out in the
 *       next, after its holder has stopped it and rejoined; so it never runs twice.
 * </ol>
 */
final class WorkAssignor {

    /**
     * What a member says it is and runs, in its subscription.
     *
     * @param workerId the worker's id, its advertised {@code host:port}
     * @param generation the group generation it last joined in, or -1 if it lost its membership
     * @param held the items it runs now
     */
    record Claim(String workerId, int generation, Set<WorkItem> held) {
        Claim {
            held = Set.copyOf(held);
        }
    }

    /**
     * What a member is told to do.
     *
     * @param assigned every item it should run once it has applied this assignment
     * @param revoked items it must stop now, and then rejoin
     */
    record Assignment(Set<WorkItem> assigned, Set<WorkItem> revoked) {
        Assignment {
            assigned = Set.copyOf(assigned);
            revoked = Set.copyOf(revoked);
        }
    }

    private WorkAssignor() {}

    /**
     * @param claims each member's claim, by member
     * @param work every item that should run
     * @return each member's assignment, by member; a member is told to rejoin when its {@code revoked} is not
     *     empty, and then another round hands out what was given up
     */
    static Map<String, Assignment> assign(Map<String, Claim> claims, Set<WorkItem> work) {
        Map<String, Set<WorkItem>> kept = new HashMap<>();
        Map<String, Set<WorkItem>> revoked = new HashMap<>();
        claims.keySet().forEach(member -> {
            kept.put(member, new TreeSet<>());
            revoked.put(member, new TreeSet<>());
        });
        Set<WorkItem> held = new HashSet<>();
        Map<WorkItem, String> owners = owners(claims);
        claims.forEach((member, claim) -> {
            for (WorkItem item : claim.held()) {
                held.add(item);
                if (member.equals(owners.get(item)) && work.contains(item)) {
                    kept.get(member).add(item);
                } else {
                    revoked.get(member).add(item);
                }
            }
        });
        Set<WorkItem> free = new TreeSet<>(work);
        free.removeAll(held);
        balance(claims, kept, revoked, free, WorkItem::isConnector, work);
        balance(claims, kept, revoked, free, item -> !item.isConnector(), work);

        Map<String, Assignment> assignments = new LinkedHashMap<>();
        claims.keySet()
                .forEach(member -> assignments.put(member, new Assignment(kept.get(member), revoked.get(member))));
        return assignments;
    }

    /** For every claimed item, the member that keeps it: the claimant with the highest generation. */
    private static Map<WorkItem, String> owners(Map<String, Claim> claims) {
        Map<WorkItem, String> owners = new HashMap<>();
        Comparator<String> stronger = Comparator.comparingInt(
                        (String member) -> claims.get(member).generation())
                .thenComparing(member -> claims.get(member).workerId(), Comparator.reverseOrder())
                .thenComparing(Comparator.reverseOrder());
        claims.forEach((member, claim) -> claim.held()
                .forEach(item -> owners.merge(
                        item,
                        member,
                        (current, challenger) -> stronger.compare(challenger, current) > 0 ? challenger : current)));
        return owners;
    }

    /** Evens out the items of one kind: the excess is given up, free items fill the members below share. */
    private static void balance(
            Map<String, Claim> claims,
            Map<String, Set<WorkItem>> kept,
            Map<String, Set<WorkItem>> revoked,
            Set<WorkItem> free,
            Predicate<WorkItem> kind,
            Set<WorkItem> work) {
        if (claims.isEmpty()) {
            return;
        }
        long total = work.stream().filter(kind).count();
        int members = claims.size();
        long base = total / members;
        long extra = total % members;
        List<String> byLoad = new ArrayList<>(claims.keySet());
        byLoad.sort(Comparator.comparingLong((String member) -> count(kept.get(member), kind))
                .reversed()
                .thenComparing(member -> claims.get(member).workerId())
                .thenComparing(member -> member));
        Map<String, Long> share = new HashMap<>();
        for (int i = 0; i < byLoad.size(); i++) {
            share.put(byLoad.get(i), base + (i < extra ? 1 : 0));
        }
        for (String member : byLoad) {
            List<WorkItem> ofKind =
                    kept.get(member).stream().filter(kind).sorted().toList();
            for (int i = ofKind.size() - 1; i >= share.get(member); i--) {
                kept.get(member).remove(ofKind.get(i));
                revoked.get(member).add(ofKind.get(i));
            }
        }
        List<WorkItem> toHandOut = free.stream().filter(kind).sorted().toList();
        int next = 0;
        for (int i = byLoad.size() - 1; i >= 0 && next < toHandOut.size(); i--) {
            String member = byLoad.get(i);
            while (count(kept.get(member), kind) < share.get(member) && next < toHandOut.size()) {
                WorkItem item = toHandOut.get(next++);
                kept.get(member).add(item);
                free.remove(item);
            }
        }
    }

    private static long count(Set<WorkItem> items, Predicate<WorkItem> kind) {
        return items.stream().filter(kind).count();
    }
}
