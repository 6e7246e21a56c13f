package io.tributary.sdk.data;

import io.tributary.sdk.annotation.Stable;
import io.tributary.sdk.errors.DataException;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The Decimal logical type: an arbitrary-precision decimal number with a fixed scale, held in Java as
 * a {@link BigDecimal} and encoded as the big-endian two's-complement bytes of its unscaled value.
 * The scale is the schema parameter {@value #SCALE_PARAMETER}. The schema name is the one Kafka
 * Connect uses, so data written by either reads back in the other.
 */
@Stable
public final class Decimal {
    /** The schema name that marks this logical type. */
    public static final String LOGICAL_NAME = "org.apache.kafka.connect.data.Decimal";

    /** The schema parameter that holds the scale. */
    public static final String SCALE_PARAMETER = "scale";

    private Decimal() {}

    /**
     * @param scale digits after the decimal point
     * @return a builder for a Decimal schema of that scale, to make it optional or add docs
     */
    public static SchemaBuilder builder(int scale) {
        return SchemaBuilder.bytes()
                .name(LOGICAL_NAME)
                .parameter(SCALE_PARAMETER, Integer.toString(scale))
                .version(1);
    }

    /**
     * @param scale digits after the decimal point
     * @return a required Decimal schema of that scale
     */
    public static Schema schema(int scale) {
        return builder(scale).build();
    }

    /**
     * Encodes a decimal for a Decimal schema.
     *
     * @param schema a Decimal schema
     * @param value the value, whose scale must match the schema's
     * @return the unscaled value's bytes
     * @throws DataException if the scales differ
     */
    public static byte[] fromLogical(Schema schema, BigDecimal value) {
        int scale = scale(schema);
        if (value.scale() != scale) {
            throw new DataException("Decimal schema has scale " + scale + ", got BigDecimal " + value + " of scale "
                    + value.scale() + "; use setScale(" + scale + ", RoundingMode...) first");
        }
        return value.unscaledValue().toByteArray();
    }

    /**
     * Decodes a decimal of a Decimal schema.
     *
     * @param schema a Decimal schema
     * @param value the unscaled value's bytes
     * @return the decimal
     */
    public static BigDecimal toLogical(Schema schema, byte[] value) {
        return new BigDecimal(new BigInteger(value), scale(schema));
    }

    /**
     * Reads the scale of a Decimal schema.
     *
     * @param schema a Decimal schema
     * @return its scale
     * @throws DataException if the schema has no valid scale parameter
     */
    public static int scale(Schema schema) {
        String scale = schema.parameters().get(SCALE_PARAMETER);
        if (scale == null) {
            throw new DataException("Decimal schema " + schema + " has no '" + SCALE_PARAMETER + "' parameter");
        }
        try {
            return Integer.parseInt(scale);
        } catch (NumberFormatException e) {
            throw new DataException(
                    "Decimal schema " + schema + " has a '" + SCALE_PARAMETER + "' parameter that is not an integer: "
                            + scale,
                    e);
        }
    }
}
