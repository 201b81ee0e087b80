package dev.knot.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.knot.ports.out.UsedNonceStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link UsedNonceStore}: a nonce is marked used once, until its expiry by the clock given to
 * {@link #newStore}, and exactly one of many concurrent marks succeeds.
 */
public abstract class UsedNonceStoreContract extends ExpiringStoreContract<UsedNonceStore> {
    private static final Duration LIFETIME = Duration.ofSeconds(60);

    protected UsedNonceStoreContract() {
        super(UsedNonceStore.class);
    }

    @Test
    public void aNonceIsMarkedUsedOnceUntilItExpires() {
        Instant expiry = clock().now().plus(LIFETIME);

        assertThat(store().markUsed("nonce-a", expiry)).isTrue();
        assertThat(store().markUsed("nonce-a", expiry)).isFalse();
        assertThat(store().markUsed("nonce-a", expiry.plus(LIFETIME))).as("a later expiry changes nothing").isFalse();
        assertThat(store().markUsed("nonce-b", expiry)).as("another nonce").isTrue();
    }

    @Test
    public void nonceCaseMatters() {
        Instant expiry = clock().now().plus(LIFETIME);

        assertThat(store().markUsed("Nonce", expiry)).isTrue();
        assertThat(store().markUsed("nonce", expiry)).isTrue();
    }

    @Test
    public void aNonceIsStillUsedJustBeforeItsExpiryAndFreeFromIt() {
        Instant expiry = clock().now().plus(LIFETIME);
        store().markUsed("nonce-a", expiry);

        clock().advance(LIFETIME.minusMillis(1));
        assertThat(store().markUsed("nonce-a", expiry.plus(LIFETIME))).isFalse();

        clock().advance(Duration.ofMillis(1));
        assertThat(store().markUsed("nonce-a", expiry.plus(LIFETIME))).isTrue();
        assertThat(store().markUsed("nonce-a", expiry.plus(LIFETIME))).isFalse();
    }

    @Test
    public void ofTwentyConcurrentMarksOfOneNonceExactlyOneSucceeds() {
        Instant expiry = clock().now().plus(LIFETIME);
        UsedNonceStore store = store();

        List<Boolean> outcomes = Race.run(20, contender -> store.markUsed("raced", expiry));

        assertThat(outcomes).containsOnlyOnce(true).hasSize(20);
    }

    @Test
    public void longestNonceIsKept() {
        String longest = "n".repeat(UsedNonceStore.MAX_NONCE_LENGTH);
        Instant expiry = clock().now().plus(LIFETIME);

        assertThat(store().markUsed(longest, expiry)).isTrue();
        assertThat(store().markUsed(longest, expiry)).isFalse();
    }

    @Test
    public void malformedNoncesAndPastExpiriesAreRefusedAndRecordNothing() {
        Instant now = clock().now();
        Instant expiry = now.plus(LIFETIME);

        for (String bad : new String[] {"", "n".repeat(UsedNonceStore.MAX_NONCE_LENGTH + 1), "a b", "a\nb", "nönce"}) {
            assertThatThrownBy(() -> store().markUsed(bad, expiry)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> store().markUsed("nonce-a", now)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store().markUsed("nonce-a", now.minusSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(store().markUsed("nonce-a", expiry)).as("the refused calls recorded nothing").isTrue();
    }
}
