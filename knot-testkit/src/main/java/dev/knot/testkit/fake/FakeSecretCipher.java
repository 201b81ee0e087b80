package dev.knot.testkit.fake;

import static java.util.Objects.requireNonNull;

import dev.knot.ports.model.EncryptedValue;
import dev.knot.ports.model.ErrorCode;
import dev.knot.ports.model.KnotException;
import dev.knot.ports.out.SecretCipher;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A {@link SecretCipher} for tests: AES-GCM under a key of its own, so it really detects tampering, swapped
 * associated data and a wrong key, as domain tests that rely on those failures need. Not the production cipher:
 * it has no key configuration, no key rotation and no stable format. Thread-safe.
 */
public final class FakeSecretCipher implements SecretCipher {
    private static final String PREFIX = "fake-aes-gcm:";
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int KEY_BYTES = 16;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    /** A cipher under a fresh random key: nothing else can read what it encrypts. */
    public FakeSecretCipher() {
        this(randomBytes(KEY_BYTES));
    }

    /** A cipher under {@code key} (16, 24 or 32 bytes), so that two instances can read each other's values. */
    public FakeSecretCipher(byte[] key) {
        requireNonNull(key, "key is null");
        if (key.length != 16 && key.length != 24 && key.length != 32) {
            throw new IllegalArgumentException("key must be 16, 24 or 32 bytes, got " + key.length);
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
    }

    @Override
    public EncryptedValue encrypt(String plaintext, String associatedData) {
        requireNonNull(plaintext, "plaintext is null");
        requireNonNull(associatedData, "associatedData is null");
        byte[] nonce = randomBytes(NONCE_BYTES);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] nonceAndSealed = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
            return new EncryptedValue(PREFIX + Base64.getEncoder().encodeToString(nonceAndSealed));
        } catch (GeneralSecurityException impossible) {
            throw new KnotException(ErrorCode.INTERNAL, "AES-GCM encryption failed", impossible);
        }
    }

    @Override
    public String decrypt(EncryptedValue value, String associatedData) {
        requireNonNull(value, "value is null");
        requireNonNull(associatedData, "associatedData is null");
        String ciphertext = value.ciphertext();
        if (!ciphertext.startsWith(PREFIX)) {
            throw unreadable(null);
        }
        try {
            byte[] nonceAndSealed = Base64.getDecoder().decode(ciphertext.substring(PREFIX.length()));
            if (nonceAndSealed.length < NONCE_BYTES + TAG_BITS / Byte.SIZE) {
                throw unreadable(null);
            }
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonceAndSealed, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            byte[] plaintext = cipher.doFinal(nonceAndSealed, NONCE_BYTES, nonceAndSealed.length - NONCE_BYTES);
            return new String(plaintext, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException failure) {
            throw unreadable(failure);
        }
    }

    private static KnotException unreadable(Exception cause) {
        return new KnotException(ErrorCode.SECRET_UNREADABLE,
                "a stored secret could not be decrypted: it was changed, moved to another record or made under"
                        + " another key", cause);
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
