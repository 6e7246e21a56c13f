package io.tributary.testkit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WaitsTest {

    @Test
    void anAssertionThatNeverPassesIsReportedWithItsLastFailureEvenWithoutAMessage() {
        assertThatThrownBy(() -> Waits.untilAsserted("the impossible", Duration.ofMillis(200), () -> {
                    throw new AssertionError();
                }))
                .isInstanceOf(AssertionError.class)
                .hasMessage("Expected the impossible within PT0.2S but: java.lang.AssertionError");
        assertThatThrownBy(() -> Waits.untilAsserted("one", Duration.ofMillis(200), () -> {
                    throw new AssertionError("\nExpected size: 1 but was: 2");
                }))
                .hasMessage("Expected one within PT0.2S but: Expected size: 1 but was: 2");
    }
}
