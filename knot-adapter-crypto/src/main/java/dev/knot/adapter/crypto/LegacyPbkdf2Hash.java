package dev.knot.adapter.crypto;

import static java.util.Objects.requireNonNull;

import dev.knot.ports.model.ErrorCode;
import dev.knot.ports.model.KnotException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A hash written by knot's first password hasher (PBKDF2-HMAC-SHA256 from the JDK), encoded as
 * {@code pbkdf2-sha256$<iterations>$<salt>$<hash>} with unpadded Base64. knot no longer writes these; it only checks
 * them, so users created before Argon2id can still log in, and have their hash remade then.
 */
final class LegacyPbkdf2Hash {
    static final String PREFIX = "pbkdf2-sha256$";

    private static final Pattern FORMAT =
            Pattern.compile("pbkdf2-sha256\\$(\\d{1,10})\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");
    /** The length knot wrote; anything else is a damaged hash, never to be compared by its prefix. */
    private static final int HASH_BYTES = 32;

    private final int iterations;
    private final byte[] salt;
    private final byte[] hash;

    private LegacyPbkdf2Hash(int iterations, byte[] salt, byte[] hash) {
        this.iterations = iterations;
        this.salt = salt;
        this.hash = hash;
    }

    /** The hash {@code encoded} describes, or empty when it is not a well-formed PBKDF2 hash of that format. */
    static Optional<LegacyPbkdf2Hash> parse(String encoded) {
        requireNonNull(encoded, "encoded is null");
        Matcher matcher = FORMAT.matcher(encoded);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        try {
            int iterations = Integer.parseInt(matcher.group(1));
            byte[] salt = Base64.getDecoder().decode(matcher.group(2));
            byte[] hash = Base64.getDecoder().decode(matcher.group(3));
            if (iterations < 1 || hash.length != HASH_BYTES) {
                return Optional.empty();
            }
            return Optional.of(new LegacyPbkdf2Hash(iterations, salt, hash));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    /** Whether {@code password} matches, compared in constant time. */
    boolean matches(String password) {
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, HASH_BYTES * Byte.SIZE);
        try {
            byte[] derived = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            return MessageDigest.isEqual(hash, derived);
        } catch (GeneralSecurityException unexpected) {
            throw new KnotException(ErrorCode.INTERNAL, "checking a PBKDF2 password hash failed", unexpected);
        } finally {
            spec.clearPassword();
        }
    }
}
