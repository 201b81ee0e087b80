package dev.knot.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffTest {
    @Test
    void growsExponentiallyWithJitterAndIsCapped() {
        Backoff backoff = new Backoff(new Random(7));

        assertThat(backoff.delay(1)).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
        assertThat(backoff.delay(4)).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(8));
        for (int failures = 6; failures < 100; failures += 10) {
            assertThat(backoff.delay(failures)).isBetween(Duration.ofSeconds(15), Duration.ofSeconds(30));
        }
    }
}
