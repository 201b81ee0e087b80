package dev.knot.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class NativeExpiryTest {
    private static final Instant NOW = Instant.parse("2025-03-14T15:09:26.535Z");

    @Test
    void redisKeepsAnEntryForTheTimeItHasLeftPlusTheGrace() {
        assertThat(NativeExpiry.timeToLive(NOW.plus(Duration.ofHours(2)), NOW))
                .isEqualTo(Duration.ofHours(2).plus(NativeExpiry.GRACE));
    }

    @Test
    void anEntryAtOrPastItsExpiryStillGetsTheMinimumPlusTheGrace() {
        Duration shortest = NativeExpiry.MINIMUM.plus(NativeExpiry.GRACE);

        assertThat(NativeExpiry.timeToLive(NOW, NOW)).isEqualTo(shortest);
        assertThat(NativeExpiry.timeToLive(NOW.minus(Duration.ofDays(3)), NOW)).isEqualTo(shortest);
        assertThat(NativeExpiry.timeToLive(NOW.plusMillis(10), NOW)).isEqualTo(shortest);
    }
}
