package io.tributary.runtime.distributed;

import java.util.Set;

/**
 * A worker's place in its cluster: it joins the group, and is told, round after round, which connectors and
 * tasks to run. Whatever carries it (today a Kafka consumer group with the classic protocol), the promises
 * are these: an item is handed out only after its previous holder was told to give it up and has rejoined;
 * a worker that loses its membership is told so before others are given its work, at the latest when its
 * session would have expired.
 */
interface Membership extends AutoCloseable {

    /**
     * What the group decided for this worker in one round.
     *
     * @param losses how many times this worker had lost its membership when the round came: a loss reported
     *     with a higher count happened during the round, which then assigns nothing
     */
    record Round(
            int generation,
            boolean leader,
            String leaderUrl,
            Set<WorkItem> assigned,
            Set<WorkItem> revoked,
            int losses) {
        public Round {
            assigned = Set.copyOf(assigned);
            revoked = Set.copyOf(revoked);
        }
    }

    /** Told of each round and of a lost membership, on the membership's own thread. */
    interface Listener {
        /**
         * Stop what is revoked, then run what is assigned. Returns once the revoked items have stopped, so the
         * next round may hand them to others.
         */
        void onRound(Round round);

        /**
         * The worker is no longer a member (cut off, or stalled past its deadline): stop everything now. No
         * round comes, and nothing is claimed, before this returns.
         *
         * @param losses how many times the membership was lost, this time included
         */
        void onLost(int losses);
    }

    /**
     * Joins the group.
     *
     * @param listener told of every round
     */
    void start(Listener listener);

    /** Asks for a new round soon, because the work changed or items were given up. */
    void requestRound();

    /**
     * Waits until this worker is a member of the group and no round is under way or asked for, as far as it
     * knows: a round another worker starts is seen at its next heartbeat.
     *
     * @param timeout how long to wait at most
     * @return whether the worker settled within the time
     * @throws InterruptedException if interrupted while waiting
     */
    default boolean awaitSettled(java.time.Duration timeout) throws InterruptedException {
        return awaitSettled(0, timeout);
    }

    /**
     * Waits until this worker is a member of the group in the given generation or a later one, and no round is
     * under way or asked for, as far as it knows.
     *
     * @param generation the generation to reach at least
     * @param timeout how long to wait at most
     * @return whether the worker settled in such a generation within the time
     * @throws InterruptedException if interrupted while waiting
     */
    boolean awaitSettled(int generation, java.time.Duration timeout) throws InterruptedException;

    @Override
    void close();
}
