package io.tributary.sdk.header;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.sdk.data.Schema;
import io.tributary.sdk.errors.DataException;
import org.junit.jupiter.api.Test;

class HeadersTest {

    @Test
    void repeatedKeysKeepOrderAndTheLastIsCurrent() {
        Headers headers = Headers.empty()
                .withString("trace", "a")
                .with("attempt", Schema.INT32_SCHEMA, 1)
                .withString("trace", "b");

        assertThat(headers.lastWithKey("trace")).map(Header::value).contains("b");
        assertThat(headers.allWithKey("trace")).extracting(Header::value).containsExactly("a", "b");
        assertThat(headers.lastWithKey("missing")).isEmpty();
        assertThat(headers).extracting(Header::key).containsExactly("trace", "attempt", "trace");
    }

    @Test
    void changesReturnNewHeadersAndLeaveTheOriginalAlone() {
        Headers original = Headers.empty().withString("a", "1").withString("b", "2");

        Headers withoutA = original.without("a");
        Headers renamed = original.map(h -> h.key().equals("b") ? h.withKey("bee") : h);

        assertThat(withoutA).extracting(Header::key).containsExactly("b");
        assertThat(renamed).extracting(Header::key).containsExactly("a", "bee");
        assertThat(original).extracting(Header::key).containsExactly("a", "b");
        assertThatThrownBy(() -> original.asList().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aHeaderValueMustFitItsSchema() {
        assertThatThrownBy(() -> Headers.empty().with("attempt", Schema.INT32_SCHEMA, "one"))
                .isInstanceOf(DataException.class)
                .hasMessage("Value is INT32, got String \"one\"");
    }
}
