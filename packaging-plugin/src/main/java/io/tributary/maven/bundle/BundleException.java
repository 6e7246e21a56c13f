package io.tributary.maven.bundle;

import java.util.List;

/** A bundle that cannot be built or does not pass its checks, with every reason. */
public final class BundleException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    /**
     * @param summary what failed
     * @param problems each reason, saying what is wrong and what to do
     */
    public BundleException(String summary, List<String> problems) {
        super(summary + (problems.isEmpty() ? "" : ":\n  - " + String.join("\n  - ", problems)));
        this.problems = List.copyOf(problems);
    }

    /** @return each reason */
    public List<String> problems() {
        return problems;
    }
}
