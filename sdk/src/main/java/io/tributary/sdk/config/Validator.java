package io.tributary.sdk.config;

import io.tributary.sdk.annotation.Stable;
import io.tributary.sdk.errors.ConfigException;
import java.util.List;

/**
 * Checks one setting's parsed value. Validators are given non-null values of the setting's type
 * ({@code Integer} for {@code INT}, {@code List<String>} for {@code LIST}, ...); a setting whose value
 * is absent and whose default is null is not validated.
 *
 * <p>Use the factories here, combine them with {@link #and(Validator...)}, or write your own as a
 * lambda. A validator's {@link #describe()} appears in generated documentation.
 */
@Stable
@FunctionalInterface
public interface Validator {

    /**
     * Checks a value.
     *
     * @param name the setting's name, for the message; never null
     * @param value the parsed value; never null
     * @throws ConfigException saying what is wrong and what is expected, built with {@link
     *     ConfigException#ConfigException(String, Object, String)}
     */
    void ensureValid(String name, Object value);

    /**
     * Describes the values this validator accepts, for documentation, such as {@code [1,...,100]}.
     *
     * @return the description; empty when there is nothing to say
     */
    default String describe() {
        return "";
    }

    /**
     * @param min the smallest value allowed
     * @return a validator of numbers at least {@code min}
     */
    static Validator atLeast(Number min) {
        return StandardValidators.range(min, null);
    }

    /**
     * @param min the smallest value allowed
     * @param max the largest value allowed
     * @return a validator of numbers from {@code min} to {@code max}, both included
     */
    static Validator between(Number min, Number max) {
        return StandardValidators.range(min, max);
    }

    /** @return a validator of strings that are not empty or only white space */
    static Validator nonEmptyString() {
        return StandardValidators.nonEmptyString();
    }

    /**
     * @param allowed the values allowed, matched exactly
     * @return a validator of strings that are one of {@code allowed}
     */
    static Validator oneOf(String... allowed) {
        return StandardValidators.oneOf(List.of(allowed), false);
    }

    /**
     * @param allowed the values allowed, matched ignoring case
     * @return a validator of strings that are one of {@code allowed}, in any case
     */
    static Validator oneOfIgnoreCase(String... allowed) {
        return StandardValidators.oneOf(List.of(allowed), true);
    }

    /**
     * @param regex a regular expression the whole string must match
     * @return a validator of strings matching it
     */
    static Validator pattern(String regex) {
        return StandardValidators.pattern(regex);
    }

    /** @return a validator of lists with at least one element */
    static Validator nonEmptyList() {
        return StandardValidators.nonEmptyList();
    }

    /**
     * @param elementValidator applied to each element
     * @return a validator of lists whose every element passes {@code elementValidator}
     */
    static Validator eachElement(Validator elementValidator) {
        return StandardValidators.eachElement(elementValidator);
    }

    /**
     * @param validators applied in order; the first failure is reported
     * @return a validator that passes when all of them do
     */
    static Validator and(Validator... validators) {
        return StandardValidators.and(List.of(validators));
    }
}
