package io.tributary.sdk.config;

import io.tributary.sdk.annotation.Stable;
import java.util.Objects;

/**
 * The value of a {@link ConfigDef.Type#PASSWORD} setting. Its {@link #toString()} never shows the
 * secret, so a password that reaches a log line, an exception message or a status shows as {@value
 * #HIDDEN}; call {@link #value()} only where the secret is used.
 */
@Stable
public final class Password {
    /** What a password shows instead of its value. */
    public static final String HIDDEN = "[hidden]";

    private final String value;

    /**
     * @param value the secret; never null
     */
    public Password(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    /** @return the secret; never null */
    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Password other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** @return {@value #HIDDEN}, never the secret */
    @Override
    public String toString() {
        return HIDDEN;
    }
}
