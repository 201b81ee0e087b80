package dev.knot.adapter.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import dev.knot.ports.out.Clock;
import dev.knot.ports.out.UsedNonceStore;
import dev.knot.testkit.contract.UsedNonceStoreContract;
import dev.knot.testkit.fixture.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EmbeddedUsedNonceStoreTest extends UsedNonceStoreContract {
    private final MutableClock clock = new MutableClock();
    private final EmbeddedUsedNonceStore small = new EmbeddedUsedNonceStore(clock, 2);
    private final Instant expiry = clock.now().plusSeconds(60);

    @Override
    protected UsedNonceStore newStore(Clock clock) {
        return new EmbeddedUsedNonceStore(clock);
    }

    @Test
    void whenFullOfLiveNoncesNewOnesAreRefusedRatherThanAnOldOneForgotten() {
        small.markUsed("a", expiry);
        small.markUsed("b", expiry.plusSeconds(5));

        assertThat(small.markUsed("c", expiry)).isFalse();
        assertThat(small.markUsed("a", expiry)).isFalse();
        assertThat(small.markUsed("b", expiry)).isFalse();
    }

    @Test
    void expiredNoncesMakeRoom() {
        small.markUsed("a", expiry);
        small.markUsed("b", expiry.plusSeconds(5));
        clock.set(expiry);

        assertThat(small.markUsed("c", expiry.plusSeconds(60))).isTrue();
        assertThat(small.markUsed("d", expiry.plusSeconds(60))).isFalse();
        assertThat(small.markUsed("b", expiry.plusSeconds(5))).isFalse();
    }

    @Test
    void anExpiredEntryBehindALiveOneIsStillForgottenWhenFull() {
        small.markUsed("long", expiry.plusSeconds(30));
        small.markUsed("short", expiry);
        clock.advance(Duration.ofSeconds(60));

        assertThat(small.markUsed("c", expiry.plusSeconds(60))).isTrue();
        assertThat(small.markUsed("long", expiry.plusSeconds(30))).isFalse();
    }
}
