package dev.knot.domain.crypto;

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
 * AES-GCM under the server key, stored as base64(nonce || ciphertext || tag) like the original knot. Unlike the
 * original, the owner's id is bound in as associated data, so a ciphertext copied onto another record fails to
 * decrypt, and a failure fails that one read instead of stopping the process.
 */
public final class AesGcmSecretCipher implements SecretCipher {
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    /**
     * @param serverKey {@code server.encrypt}, used as raw bytes as the original does: 16, 24 or 32 characters
     *     (knot genkey makes 32, i.e. AES-256)
     */
    public AesGcmSecretCipher(String serverKey) {
        requireNonNull(serverKey, "serverKey is null");
        byte[] keyBytes = serverKey.getBytes(StandardCharsets.UTF_8);
        if (keyBytes.length != 16 && keyBytes.length != 24 && keyBytes.length != 32) {
            throw KnotException.invalid("server.encrypt: must be 16, 24 or 32 bytes (run `knot genkey` to make one)");
        }
        this.key = new SecretKeySpec(keyBytes, "AES");
    }

    @Override
    public EncryptedValue encrypt(String plaintext, String associatedData) {
        requireNonNull(plaintext, "plaintext is null");
        requireNonNull(associatedData, "associatedData is null");
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            ByteBuffer output = ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed);
            return new EncryptedValue(Base64.getEncoder().encodeToString(output.array()));
        } catch (GeneralSecurityException unexpected) {
            throw new KnotException(ErrorCode.INTERNAL, "encryption failed", unexpected);
        }
    }

    @Override
    public String decrypt(EncryptedValue value, String associatedData) {
        requireNonNull(value, "value is null");
        requireNonNull(associatedData, "associatedData is null");
        try {
            byte[] input = Base64.getDecoder().decode(value.ciphertext());
            if (input.length < NONCE_BYTES + TAG_BITS / 8) {
                throw unreadable(null);
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, input, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            byte[] plain = cipher.doFinal(input, NONCE_BYTES, input.length - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException | GeneralSecurityException cause) {
            throw unreadable(cause);
        }
    }

    private static KnotException unreadable(Throwable cause) {
        // The cause says nothing secret (bad tag, bad base64), but keep the message generic for callers.
        return new KnotException(
                ErrorCode.SECRET_UNREADABLE,
                "a stored secret could not be decrypted: it was changed, moved, or encrypted under another key",
                cause);
    }
}
