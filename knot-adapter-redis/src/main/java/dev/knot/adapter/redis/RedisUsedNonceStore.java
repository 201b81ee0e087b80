package dev.knot.adapter.redis;

import static java.util.Objects.requireNonNull;

import dev.knot.ports.out.Clock;
import dev.knot.ports.out.UsedNonceStore;
import dev.knot.ports.out.UsedNonces;
import jakarta.inject.Inject;
import java.time.Instant;

/**
 * Used nonces under {@code UsedNonces:<nonce>}, holding the nonce's expiry. A script checks and sets in one step
 * (used-nonce.lua), so every server on this Redis sees a code redeemed once. Whether a held nonce is live is decided
 * by the Clock against the stored expiry; Redis drops the key a little later (see {@link NativeExpiry}).
 */
final class RedisUsedNonceStore implements UsedNonceStore {
    private final RedisOperations redis;
    private final KeyLayout keys;
    private final Clock clock;

    @Inject
    RedisUsedNonceStore(RedisOperations redis, KeyLayout keys, Clock clock) {
        this.redis = requireNonNull(redis, "redis is null");
        this.keys = requireNonNull(keys, "keys is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public boolean markUsed(String nonce, Instant expiresAt) {
        Instant now = clock.now();
        UsedNonces.requireValid(nonce, expiresAt, now);
        return redis.markUsed(keys.usedNonce(nonce), now, expiresAt,
                NativeExpiry.timeToLive(expiresAt, now));
    }
}
