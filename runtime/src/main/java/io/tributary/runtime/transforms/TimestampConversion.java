package io.tributary.runtime.transforms;

import io.tributary.sdk.data.Date;
import io.tributary.sdk.data.Schema;
import io.tributary.sdk.data.SchemaBuilder;
import io.tributary.sdk.data.Time;
import io.tributary.sdk.data.Timestamp;
import io.tributary.sdk.errors.DataException;
import java.text.ParseException;
import java.text.SimpleDateFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.TimeZone;

/**
 * Converts points in time between the forms {@link TimestampConverter} knows, going through an {@link
 * Instant} of millisecond precision, in UTC. Holds a {@link SimpleDateFormat}, so it serves one thread: a
 * transformation instance belongs to one task.
 */
final class TimestampConversion {
    /** The forms of a point in time, named as in the {@code target.type} setting. */
    enum Kind {
        STRING("string"),
        UNIX("unix"),
        DATE("Date"),
        TIME("Time"),
        TIMESTAMP("Timestamp");

        private final String settingValue;

        Kind(String settingValue) {
            this.settingValue = settingValue;
        }

        String settingValue() {
            return settingValue;
        }

        static Kind of(String settingValue) {
            for (Kind kind : values()) {
                if (kind.settingValue.equals(settingValue)) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("Unknown timestamp type " + settingValue);
        }
    }

    /** The units of a unix timestamp, named as in the {@code unix.precision} setting. */
    enum Precision {
        SECONDS("seconds", ChronoUnit.SECONDS),
        MILLISECONDS("milliseconds", ChronoUnit.MILLIS),
        MICROSECONDS("microseconds", ChronoUnit.MICROS),
        NANOSECONDS("nanoseconds", ChronoUnit.NANOS);

        private final String settingValue;
        private final ChronoUnit unit;

        Precision(String settingValue, ChronoUnit unit) {
            this.settingValue = settingValue;
            this.unit = unit;
        }

        static Precision of(String settingValue) {
            for (Precision precision : values()) {
                if (precision.settingValue.equals(settingValue)) {
                    return precision;
                }
            }
            throw new IllegalArgumentException("Unknown precision " + settingValue);
        }
    }

    private final SimpleDateFormat format;
    private final String pattern;
    private final Precision precision;

    /**
     * @param pattern a {@link SimpleDateFormat} pattern; empty when strings are not involved
     * @throws IllegalArgumentException if the pattern is invalid
     */
    TimestampConversion(String pattern, Precision precision) {
        this.pattern = pattern;
        this.precision = precision;
        if (pattern.isEmpty()) {
            this.format = null;
        } else {
            this.format = new SimpleDateFormat(pattern, Locale.ROOT);
            this.format.setTimeZone(TimeZone.getTimeZone(ZoneOffset.UTC));
        }
    }

    /** @throws DataException if the schema holds no point in time */
    static Kind kindOf(Schema schema) {
        if (schema.name() != null) {
            switch (schema.name()) {
                case Timestamp.LOGICAL_NAME -> {
                    return Kind.TIMESTAMP;
                }
                case Date.LOGICAL_NAME -> {
                    return Kind.DATE;
                }
                case Time.LOGICAL_NAME -> {
                    return Kind.TIME;
                }
                default -> {}
            }
        }
        return switch (schema.type()) {
            case INT64 -> Kind.UNIX;
            case STRING -> Kind.STRING;
            default ->
                throw new DataException("schema "
                        + (schema.name() != null ? schema.name() : schema.type().name())
                        + " holds no timestamp; expected "
                        + "a STRING, an INT64 unix timestamp, or a Date, Time or Timestamp");
        };
    }

    /** @throws DataException if the value is no point in time */
    static Kind kindOf(Object value) {
        if (value instanceof Instant || value instanceof java.util.Date) {
            return Kind.TIMESTAMP;
        } else if (value instanceof LocalDate) {
            return Kind.DATE;
        } else if (value instanceof LocalTime) {
            return Kind.TIME;
        } else if (value instanceof Long || value instanceof Integer) {
            return Kind.UNIX;
        } else if (value instanceof String) {
            return Kind.STRING;
        }
        throw new DataException(Schemas.typeOf(value) + " is no timestamp; expected a String, a Long unix timestamp, "
                + "or a LocalDate, LocalTime or Instant");
    }

    static Schema schemaOf(Kind kind, boolean optional) {
        SchemaBuilder builder = switch (kind) {
            case STRING -> SchemaBuilder.string();
            case UNIX -> SchemaBuilder.int64();
            case DATE -> Date.builder();
            case TIME -> Time.builder();
            case TIMESTAMP -> Timestamp.builder();
        };
        return optional ? builder.optional().build() : builder.build();
    }

    /** Converts a non-null value of one form to another. */
    Object convert(Object value, Kind from, Kind to) {
        return from == to ? value : fromInstant(toInstant(value, from), to);
    }

    private Instant toInstant(Object value, Kind from) {
        Instant instant = switch (from) {
            case TIMESTAMP -> value instanceof java.util.Date date ? date.toInstant() : (Instant) value;
            case DATE -> ((LocalDate) value).atStartOfDay(ZoneOffset.UTC).toInstant();
            case TIME -> ((LocalTime) value).atDate(LocalDate.EPOCH).toInstant(ZoneOffset.UTC);
            case UNIX -> Instant.EPOCH.plus(((Number) value).longValue(), precision.unit);
            case STRING -> parse((String) value);
        };
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }

    private Object fromInstant(Instant instant, Kind to) {
        return switch (to) {
            case TIMESTAMP -> instant;
            case DATE -> LocalDate.ofInstant(instant, ZoneOffset.UTC);
            case TIME -> LocalTime.ofInstant(instant, ZoneOffset.UTC);
            case UNIX -> precision.unit.between(Instant.EPOCH, instant);
            case STRING -> requireFormat("format").format(java.util.Date.from(instant));
        };
    }

    private Instant parse(String text) {
        try {
            return requireFormat("parse").parse(text).toInstant();
        } catch (ParseException e) {
            throw new DataException("\"" + text + "\" does not match the format '" + pattern + "'", e);
        }
    }

    private SimpleDateFormat requireFormat(String purpose) {
        if (format == null) {
            throw new DataException("set 'format' to " + purpose + " string timestamps");
        }
        return format;
    }
}
