package dev.knot.testkit.fake;

import static java.util.Objects.requireNonNull;

import dev.knot.ports.model.PasswordHash;
import dev.knot.ports.out.PasswordHasher;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A {@link PasswordHasher} for tests: one salted SHA-256, so domain tests stay fast. Far too cheap to resist
 * guessing; never use it for real passwords. Hashes look like {@code fake-sha256$<salt>$<digest>}; any other
 * form needs a rehash and never verifies. Thread-safe.
 */
public final class FakePasswordHasher implements PasswordHasher {
    private static final String PREFIX = "fake-sha256$";
    private static final int SALT_BYTES = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    public PasswordHash hash(String password) {
        requireNonNull(password, "password is null");
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        Base64.Encoder base64 = Base64.getEncoder();
        return new PasswordHash(
                PREFIX + base64.encodeToString(salt) + "$" + base64.encodeToString(digest(salt, password)));
    }

    @Override
    public boolean verify(String password, PasswordHash hash) {
        requireNonNull(password, "password is null");
        requireNonNull(hash, "hash is null");
        if (needsRehash(hash)) {
            return false;
        }
        String[] saltAndDigest = hash.encoded().substring(PREFIX.length()).split("\\$", -1);
        if (saltAndDigest.length != 2) {
            return false;
        }
        try {
            Base64.Decoder base64 = Base64.getDecoder();
            byte[] expected = base64.decode(saltAndDigest[1]);
            // Constant-time comparison, as the port promises: no early exit on the first differing byte.
            return MessageDigest.isEqual(expected, digest(base64.decode(saltAndDigest[0]), password));
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    @Override
    public boolean needsRehash(PasswordHash hash) {
        requireNonNull(hash, "hash is null");
        return !hash.encoded().startsWith(PREFIX);
    }

    private static byte[] digest(byte[] salt, String password) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(salt);
            return sha256.digest(password.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JDK provides SHA-256", impossible);
        }
    }
}
