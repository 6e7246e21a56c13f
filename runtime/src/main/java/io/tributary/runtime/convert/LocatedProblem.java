package io.tributary.runtime.convert;

import io.tributary.sdk.errors.DataException;
import java.util.ArrayDeque;

/**
 * A problem with one value inside a JSON document, carried up through the nested values so that each level can
 * add where it is. The converter turns it into a {@link DataException} that names the whole path, such as {@code
 * value at 'items[2].sku' is STRING, got JSON number 5}. Never escapes this package.
 */
final class LocatedProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Path segments from the root down: {@code .name} for object members, {@code [i]} for array elements. */
    private final ArrayDeque<String> path = new ArrayDeque<>();

    /**
     * @param problem what is wrong, worded to follow the path: {@code is INT32, got JSON string "x"}
     */
    LocatedProblem(String problem) {
        super(problem);
    }

    /**
     * @param problem what is wrong, worded to follow the path
     * @param cause the underlying failure
     */
    LocatedProblem(String problem, Throwable cause) {
        super(problem, cause);
    }

    /**
     * Records that the problem lies inside a member or element of an enclosing value.
     *
     * @param segment {@code .name} for an object member, {@code [i]} for an array element
     * @return this problem, to rethrow
     */
    LocatedProblem within(String segment) {
        path.addFirst(segment);
        return this;
    }

    /**
     * @param subject what the path starts from, such as {@code value} or {@code schema}
     * @return the subject, its path when there is one, and the problem
     */
    String describe(String subject) {
        if (path.isEmpty()) {
            return subject + " " + getMessage();
        }
        String joined = String.join("", path);
        return subject + " at '" + (joined.startsWith(".") ? joined.substring(1) : joined) + "' " + getMessage();
    }

    /**
     * @param context what was being done, such as {@code Cannot read the message on topic 'orders'}
     * @param subject what the path starts from
     * @return an exception for the caller, with this problem as its cause
     */
    DataException toDataException(String context, String subject) {
        return new DataException(context + ": " + describe(subject), this);
    }
}
