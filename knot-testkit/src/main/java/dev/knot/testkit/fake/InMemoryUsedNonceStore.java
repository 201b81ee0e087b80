package dev.knot.testkit.fake;

import static java.util.Objects.requireNonNull;

import dev.knot.ports.out.Clock;
import dev.knot.ports.out.UsedNonceStore;
import dev.knot.ports.out.UsedNonces;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** A {@link UsedNonceStore} in memory, expiring nonces by the given clock. Thread-safe. */
public final class InMemoryUsedNonceStore implements UsedNonceStore {
    private final Map<String, Instant> expiries = new HashMap<>();
    private final Clock clock;

    public InMemoryUsedNonceStore(Clock clock) {
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public synchronized boolean markUsed(String nonce, Instant expiresAt) {
        Instant now = clock.now();
        UsedNonces.requireValid(nonce, expiresAt, now);
        expiries.values().removeIf(expiry -> !now.isBefore(expiry));
        return expiries.putIfAbsent(nonce, expiresAt) == null;
    }
}
