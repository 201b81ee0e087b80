package dev.knot.adapter.crypto;

import static java.util.Objects.requireNonNull;

import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An Argon2id hash in the PHC string format, {@code $argon2id$v=19$m=<KiB>,t=<iterations>,p=<lanes>$<salt>$<hash>}
 * with unpadded standard Base64: the format of the reference implementation, so other tools can read knot's hashes.
 */
final class Argon2idHash {
    static final String PREFIX = "$argon2id$";
    /** Argon2 version 1.3 (0x13), the only one knot writes or reads. */
    static final int VERSION = 19;
    /** RFC 9106's minimum salt length. */
    private static final int MIN_SALT_BYTES = 8;
    /** A stored hash this short would let a wrong password through by chance. */
    private static final int MIN_HASH_BYTES = 16;

    private static final Pattern FORMAT = Pattern.compile(
            "\\$argon2id\\$v=(\\d{1,3})\\$m=(\\d{1,10}),t=(\\d{1,10}),p=(\\d{1,8})\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");

    private final PasswordHashingConfig parameters;
    private final byte[] salt;
    private final byte[] hash;

    Argon2idHash(PasswordHashingConfig parameters, byte[] salt, byte[] hash) {
        this.parameters = requireNonNull(parameters, "parameters is null");
        this.salt = requireNonNull(salt, "salt is null").clone();
        this.hash = requireNonNull(hash, "hash is null").clone();
        if (salt.length < MIN_SALT_BYTES) {
            throw new IllegalArgumentException("salt must be at least " + MIN_SALT_BYTES + " bytes");
        }
        if (hash.length < MIN_HASH_BYTES) {
            throw new IllegalArgumentException("hash must be at least " + MIN_HASH_BYTES + " bytes");
        }
    }

    /** The hash {@code encoded} describes, or empty when it is not a well-formed Argon2id v1.3 hash. */
    static Optional<Argon2idHash> parse(String encoded) {
        Matcher matcher = FORMAT.matcher(encoded);
        if (!matcher.matches() || Integer.parseInt(matcher.group(1)) != VERSION) {
            return Optional.empty();
        }
        try {
            PasswordHashingConfig parameters = new PasswordHashingConfig(Integer.parseInt(matcher.group(2)),
                    Integer.parseInt(matcher.group(3)), Integer.parseInt(matcher.group(4)));
            Base64.Decoder base64 = Base64.getDecoder();
            return Optional.of(new Argon2idHash(parameters, base64.decode(matcher.group(5)),
                    base64.decode(matcher.group(6))));
        } catch (IllegalArgumentException malformed) {
            // Out-of-range numbers, impossible parameters and bad Base64 all mean: not a hash knot can check.
            return Optional.empty();
        }
    }

    PasswordHashingConfig parameters() {
        return parameters;
    }

    byte[] salt() {
        return salt.clone();
    }

    byte[] hash() {
        return hash.clone();
    }

    String encoded() {
        Base64.Encoder base64 = Base64.getEncoder().withoutPadding();
        return PREFIX + "v=" + VERSION + "$m=" + parameters.memoryKibibytes() + ",t=" + parameters.iterations()
                + ",p=" + parameters.parallelism() + "$" + base64.encodeToString(salt) + "$"
                + base64.encodeToString(hash);
    }

    @Override
    public String toString() {
        return "Argon2idHash[" + parameters + ", redacted]";
    }
}
