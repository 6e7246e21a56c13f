package io.tributary.runtime.transforms;

import io.tributary.sdk.data.Schema;
import io.tributary.sdk.errors.ConfigException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The parsed {@code spec} of {@link Cast}: either one type for the whole key or value ({@code int32}) or a
 * type per field ({@code id:int64,price:float64}).
 *
 * @param wholeValue the type of the whole key or value; null when fields are cast
 * @param fields the type of each field to cast; empty when the whole value is cast
 */
record CastSpec(Schema.Type wholeValue, Map<String, Schema.Type> fields) {
    static final List<Schema.Type> TARGETS = List.of(
            Schema.Type.INT8,
            Schema.Type.INT16,
            Schema.Type.INT32,
            Schema.Type.INT64,
            Schema.Type.FLOAT32,
            Schema.Type.FLOAT64,
            Schema.Type.BOOLEAN,
            Schema.Type.STRING);

    private static final String TARGET_NAMES = "int8, int16, int32, int64, float32, float64, boolean or string";

    CastSpec {
        fields = Map.copyOf(fields);
    }

    boolean castsWholeValue() {
        return wholeValue != null;
    }

    /** Checks a {@code spec} setting, naming every malformed entry, as a {@link io.tributary.sdk.config.Validator}. */
    static void check(String setting, Object value) {
        List<String> problems = problems((List<?>) value);
        if (!problems.isEmpty()) {
            throw new ConfigException(setting, value, String.join("; ", problems));
        }
    }

    /** @param entries a valid {@code spec}, as checked by {@link #check} */
    static CastSpec parse(List<String> entries) {
        if (entries.size() == 1 && !entries.get(0).contains(":")) {
            return new CastSpec(type(entries.get(0)), Map.of());
        }
        Map<String, Schema.Type> fields = new LinkedHashMap<>();
        for (String entry : entries) {
            int colon = entry.lastIndexOf(':');
            fields.put(entry.substring(0, colon).trim(), type(entry.substring(colon + 1)));
        }
        return new CastSpec(null, fields);
    }

    private static List<String> problems(List<?> entries) {
        List<String> problems = new ArrayList<>();
        if (entries.isEmpty()) {
            problems.add("give a type for the whole value, such as int32, or field:type pairs, such as id:int64");
        }
        if (entries.size() == 1 && !entries.get(0).toString().contains(":")) {
            checkType(entries.get(0).toString(), entries.get(0).toString(), problems);
            return problems;
        }
        for (Object element : entries) {
            String entry = element.toString();
            int colon = entry.lastIndexOf(':');
            if (colon <= 0 || entry.substring(0, colon).isBlank()) {
                problems.add("\"" + entry + "\" is not a field:type pair; a lone type casts the whole value and must "
                        + "be the only entry");
            } else {
                checkType(entry, entry.substring(colon + 1), problems);
            }
        }
        return problems;
    }

    private static void checkType(String entry, String typeName, List<String> problems) {
        try {
            type(typeName);
        } catch (IllegalArgumentException e) {
            problems.add("\"" + entry + "\" has unknown type '" + typeName.trim() + "'; use " + TARGET_NAMES);
        }
    }

    private static Schema.Type type(String name) {
        Schema.Type type = Schema.Type.valueOf(name.trim().toUpperCase(Locale.ROOT));
        if (!TARGETS.contains(type)) {
            throw new IllegalArgumentException(name);
        }
        return type;
    }
}
