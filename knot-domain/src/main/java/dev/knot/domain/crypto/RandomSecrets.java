package dev.knot.domain.crypto;

import java.security.SecureRandom;
import java.util.Base64;

/** Unguessable bearer secrets: 256 random bits, URL-safe, behind a prefix that says what they are. */
public final class RandomSecrets {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int BYTES = 32;

    private RandomSecrets() {}

    /**
     * A new secret such as {@code knot_t_<43 characters>}. The prefix lets knot tell sessions from API tokens
     * without a lookup, and lets secret scanners recognise a leaked one.
     */
    public static String withPrefix(String prefix) {
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
