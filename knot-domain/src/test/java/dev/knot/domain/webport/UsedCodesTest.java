package dev.knot.domain.webport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.knot.testkit.fixture.FixtureDefaults;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class UsedCodesTest {
    private static final Instant NOW = FixtureDefaults.NOW;
    private static final Instant EXPIRY = NOW.plusSeconds(60);

    private final UsedCodes used = new UsedCodes(2);

    @Test
    void aNonceIsAcceptedOnceUntilItExpires() {
        assertThat(used.markUsed("a", EXPIRY, NOW)).isTrue();
        assertThat(used.markUsed("a", EXPIRY, NOW)).isFalse();
        assertThat(used.markUsed("a", EXPIRY, EXPIRY.minusMillis(1))).isFalse();
    }

    @Test
    void whenFullOfLiveCodesNewOnesAreRefusedRatherThanAnOldOneForgotten() {
        used.markUsed("a", EXPIRY, NOW);
        used.markUsed("b", EXPIRY.plusSeconds(5), NOW);

        assertThat(used.markUsed("c", EXPIRY, NOW)).isFalse();
        assertThat(used.markUsed("a", EXPIRY, NOW)).isFalse();
        assertThat(used.markUsed("b", EXPIRY, NOW)).isFalse();
    }

    @Test
    void expiredCodesMakeRoom() {
        used.markUsed("a", EXPIRY, NOW);
        used.markUsed("b", EXPIRY.plusSeconds(5), NOW);

        assertThat(used.markUsed("c", EXPIRY.plusSeconds(60), EXPIRY)).isTrue();
        assertThat(used.markUsed("d", EXPIRY.plusSeconds(60), EXPIRY)).isFalse();
        assertThat(used.markUsed("b", EXPIRY.plusSeconds(5), EXPIRY)).isFalse();
    }

    @Test
    void anExpiredEntryBehindALiveOneIsStillForgottenWhenFull() {
        used.markUsed("long", EXPIRY.plusSeconds(30), NOW);
        used.markUsed("short", EXPIRY, NOW);

        assertThat(used.markUsed("c", EXPIRY.plusSeconds(60), EXPIRY)).isTrue();
        assertThat(used.markUsed("long", EXPIRY.plusSeconds(30), EXPIRY)).isFalse();
    }
}
