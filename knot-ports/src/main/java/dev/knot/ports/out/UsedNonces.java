package dev.knot.ports.out;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/** The argument checks every {@link UsedNonceStore} makes, in one place so that they all refuse the same input. */
public final class UsedNonces {
    private UsedNonces() {}

    /** @throws IllegalArgumentException as {@link UsedNonceStore#markUsed} documents */
    public static void requireValid(String nonce, Instant expiresAt, Instant now) {
        requireNonNull(nonce, "nonce is null");
        requireNonNull(expiresAt, "expiresAt is null");
        if (nonce.isEmpty() || nonce.length() > UsedNonceStore.MAX_NONCE_LENGTH
                || !nonce.chars().allMatch(c -> c > ' ' && c < 0x7f)) {
            throw new IllegalArgumentException("a nonce is 1 to " + UsedNonceStore.MAX_NONCE_LENGTH
                    + " printable ASCII characters");
        }
        if (!expiresAt.isAfter(now)) {
            throw new IllegalArgumentException("a nonce's expiry must be in the future, got " + expiresAt
                    + " at " + now);
        }
    }
}
