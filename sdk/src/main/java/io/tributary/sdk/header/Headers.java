package io.tributary.sdk.header;

import io.tributary.sdk.annotation.Stable;
import io.tributary.sdk.data.Schema;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * The ordered headers of a record. A key may occur more than once; the last occurrence is the
 * current value. {@code Headers} is immutable: every change returns a new instance, so records that
 * share headers never see each other's changes.
 *
 * <pre>{@code
 * Headers headers = Headers.empty()
 *         .withString("source.table", "orders")
 *         .with("attempt", Schema.INT32_SCHEMA, 1);
 * }</pre>
 */
@Stable
public final class Headers implements Iterable<Header> {
    private static final Headers EMPTY = new Headers(List.of());

    private final List<Header> headers;

    private Headers(List<Header> headers) {
        this.headers = headers;
    }

    /** @return headers with no entries */
    public static Headers empty() {
        return EMPTY;
    }

    /**
     * @param headers the headers, in order; never null
     * @return headers holding exactly these entries
     */
    public static Headers of(Iterable<Header> headers) {
        List<Header> copy = new ArrayList<>();
        headers.forEach(h -> copy.add(Objects.requireNonNull(h, "header")));
        return copy.isEmpty() ? EMPTY : new Headers(List.copyOf(copy));
    }

    /**
     * @param headers the headers, in order
     * @return headers holding exactly these entries
     */
    public static Headers of(Header... headers) {
        return of(List.of(headers));
    }

    /**
     * @param header the header to append; never null
     * @return new headers with this one added after the others
     */
    public Headers with(Header header) {
        List<Header> copy = new ArrayList<>(headers);
        copy.add(Objects.requireNonNull(header, "header"));
        return new Headers(List.copyOf(copy));
    }

    /**
     * @param key the key; never null
     * @param schema the value's schema; null for a schemaless value
     * @param value the value; may be null
     * @return new headers with this one added after the others
     */
    public Headers with(String key, Schema schema, Object value) {
        return with(new Header(key, schema, value));
    }

    /**
     * @param key the key; never null
     * @param value the value; may be null
     * @return new headers with a string header added after the others
     */
    public Headers withString(String key, String value) {
        return with(new Header(key, Schema.OPTIONAL_STRING_SCHEMA, value));
    }

    /**
     * @param key the key whose entries to drop; never null
     * @return new headers without any entry of this key
     */
    public Headers without(String key) {
        return filter(h -> !h.key().equals(key));
    }

    /**
     * Keeps the entries that match a condition.
     *
     * @param keep true for the entries to keep; never null
     * @return new headers with the kept entries in their order
     */
    public Headers filter(java.util.function.Predicate<Header> keep) {
        return of(headers.stream().filter(keep).toList());
    }

    /**
     * Replaces every entry with what a function makes of it.
     *
     * @param mapping returns the replacement for each entry, never null
     * @return new headers with the replaced entries in their order
     */
    public Headers map(UnaryOperator<Header> mapping) {
        return of(headers.stream().map(mapping).toList());
    }

    /**
     * @param key the key to look for
     * @return the last entry of this key, which holds its current value; empty when there is none
     */
    public Optional<Header> lastWithKey(String key) {
        for (int i = headers.size() - 1; i >= 0; i--) {
            if (headers.get(i).key().equals(key)) {
                return Optional.of(headers.get(i));
            }
        }
        return Optional.empty();
    }

    /**
     * @param key the key to look for
     * @return every entry of this key in order; unmodifiable, never null
     */
    public List<Header> allWithKey(String key) {
        return headers.stream().filter(h -> h.key().equals(key)).toList();
    }

    /** @return the number of entries */
    public int size() {
        return headers.size();
    }

    /** @return whether there are no entries */
    public boolean isEmpty() {
        return headers.isEmpty();
    }

    /** @return the entries in order; unmodifiable, never null */
    public List<Header> asList() {
        return headers;
    }

    /** @return the entries in order */
    public Stream<Header> stream() {
        return headers.stream();
    }

    @Override
    public Iterator<Header> iterator() {
        return headers.iterator();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Headers other && headers.equals(other.headers);
    }

    @Override
    public int hashCode() {
        return headers.hashCode();
    }

    @Override
    public String toString() {
        return "Headers" + headers;
    }
}
