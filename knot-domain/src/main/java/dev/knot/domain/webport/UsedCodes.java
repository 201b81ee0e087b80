package dev.knot.domain.webport;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The codes redeemed on this server that have not expired yet, by nonce, so that each is redeemed at most once
 * here. Codes are short-lived, so this holds at most the last minute's redemptions. It lives in this process only:
 * with several servers behind one name, a code could be redeemed once on each of them within its lifetime (every
 * pass so made is still bound to the same session, user and host). When full of live codes it refuses new ones
 * rather than forget one that could then be replayed.
 */
final class UsedCodes {
    private final int capacity;
    // Insertion order is close to expiry order (every code lives as long), so expired entries gather at the head.
    private final LinkedHashMap<String, Instant> expiries = new LinkedHashMap<>();

    UsedCodes(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.capacity = capacity;
    }

    /**
     * Records that the code with {@code nonce} is used.
     *
     * @return true the first time for a nonce; false if it was used before, or while too many live codes are held
     */
    synchronized boolean markUsed(String nonce, Instant expiresAt, Instant now) {
        requireNonNull(nonce, "nonce is null");
        requireNonNull(expiresAt, "expiresAt is null");
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
