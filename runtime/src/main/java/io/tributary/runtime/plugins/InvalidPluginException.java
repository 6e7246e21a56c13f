package io.tributary.runtime.plugins;

/**
 * A plugin on {@code plugin.path} cannot be used at all. Caught while scanning and turned into a {@link
 * PluginProblem}, so one broken plugin never stops the others from loading.
 */
final class InvalidPluginException extends Exception {
    private static final long serialVersionUID = 1L;

    /** @param reason what is wrong and what to do about it */
    InvalidPluginException(String reason) {
        super(reason);
    }

    /**
     * @param reason what is wrong and what to do about it
     * @param cause the underlying failure
     */
    InvalidPluginException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
