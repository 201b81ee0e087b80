package dev.knot.ports.out;

import dev.knot.ports.model.EncryptedValue;

/**
 * Authenticated encryption of secrets at rest, under the server's key ({@code server.encrypt}).
 * {@code associatedData} binds a ciphertext to its owner (a record id): a ciphertext moved to another record
 * does not decrypt.
 */
public interface SecretCipher {
    EncryptedValue encrypt(String plaintext, String associatedData);

    /**
     * @throws dev.knot.ports.model.KnotException SECRET_UNREADABLE when the value was tampered with, was made
     *     for other associated data or under another key; only this one read fails
     */
    String decrypt(EncryptedValue value, String associatedData);
}
