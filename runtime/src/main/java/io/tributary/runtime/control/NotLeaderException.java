package io.tributary.runtime.control;

import java.net.URI;
import java.util.Objects;

/**
 * A change asked of a worker that does not lead its cluster: only the leader writes the cluster's
 * configuration, so the request belongs at the leader's REST API. A server forwards it there; a caller that
 * cannot gets a conflict to retry.
 */
public final class NotLeaderException extends ControlException {
    private static final long serialVersionUID = 1L;

    private final URI leaderUrl;

    /**
     * @param leaderUrl the REST API of the cluster's leader
     * @param what the request, for the message
     */
    public NotLeaderException(URI leaderUrl, String what) {
        super(
                Reason.CONFLICT,
                "Cannot complete " + what + " on this worker: it does not lead the cluster; send it to the leader at "
                        + leaderUrl);
        this.leaderUrl = Objects.requireNonNull(leaderUrl, "leaderUrl");
    }

    /** @return the REST API of the cluster's leader */
    public URI leaderUrl() {
        return leaderUrl;
    }
}
