package io.tributary.runtime.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.sdk.data.Schema;
import io.tributary.sdk.data.SchemaAndValue;
import io.tributary.sdk.errors.DataException;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class ByteArrayConverterTest {
    private final ByteArrayConverter converter = new ByteArrayConverter();

    @Test
    void passesBytesThroughUnchanged() {
        byte[] bytes = {1, 2, 3};

        assertThat(converter.fromData("orders", Schema.BYTES_SCHEMA, bytes)).isEqualTo(bytes);
        assertThat(converter.toData("orders", bytes))
                .isEqualTo(new SchemaAndValue(Schema.OPTIONAL_BYTES_SCHEMA, bytes));
    }

    @Test
    void writesTheRemainingBytesOfABufferWithoutMovingIt() {
        ByteBuffer buffer = ByteBuffer.wrap(new byte[] {9, 1, 2, 3}).position(1);

        assertThat(converter.fromData("orders", null, buffer)).containsExactly(1, 2, 3);
        assertThat(buffer.position()).isEqualTo(1);
    }

    @Test
    void nullIsANullMessageBothWays() {
        assertThat(converter.fromData("orders", Schema.OPTIONAL_BYTES_SCHEMA, null))
                .isNull();
        assertThat(converter.toData("orders", null)).isSameAs(SchemaAndValue.NULL);
    }

    @Test
    void refusesASchemaOfAnotherType() {
        assertThatThrownBy(() -> converter.fromData("orders", Schema.STRING_SCHEMA, new byte[0]))
                .isInstanceOf(DataException.class)
                .hasMessage("ByteArrayConverter writes BYTES values only, but the schema for topic 'orders' is "
                        + "Schema{STRING}; use a converter for that type, or send bytes");
    }

    @Test
    void refusesAValueThatIsNotBytes() {
        assertThatThrownBy(() -> converter.fromData("orders", null, "text"))
                .isInstanceOf(DataException.class)
                .hasMessage("ByteArrayConverter writes byte[] or ByteBuffer values only, got a java.lang.String for "
                        + "topic 'orders'");
    }

    @Test
    void isAlsoAHeaderConverter() {
        assertThat(converter.fromData("orders", "id", null, new byte[] {7})).containsExactly(7);
        assertThat(converter.toData("orders", "id", new byte[] {7}).value()).isEqualTo(new byte[] {7});
    }
}
