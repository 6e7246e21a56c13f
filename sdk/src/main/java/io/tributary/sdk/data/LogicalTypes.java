package io.tributary.sdk.data;

import io.tributary.sdk.errors.DataException;
import java.math.BigDecimal;

/** Knows which Java class holds the values of each logical type, and their extra checks. */
final class LogicalTypes {
    private LogicalTypes() {}

    static boolean isLogical(Schema schema) {
        return logicalJavaType(schema) != null;
    }

    static Class<?> javaType(Schema schema) {
        Class<?> logical = logicalJavaType(schema);
        return logical != null ? logical : schema.type().javaType();
    }

    private static Class<?> logicalJavaType(Schema schema) {
        String name = schema.name();
        if (name == null) {
            return null;
        }
        return switch (name) {
            case Decimal.LOGICAL_NAME -> schema.type() == Schema.Type.BYTES ? BigDecimal.class : null;
            case Date.LOGICAL_NAME -> schema.type() == Schema.Type.INT32 ? java.time.LocalDate.class : null;
            case Time.LOGICAL_NAME -> schema.type() == Schema.Type.INT32 ? java.time.LocalTime.class : null;
            case Timestamp.LOGICAL_NAME -> schema.type() == Schema.Type.INT64 ? java.time.Instant.class : null;
            default -> null;
        };
    }

    /** @return whether {@link #validate} would take the value, without building its message */
    static boolean fits(Schema schema, Object value) {
        return !(value instanceof BigDecimal decimal && Decimal.LOGICAL_NAME.equals(schema.name()))
                || decimal.scale() == Decimal.scale(schema);
    }

    static void validate(Schema schema, Object value, String where) {
        if (value instanceof BigDecimal decimal && Decimal.LOGICAL_NAME.equals(schema.name())) {
            int scale = Decimal.scale(schema);
            if (decimal.scale() != scale) {
                throw new DataException(where + " is a Decimal of scale " + scale + ", got BigDecimal " + decimal
                        + " of scale " + decimal.scale() + "; use setScale(" + scale + ", RoundingMode...) first");
            }
        }
    }
}
