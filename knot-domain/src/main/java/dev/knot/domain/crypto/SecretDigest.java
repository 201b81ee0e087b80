package dev.knot.domain.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The stored form of a random credential (session secret, API token): SHA-256, hex. A fast hash is right here:
 * the secrets carry 256 random bits, so there is nothing to brute-force, and every request needs a lookup.
 */
public final class SecretDigest {
    private SecretDigest() {}

    public static String of(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JDK provides SHA-256", impossible);
        }
    }
}
