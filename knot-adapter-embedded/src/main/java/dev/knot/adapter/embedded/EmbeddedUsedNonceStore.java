package dev.knot.adapter.embedded;

import static java.util.Objects.requireNonNull;

import dev.knot.ports.out.Clock;
import dev.knot.ports.out.UsedNonceStore;
import dev.knot.ports.out.UsedNonces;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Used nonces in the server's memory: the embedded store serves one server only (its directory lock), so no other
 * server could redeem a code here, and the nonces live no longer than their codes (a minute), so they are not worth
 * a file. A restart forgets them: a code redeemed in the minute before it could be redeemed once more after it, for
 * the same session, user and host. When full of live nonces it refuses new ones rather than forget one that could
 * then be replayed; the bound keeps a user who mints codes in a loop from filling the server's memory.
 */
final class EmbeddedUsedNonceStore implements UsedNonceStore {
    /** Over 1,600 redemptions a second for a whole code lifetime; about 15 MB at most. */
    static final int CAPACITY = 100_000;

    private final Clock clock;
    private final int capacity;
    // Insertion order is close to expiry order (every code lives as long), so expired entries gather at the head.
    private final LinkedHashMap<String, Instant> expiries = new LinkedHashMap<>();

    @Inject
    EmbeddedUsedNonceStore(Clock clock) {
        this(clock, CAPACITY);
    }

    EmbeddedUsedNonceStore(Clock clock, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.clock = requireNonNull(clock, "clock is null");
        this.capacity = capacity;
    }

    /** {@inheritDoc} Also false while this store holds its capacity of live nonces. */
    @Override
    public synchronized boolean markUsed(String nonce, Instant expiresAt) {
        Instant now = clock.now();
        UsedNonces.requireValid(nonce, expiresAt, now);
        forgetExpiredAtHead(now);
        if (expiries.containsKey(nonce)) {
            return false;
        }
        if (expiries.size() >= capacity) {
            expiries.values().removeIf(expiry -> !now.isBefore(expiry));
            if (expiries.size() >= capacity) {
                return false;
            }
        }
        expiries.put(nonce, expiresAt);
        return true;
    }

    private void forgetExpiredAtHead(Instant now) {
        Iterator<Map.Entry<String, Instant>> entries = expiries.entrySet().iterator();
        while (entries.hasNext() && !now.isBefore(entries.next().getValue())) {
            entries.remove();
        }
    }
}
