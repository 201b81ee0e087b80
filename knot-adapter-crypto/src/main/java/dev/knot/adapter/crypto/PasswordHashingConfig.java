package dev.knot.adapter.crypto;

import static java.lang.String.format;

/**
 * The Argon2id cost parameters, kept in this one place. Changing them is safe: hashes made with other parameters
 * still verify, and are remade with these at the user's next login.
 *
 * @param memoryKibibytes memory per hash, in KiB; at least 8 per lane (RFC 9106)
 * @param iterations passes over the memory
 * @param parallelism lanes
 */
public record PasswordHashingConfig(int memoryKibibytes, int iterations, int parallelism) {
    /** RFC 9106 allows up to 2^24 - 1 lanes. */
    private static final int MAX_PARALLELISM = (1 << 24) - 1;

    public PasswordHashingConfig {
        if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
            throw new IllegalArgumentException(format("parallelism must be 1 to %d, got %d", MAX_PARALLELISM,
                    parallelism));
        }
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be positive, got " + iterations);
        }
        if (memoryKibibytes < 8 * parallelism) {
            throw new IllegalArgumentException(format("memory must be at least 8 KiB per lane (%d KiB), got %d KiB",
                    8 * parallelism, memoryKibibytes));
        }
    }

    /**
     * OWASP's Password Storage Cheat Sheet, first Argon2id option: 19 MiB, 2 iterations, 1 lane. About 50 to 70 ms
     * per hash on one core of the build machine; the memory is what makes GPU guessing expensive.
     */
    public static PasswordHashingConfig defaults() {
        return new PasswordHashingConfig(19 * 1024, 2, 1);
    }
}
