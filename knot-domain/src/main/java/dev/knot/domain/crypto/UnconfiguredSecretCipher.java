package dev.knot.domain.crypto;

import dev.knot.ports.model.EncryptedValue;
import dev.knot.ports.model.ErrorCode;
import dev.knot.ports.model.KnotException;
import dev.knot.ports.out.SecretCipher;

/**
 * The cipher when {@code server.encrypt} is empty: the server still runs, and only the operations that need a
 * secret fail, with a message that says how to fix it (the original stopped the whole process).
 */
public final class UnconfiguredSecretCipher implements SecretCipher {
    private static final String MESSAGE =
            "server.encrypt is not set: protected values need an encryption key (run `knot genkey` to make one)";

    @Override
    public EncryptedValue encrypt(String plaintext, String associatedData) {
        throw KnotException.invalid(MESSAGE);
    }

    @Override
    public String decrypt(EncryptedValue value, String associatedData) {
        throw new KnotException(ErrorCode.SECRET_UNREADABLE, MESSAGE);
    }
}
