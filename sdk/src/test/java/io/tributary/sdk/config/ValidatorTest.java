package io.tributary.sdk.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.sdk.errors.ConfigException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValidatorTest {

    @Test
    void rangeChecksBothEndsInclusively() {
        Validator range = Validator.between(1, 10);

        assertThatCode(() -> range.ensureValid("n", 1)).doesNotThrowAnyException();
        assertThatCode(() -> range.ensureValid("n", 10)).doesNotThrowAnyException();
        assertThatThrownBy(() -> range.ensureValid("n", 11))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Invalid value 11 for 'n': must be at most 10");
        assertThat(range.describe()).isEqualTo("[1,...,10]");
        assertThat(Validator.atLeast(0).describe()).isEqualTo("[0,...]");
    }

    @Test
    void oneOfIgnoreCaseAcceptsAnyCase() {
        Validator tolerance = Validator.oneOfIgnoreCase("none", "all");

        assertThatCode(() -> tolerance.ensureValid("errors.tolerance", "ALL")).doesNotThrowAnyException();
        assertThatThrownBy(() -> tolerance.ensureValid("errors.tolerance", "some"))
                .hasMessage("Invalid value \"some\" for 'errors.tolerance': must be one of none, all (any case)");
    }

    @Test
    void listValidatorsCheckSizeAndEachElement() {
        Validator topics = Validator.and(Validator.nonEmptyList(), Validator.eachElement(Validator.pattern("[a-z.]+")));

        assertThatCode(() -> topics.ensureValid("topics", List.of("a.b", "c"))).doesNotThrowAnyException();
        assertThatThrownBy(() -> topics.ensureValid("topics", List.of()))
                .hasMessage("Invalid value [] for 'topics': must list at least one value");
        assertThatThrownBy(() -> topics.ensureValid("topics", List.of("ok", "Not-OK")))
                .hasMessage("Invalid value \"Not-OK\" for 'topics': must match the regular expression [a-z.]+");
        assertThat(topics.describe()).isEqualTo("non-empty list, each matching [a-z.]+");
    }
}
