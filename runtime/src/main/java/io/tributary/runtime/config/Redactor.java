package io.tributary.runtime.config;

import io.tributary.sdk.config.ConfigDef;
import io.tributary.sdk.config.ConfigKey;
import io.tributary.sdk.config.Password;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Makes a configuration safe to log or show in status: the values of {@link ConfigDef.Type#PASSWORD} settings
 * and of settings whose value comes from a config provider read {@value Password#HIDDEN}. A value that holds a
 * reference is hidden whole, text around the reference included, since providers are where secrets live.
 */
public final class Redactor {

    private Redactor() {}

    /**
     * Redacts a configuration as stored or as submitted, before resolution: a value holding a {@code
     * ${alias:path:key}} reference is hidden as its resolved value would be, so the same settings are hidden
     * before and after resolution.
     *
     * @param definition the connector's merged definition (common settings and its own); never null
     * @param config the configuration; never null, values may be null
     * @return a copy in the same order with passwords and references hidden; unmodifiable, never null
     */
    public static Map<String, String> redact(ConfigDef definition, Map<String, String> config) {
        return redact(definition, config, config);
    }

    /**
     * Redacts a resolved configuration, knowing which of its values came from a config provider.
     *
     * @param definition the connector's merged definition (common settings and its own); never null
     * @param original the configuration before resolution, whose values show the references; never null
     * @param resolved what {@link ConfigResolver#resolve(Map)} made of it; never null, values may be null
     * @return a copy of {@code resolved} in the same order with passwords and values from providers hidden;
     *     unmodifiable, never null
     */
    public static Map<String, String> redact(
            ConfigDef definition, Map<String, String> original, Map<String, String> resolved) {
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(original, "original");
        Map<String, String> redacted = new LinkedHashMap<>();
        resolved.forEach((name, value) -> {
            boolean hidden = value != null && (isPassword(definition, name) || fromProvider(original, name, value));
            redacted.put(name, hidden ? Password.HIDDEN : value);
        });
        return Collections.unmodifiableMap(redacted);
    }

    /**
     * Shows a configuration as written, minus its secrets: a password-type value reads {@value Password#HIDDEN},
     * unless it is a config-provider reference such as {@code ${file:/etc/db.properties:pass}}, which names
     * where the secret lives and not the secret, and is shown as written. For the REST API, where a user reads
     * back what they wrote.
     *
     * @param definition the connector's merged definition (common settings and its own); never null
     * @param config a configuration, references unresolved; never null, values may be null
     * @return a copy in the same order with plain password values hidden; unmodifiable, never null
     */
    public static Map<String, String> hidePasswords(ConfigDef definition, Map<String, String> config) {
        Objects.requireNonNull(definition, "definition");
        Map<String, String> shown = new LinkedHashMap<>();
        config.forEach((name, value) -> {
            boolean secret = value != null && isSecret(definition, name) && !isOneReference(value);
            shown.put(name, secret ? Password.HIDDEN : value);
        });
        return Collections.unmodifiableMap(shown);
    }

    /**
     * Hides the secrets of a connector in a configuration derived from it, such as a task's: any value that
     * holds a secret of the connector (a password, or a value a config provider gave it) reads {@value
     * Password#HIDDEN}, whatever its setting is called there.
     *
     * @param definition the connector's merged definition
     * @param original the connector's configuration as written
     * @param resolved the same with its config-provider references resolved
     * @param derived the derived configuration, made from the resolved one
     * @return a copy of {@code derived} with those values hidden; unmodifiable
     */
    public static Map<String, String> hideSecretsOf(
            ConfigDef definition,
            Map<String, String> original,
            Map<String, String> resolved,
            Map<String, String> derived) {
        java.util.Set<String> secrets = new java.util.HashSet<>();
        resolved.forEach((name, value) -> {
            if (value != null
                    && !value.isEmpty()
                    && (isSecret(definition, name) || ConfigReference.appearsIn(original.getOrDefault(name, "")))) {
                secrets.add(value);
            }
        });
        Map<String, String> shown = new LinkedHashMap<>();
        derived.forEach((name, value) -> {
            boolean secret = value != null
                    && (isSecret(definition, name) || secrets.stream().anyMatch(value::contains));
            shown.put(name, secret ? Password.HIDDEN : value);
        });
        return Collections.unmodifiableMap(shown);
    }

    /**
     * A setting whose value is secret: of {@link ConfigDef.Type#PASSWORD} type in the connector's definition,
     * or named as secrets are in settings the definition does not hold, such as client overrides
     * ({@code producer.override.sasl.jaas.config}) and converter settings ({@code ...basic.auth.user.info}).
     */
    private static boolean isSecret(ConfigDef definition, String name) {
        return isPassword(definition, name) || SECRET_NAME.matcher(name).find();
    }

    private static final java.util.regex.Pattern SECRET_NAME = java.util.regex.Pattern.compile(
            "(password|passwd|secret|jaas\\.config|basic\\.auth\\.user\\.info|credentials|api\\.key|token)$",
            java.util.regex.Pattern.CASE_INSENSITIVE);

    /** A value that is one config-provider reference and nothing else: it names a secret, holds none. */
    private static boolean isOneReference(String value) {
        String trimmed = value.trim();
        return trimmed.startsWith("${")
                && trimmed.endsWith("}")
                && trimmed.indexOf("${", 2) < 0
                && ConfigReference.appearsIn(trimmed);
    }

    private static boolean isPassword(ConfigDef definition, String name) {
        return definition.key(name).map(ConfigKey::type).orElse(null) == ConfigDef.Type.PASSWORD;
    }

    private static boolean fromProvider(Map<String, String> original, String name, String value) {
        // A setting missing from the original was not resolved; judge it by its own value.
        return ConfigReference.appearsIn(original.getOrDefault(name, value));
    }
}
