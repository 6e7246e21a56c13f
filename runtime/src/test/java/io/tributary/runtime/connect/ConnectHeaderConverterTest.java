package io.tributary.runtime.connect;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.sdk.data.Schema;
import io.tributary.sdk.data.SchemaAndValue;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Connect's own string converter as a header converter, configured as Connect's worker configures it. */
class ConnectHeaderConverterTest {

    @Test
    void connectsStringConverterIsToldItConvertsHeaders() {
        ConnectHeaderConverter converter = new ConnectHeaderConverter(
                new org.apache.kafka.connect.storage.StringConverter(),
                getClass().getClassLoader());

        converter.configure(Map.of());

        byte[] bytes = converter.fromData("t", "origin", Schema.STRING_SCHEMA, "file");
        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("file");
        assertThat(converter.toData("t", "origin", bytes))
                .isEqualTo(new SchemaAndValue(Schema.OPTIONAL_STRING_SCHEMA, "file"));
    }
}
