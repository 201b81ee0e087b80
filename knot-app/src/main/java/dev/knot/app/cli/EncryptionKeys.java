package dev.knot.app.cli;

import java.security.SecureRandom;

/** Makes keys for server.encrypt: 32 characters of [A-Za-z0-9], i.e. an AES-256 key as the original used it. */
public final class EncryptionKeys {
    static final int LENGTH = 32;
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private EncryptionKeys() {}

    public static String newKey(SecureRandom random) {
        StringBuilder key = new StringBuilder(LENGTH);
        byte[] buffer = new byte[LENGTH * 2];
        while (key.length() < LENGTH) {
            random.nextBytes(buffer);
            for (int i = 0; i < buffer.length && key.length() < LENGTH; i++) {
                // Keep 6 bits (0..63) and reject 62 and 63: every character is then exactly as likely, which the
                // original's "byte mod 62" was not.
                int candidate = buffer[i] & 0x3F;
                if (candidate < ALPHABET.length()) {
                    key.append(ALPHABET.charAt(candidate));
                }
            }
        }
        return key.toString();
    }
}
