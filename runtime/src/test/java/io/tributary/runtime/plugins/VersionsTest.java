package io.tributary.runtime.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class VersionsTest {

    @Test
    void ordersVersionsAsPeopleReadThem() {
        List<String> ordered = List.of(
                "unknown",
                "0.9",
                "1.0-beta",
                "1.0-rc1",
                "1.0-SNAPSHOT",
                "1.0",
                "1.0.1",
                "1.2",
                "1.10",
                "2.0.0-beta",
                "2.0.0");
        List<String> shuffled = new ArrayList<>(ordered);
        Collections.shuffle(shuffled, new Random(7));

        shuffled.sort(Versions.ORDER);

        assertThat(shuffled).containsExactlyElementsOf(ordered);
    }

    @Test
    void treatsEqualVersionsAsEqualAndUnknownBelowAll() {
        assertThat(Versions.compare("1.0.0", "1.0.0")).isZero();
        assertThat(Versions.compare("unknown", "")).isZero();
        assertThat(Versions.compare("unknown", "0")).isNegative();
        assertThat(Versions.compare("12345678901234567890.1", "12345678901234567890.0"))
                .isPositive();
    }
}
