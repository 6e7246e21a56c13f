package io.tributary.sdk.config;

import io.tributary.sdk.annotation.Experimental;
import io.tributary.sdk.annotation.Stable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of validating one setting: its value and any problems, as the REST API's validate
 * endpoint reports them. Immutable.
 *
 * <p><b>Recommended values and visibility not honoured yet:</b> the SDK has no recommenders ({@link
 * ConfigDef} always reports no recommended values and every setting visible), and the runtime has no
 * REST API or user interface that would show them.
 *
 * @param name the setting's name; never null
 * @param value the parsed value, or the raw value when it did not parse; may be null. A password's
 *     value is a {@link Password}, which never shows the secret.
 * @param recommendedValues values a user interface may offer; unmodifiable, never null
 * @param errorMessages what is wrong with the value, empty when it is valid; unmodifiable, never null
 * @param visible whether a user interface should show the setting
 */
@Stable
public record ConfigValue(
        String name,
        Object value,
        @Experimental List<Object> recommendedValues,
        List<String> errorMessages,
        @Experimental boolean visible) {

    /** Copies the lists and checks that the name is given. */
    public ConfigValue {
        Objects.requireNonNull(name, "name");
        recommendedValues = List.copyOf(recommendedValues);
        errorMessages = List.copyOf(errorMessages);
    }

    /**
     * @param name the setting's name
     * @param value its parsed value
     * @return a valid, visible outcome
     */
    public static ConfigValue valid(String name, Object value) {
        return new ConfigValue(name, value, List.of(), List.of(), true);
    }

    /**
     * @param name the setting's name
     * @param value the value as given
     * @param errorMessage what is wrong and what to do
     * @return an invalid, visible outcome
     */
    public static ConfigValue invalid(String name, Object value, String errorMessage) {
        return new ConfigValue(name, value, List.of(), List.of(errorMessage), true);
    }

    /** @return whether there are no problems */
    public boolean isValid() {
        return errorMessages.isEmpty();
    }

    /**
     * @param errorMessage another problem with this setting
     * @return a copy with the problem added
     */
    public ConfigValue withError(String errorMessage) {
        List<String> messages = new ArrayList<>(errorMessages);
        messages.add(Objects.requireNonNull(errorMessage, "errorMessage"));
        return new ConfigValue(name, value, recommendedValues, messages, visible);
    }
}
