package dev.knot.adapter.crypto;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import dev.knot.ports.model.PasswordHash;
import dev.knot.ports.out.PasswordHasher;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id (RFC 9106) with the {@link PasswordHashingConfig configured} cost, written in the PHC string format. The
 * whole password counts, whatever its length (bcrypt stops at 72 bytes). Hashes of knot's earlier PBKDF2 hasher
 * still verify, and always {@link #needsRehash need a rehash}, so they are replaced as their users log in.
 */
final class Argon2PasswordHasher implements PasswordHasher {
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;

    private final PasswordHashingConfig config;
    private final SecureRandom random;

    Argon2PasswordHasher(PasswordHashingConfig config, SecureRandom random) {
        this.config = requireNonNull(config, "config is null");
        this.random = requireNonNull(random, "random is null");
    }

    @Override
    public PasswordHash hash(String password) {
        requireNonNull(password, "password is null");
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return new PasswordHash(new Argon2idHash(config, salt, derive(password, config, salt, HASH_BYTES)).encoded());
    }

    @Override
    public boolean verify(String password, PasswordHash hash) {
        requireNonNull(password, "password is null");
        requireNonNull(hash, "hash is null");
        String encoded = hash.encoded();
        if (encoded.startsWith(LegacyPbkdf2Hash.PREFIX)) {
            return LegacyPbkdf2Hash.parse(encoded).map(legacy -> legacy.matches(password)).orElse(false);
        }
        Optional<Argon2idHash> stored = Argon2idHash.parse(encoded);
        if (stored.isEmpty()) {
            return false;
        }
        byte[] expected = stored.get().hash();
        byte[] actual = derive(password, stored.get().parameters(), stored.get().salt(), expected.length);
        return MessageDigest.isEqual(expected, actual);
    }

    @Override
    public boolean needsRehash(PasswordHash hash) {
        requireNonNull(hash, "hash is null");
        return Argon2idHash.parse(hash.encoded())
                .map(stored -> !stored.parameters().equals(config)
                        || stored.salt().length != SALT_BYTES
                        || stored.hash().length != HASH_BYTES)
                .orElse(true);
    }

    private static byte[] derive(String password, PasswordHashingConfig parameters, byte[] salt, int length) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(parameters.memoryKibibytes())
                .withIterations(parameters.iterations())
                .withParallelism(parameters.parallelism())
                .withSalt(salt)
                .build());
        byte[] passwordBytes = password.getBytes(UTF_8);
        byte[] derived = new byte[length];
        try {
            generator.generateBytes(passwordBytes, derived);
        } finally {
            Arrays.fill(passwordBytes, (byte) 0);
        }
        return derived;
    }
}
