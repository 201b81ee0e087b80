package dev.knot.adapter.redis;

import java.time.Duration;
import java.time.Instant;

/**
 * The time to live given to expiring entries in Redis. Whether an entry is live is decided on every read by
 * the injected Clock against the stored expiry; Redis's own expiry only cleans up afterwards. So it must never
 * fire while the Clock still sees the entry live: it is the time left by that Clock, at least a second, plus a
 * grace period that absorbs the time between computing it and Redis applying it.
 */
final class NativeExpiry {
    static final Duration MINIMUM = Duration.ofSeconds(1);
    static final Duration GRACE = Duration.ofMinutes(2);

    private NativeExpiry() {}

    static Duration timeToLive(Instant expiresAt, Instant now) {
        Duration left = Duration.between(now, expiresAt);
        return (left.compareTo(MINIMUM) < 0 ? MINIMUM : left).plus(GRACE);
    }
}
