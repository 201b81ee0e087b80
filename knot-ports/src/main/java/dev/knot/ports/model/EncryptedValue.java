package dev.knot.ports.model;

import static java.util.Objects.requireNonNull;

/**
 * A secret as stored: ciphertext made by the SecretCipher, bound to the record it belongs to. Its toString
 * never shows it, so it cannot reach a log by accident.
 */
public record EncryptedValue(String ciphertext) {
    public EncryptedValue {
        requireNonNull(ciphertext, "ciphertext is null");
    }

    @Override
    public String toString() {
        return "EncryptedValue[redacted]";
    }
}
