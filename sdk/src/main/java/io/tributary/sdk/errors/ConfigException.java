package io.tributary.sdk.errors;

import io.tributary.sdk.annotation.Stable;
import java.util.List;

/**
 * A configuration is invalid: a required setting is missing, a value has the wrong type, or a
 * validator refused it.
 *
 * <p>A {@code ConfigException} thrown by parsing carries <em>every</em> problem that was found, one
 * entry per field in {@link #problems()}, so an operator can fix them all at once. Messages never
 * contain the value of a password setting.
 */
@Stable
public class ConfigException extends TributaryException {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    /**
     * A single problem that is not tied to one field's value.
     *
     * @param message what is wrong and how to fix it; never null
     */
    public ConfigException(String message) {
        super(message);
        this.problems = List.of(message);
    }

    /**
     * A problem with one field's value.
     *
     * @param name the setting's name; never null
     * @param value the offending value, already masked if it is a password; may be null
     * @param reason why the value is refused and what is expected; never null
     */
    public ConfigException(String name, Object value, String reason) {
        this(describe(name, value, reason));
    }

    /**
     * Several problems found together.
     *
     * @param summary one line that introduces the problems; never null
     * @param problems one message per problem; never null or empty
     */
    public ConfigException(String summary, List<String> problems) {
        super(summary + ":\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    /**
     * Returns every problem this exception reports, one message each.
     *
     * @return an unmodifiable list with at least one entry; never null
     */
    public List<String> problems() {
        return problems;
    }

    private static String describe(String name, Object value, String reason) {
        String shown = value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
        return "Invalid value " + shown + " for '" + name + "': " + reason;
    }
}
