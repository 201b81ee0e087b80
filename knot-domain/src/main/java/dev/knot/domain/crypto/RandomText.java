package dev.knot.domain.crypto;

import java.security.SecureRandom;

/** Random alphanumeric strings from a CSPRNG, for keys, service passwords and secrets. */
public final class RandomText {
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomText() {}

    /**
     * {@code length} characters of [A-Za-z0-9], each uniformly distributed: bytes at or above the largest multiple
     * of 62 are rejected rather than reduced modulo 62 (the original's modulo skewed towards the first letters).
     */
    public static String alphanumeric(int length) {
        if (length < 0) {
            throw new IllegalArgumentException("length is negative");
        }
        int limit = 256 - (256 % ALPHANUMERIC.length());
        StringBuilder text = new StringBuilder(length);
        byte[] buffer = new byte[1];
        while (text.length() < length) {
            RANDOM.nextBytes(buffer);
            int value = buffer[0] & 0xff;
            if (value < limit) {
                text.append(ALPHANUMERIC.charAt(value % ALPHANUMERIC.length()));
            }
        }
        return text.toString();
    }
}
