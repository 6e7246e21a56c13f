package io.tributary.runtime.distributed;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.runtime.testing.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The membership watchdog, on an injected clock: silence past the limit is noticed, reports reset it. */
class SilenceWatchTest {

    @Test
    void silencePastTheLimitIsNoticedAndAReportResetsIt() {
        ManualClock clock = new ManualClock();
        List<Long> noticed = new ArrayList<>();
        SilenceWatch watch = new SilenceWatch(clock, Duration.ofSeconds(5), noticed::add);

        clock.advance(Duration.ofSeconds(5));
        watch.check();
        assertThat(noticed).as("at the limit, not past it").isEmpty();

        clock.advance(Duration.ofMillis(1));
        watch.check();
        assertThat(noticed).containsExactly(5_001L);

        watch.report();
        clock.advance(Duration.ofSeconds(4));
        watch.check();
        assertThat(noticed).as("a report resets the silence").hasSize(1);
    }
}
