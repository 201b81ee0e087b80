package dev.knot.ports.out;

import java.time.Instant;

/**
 * The nonces of one-time credentials (the codes that open a space host to a browser) that have been used, kept
 * until the credential expires. It lives in the shared cache (MySQL or Redis, or the embedded store) so that a code
 * is used once in total, not once on each of several servers behind one name. Expiry is measured by the store's
 * {@link Clock}: a nonce whose expiry has passed counts as never used.
 */
public interface UsedNonceStore {
    /** Nonces are at most this long; the codes' nonces are 22 characters. */
    int MAX_NONCE_LENGTH = 64;

    /**
     * Records that {@code nonce} is used until {@code expiresAt}, atomically: of several concurrent calls with the
     * same nonce, on one server or many, exactly one succeeds.
     *
     * @param nonce 1 to {@value #MAX_NONCE_LENGTH} printable ASCII characters
     * @param expiresAt when the credential the nonce belongs to expires; must be after the clock's now
     * @return true the first time; false while the nonce is recorded as used
     * @throws IllegalArgumentException for a malformed nonce or an expiry that is not in the future
     */
    boolean markUsed(String nonce, Instant expiresAt);
}
