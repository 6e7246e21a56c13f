package io.tributary.connect.convert;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.sdk.data.Date;
import io.tributary.sdk.data.Decimal;
import io.tributary.sdk.data.Schema;
import io.tributary.sdk.data.SchemaBuilder;
import io.tributary.sdk.data.Struct;
import io.tributary.sdk.data.Time;
import io.tributary.sdk.data.Timestamp;
import io.tributary.sdk.header.Headers;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SDK data through Connect's model and back: every type, logical type, null and schema detail survives. */
class ConnectDataTest {
    private static final Schema ADDRESS = SchemaBuilder.struct()
            .name("Address")
            .field("city", Schema.STRING_SCHEMA)
            .field("zip", Schema.OPTIONAL_STRING_SCHEMA)
            .build();
    private static final Schema ORDER = SchemaBuilder.struct()
            .name("com.example.Order")
            .version(3)
            .doc("An order")
            .field("id", Schema.INT64_SCHEMA)
            .field("small", Schema.INT8_SCHEMA)
            .field("medium", Schema.INT16_SCHEMA)
            .field("count", SchemaBuilder.int32().defaultValue(7).build())
            .field("ratio", Schema.FLOAT32_SCHEMA)
            .field("weight", Schema.OPTIONAL_FLOAT64_SCHEMA)
            .field("paid", Schema.BOOLEAN_SCHEMA)
            .field("blob", Schema.OPTIONAL_BYTES_SCHEMA)
            .field(
                    "amount",
                    Decimal.builder(2)
                            .parameter("connect.decimal.precision", "10")
                            .build())
            .field("day", Date.SCHEMA)
            .field("at", Time.SCHEMA)
            .field("placed", Timestamp.SCHEMA)
            .field("tags", SchemaBuilder.array(Schema.STRING_SCHEMA).optional().build())
            .field(
                    "prices",
                    SchemaBuilder.map(Schema.STRING_SCHEMA, Decimal.schema(2)).build())
            .field("ship_to", ADDRESS)
            .field("note", Schema.OPTIONAL_STRING_SCHEMA)
            .build();

    @Test
    void aStructOfEveryTypeGoesThroughConnectAndComesBackEqual() {
        Struct order = Struct.builder(ORDER)
                .put("id", 42L)
                .put("small", (byte) -3)
                .put("medium", (short) 300)
                .put("count", 5)
                .put("ratio", 0.5f)
                .put("weight", null)
                .put("paid", true)
                .put("blob", new byte[] {1, 2, 3})
                .put("amount", new BigDecimal("12.34"))
                .put("day", LocalDate.of(2026, 12, 5))
                .put("at", LocalTime.of(13, 45, 30, 123_000_000))
                .put("placed", Instant.parse("2026-12-05T10:15:30.123Z"))
                .put("tags", List.of("a", "b"))
                .put("prices", Map.of("x", new BigDecimal("1.50")))
                .put("ship_to", Struct.builder(ADDRESS).put("city", "Oslo").build())
                .put("note", null)
                .build();

        org.apache.kafka.connect.data.Schema connectSchema = ConnectData.toConnect(ORDER);
        Object connectValue = ConnectData.toConnect(ORDER, order);

        assertThat(connectSchema.name()).isEqualTo("com.example.Order");
        assertThat(connectSchema.version()).isEqualTo(3);
        assertThat(connectSchema.field("count").schema().defaultValue()).isEqualTo(7);
        assertThat(connectSchema.field("amount").schema().parameters())
                .containsEntry("scale", "2")
                .containsEntry("connect.decimal.precision", "10");
        org.apache.kafka.connect.data.Struct connectStruct = (org.apache.kafka.connect.data.Struct) connectValue;
        connectStruct.validate();
        assertThat(connectStruct.get("day")).isEqualTo(java.util.Date.from(Instant.parse("2026-12-05T00:00:00Z")));
        assertThat(connectStruct.get("at")).isEqualTo(new java.util.Date(49_530_123L));
        assertThat(connectStruct.get("placed"))
                .isEqualTo(java.util.Date.from(Instant.parse("2026-12-05T10:15:30.123Z")));
        assertThat(connectStruct.getWithoutDefault("weight")).isNull();

        Schema back = ConnectData.toSdk(connectSchema);
        assertThat(back).isEqualTo(ORDER);
        assertThat(ConnectData.toSdk(connectSchema, connectValue)).isEqualTo(order);
    }

    @Test
    void schemalessValuesAndHeadersKeepTheirShape() {
        Map<String, Object> value = Map.of("list", List.of(1L, "two"), "when", Instant.parse("2026-01-01T00:00:00Z"));

        Object connect = ConnectData.toConnect(null, value);
        assertThat(((Map<?, ?>) connect).get("when"))
                .isEqualTo(java.util.Date.from(Instant.parse("2026-01-01T00:00:00Z")));
        assertThat(ConnectData.toSdk(null, connect)).isEqualTo(value);

        Headers headers = Headers.empty()
                .withString("trace", "abc")
                .with("day", Date.SCHEMA, LocalDate.of(2026, 1, 2))
                .with("none", Schema.OPTIONAL_STRING_SCHEMA, null);
        assertThat(ConnectData.toSdk(ConnectData.toConnect(headers))).isEqualTo(headers);
    }

    @Test
    void nullsStayNulls() {
        assertThat(ConnectData.toConnect((Schema) null)).isNull();
        assertThat(ConnectData.toConnect(Schema.OPTIONAL_STRING_SCHEMA, null)).isNull();
        assertThat(ConnectData.toSdk((org.apache.kafka.connect.data.Schema) null))
                .isNull();
        assertThat(ConnectData.toSdk(org.apache.kafka.connect.data.Schema.OPTIONAL_INT64_SCHEMA, null))
                .isNull();
    }

    @Test
    void aRequiredFieldLeftAtItsDefaultAndJdbcTemporalValuesConvert() {
        Schema withDefault = SchemaBuilder.struct()
                .field("id", Schema.INT64_SCHEMA)
                .field("count", SchemaBuilder.int32().defaultValue(7).build())
                .build();
        Struct unset = Struct.builder(withDefault).put("id", 1L).build();

        org.apache.kafka.connect.data.Struct connect =
                (org.apache.kafka.connect.data.Struct) ConnectData.toConnect(withDefault, unset);
        connect.validate();
        assertThat(connect.get("count")).isEqualTo(7);

        // JDBC source connectors put java.sql types, whose toInstant() throws, into Date and Timestamp fields.
        assertThat(ConnectData.toSdk(
                        ConnectData.toConnect(Date.SCHEMA), java.sql.Date.valueOf(LocalDate.of(2026, 12, 5))))
                .isEqualTo(LocalDate.of(2026, 12, 5)
                        .atStartOfDay(java.time.ZoneId.systemDefault())
                        .toInstant()
                        .atZone(java.time.ZoneOffset.UTC)
                        .toLocalDate());
        assertThat(ConnectData.toSdk(ConnectData.toConnect(Timestamp.SCHEMA), new java.sql.Timestamp(1_000L)))
                .isEqualTo(Instant.ofEpochMilli(1_000L));
        assertThat(ConnectData.toSdk(null, new java.sql.Date(86_400_000L)))
                .isEqualTo(Instant.ofEpochMilli(86_400_000L));
        assertThat(ConnectData.toConnect(null, LocalDate.of(1970, 1, 2))).isEqualTo(new java.util.Date(86_400_000L));
    }
}
