package io.tributary.testkit.contract;

import io.tributary.sdk.annotation.Evolving;
import org.opentest4j.TestAbortedException;

/**
 * A connector broke a point of the runtime's contract. The message names the point and says what the
 * connector did instead; the cause, when there is one, is the assertion or exception that showed it.
 */
@Evolving
public final class ContractViolation extends AssertionError {
    private static final long serialVersionUID = 1L;

    private final String point;

    ContractViolation(String point, String detail, Throwable cause) {
        super("Contract point '" + point + "' failed: " + detail, cause);
        this.point = point;
    }

    /** @return the contract point that failed, such as {@code taskConfigs(n) returns at most n configs} */
    public String point() {
        return point;
    }

    /** A check of one contract point. */
    @FunctionalInterface
    interface Check {
        void run() throws Exception;
    }

    /**
     * Runs a check, turning whatever it throws into a violation of the point.
     *
     * @param point the contract point, as the failure will name it
     * @param check the check
     */
    static void check(String point, Check check) {
        try {
            check.run();
        } catch (ContractViolation | TestAbortedException e) {
            throw e; // a point that does not apply is skipped with its reason
        } catch (AssertionError e) {
            throw new ContractViolation(point, String.valueOf(e.getMessage()).strip(), e);
        } catch (Exception e) {
            throw new ContractViolation(point, "it threw " + e, e);
        }
    }

    /**
     * Fails the point with a message of its own.
     *
     * @param point the contract point
     * @param detail what the connector did instead
     * @return never returns normally
     */
    static ContractViolation fail(String point, String detail) {
        return new ContractViolation(point, detail, null);
    }
}
