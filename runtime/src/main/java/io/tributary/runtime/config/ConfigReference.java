package io.tributary.runtime.config;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code ${alias:path:key}} or {@code ${alias:key}} reference inside a setting's value. The syntax is
 * Kafka Connect's, so configurations move between the two unchanged: the alias ends at the first colon, the
 * key follows the last-but-one part, and a reference with two parts has an empty path.
 *
 * @param text the reference as written, such as {@code ${file:/etc/db.properties:password}}
 * @param alias the provider's alias from {@code config.providers}
 * @param path where the provider looks; empty when the reference has two parts
 * @param key the value's key at that path
 */
record ConfigReference(String text, String alias, String path, String key) {
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}]*?):(?:([^}]*?):)?([^}]*?)\\}");

    /**
     * @param value a setting's value; may be null
     * @return the references in it, in order, repeats included; empty for null
     */
    static List<ConfigReference> findIn(String value) {
        List<ConfigReference> found = new ArrayList<>();
        if (value != null) {
            Matcher matcher = REFERENCE.matcher(value);
            while (matcher.find()) {
                found.add(of(matcher));
            }
        }
        return found;
    }

    /**
     * @param value a setting's value; may be null
     * @return whether it holds at least one reference
     */
    static boolean appearsIn(String value) {
        return value != null && REFERENCE.matcher(value).find();
    }

    /**
     * Replaces each reference in a value, leaving the text around it as it is.
     *
     * @param value a setting's value; never null
     * @param replacement the text for a reference, or null to keep the reference as written
     * @return the value with its references replaced
     */
    static String replaceIn(String value, Function<ConfigReference, String> replacement) {
        Matcher matcher = REFERENCE.matcher(value);
        StringBuilder result = new StringBuilder(value.length());
        while (matcher.find()) {
            ConfigReference reference = of(matcher);
            String replaced = replacement.apply(reference);
            matcher.appendReplacement(result, Matcher.quoteReplacement(replaced != null ? replaced : reference.text()));
        }
        matcher.appendTail(result);
        return result.toString();
    }

    private static ConfigReference of(Matcher matcher) {
        String path = matcher.group(2);
        return new ConfigReference(matcher.group(), matcher.group(1), path != null ? path : "", matcher.group(3));
    }
}
