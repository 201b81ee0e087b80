package dev.knot.domain.crypto;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 under a key derived from {@code server.encrypt} for one purpose: key = HMAC-SHA256(server key,
 * purpose). Each use of the server key gets its own purpose, so a MAC made for one (an agent's server token, a web
 * port code) is never valid as another. Every server sharing {@code server.encrypt} derives the same keys.
 */
public final class PurposeMac {
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    /**
     * @param serverKey {@code server.encrypt}
     * @param purpose what the MACs are for, e.g. {@code "knot agent server token v1"}; changing it changes every MAC
     */
    public PurposeMac(String serverKey, String purpose) {
        requireNonNull(serverKey, "serverKey is null");
        requireNonNull(purpose, "purpose is null");
        byte[] derived = hmac(new SecretKeySpec(serverKey.getBytes(StandardCharsets.UTF_8), ALGORITHM),
                purpose.getBytes(StandardCharsets.UTF_8));
        this.key = new SecretKeySpec(derived, ALGORITHM);
    }

    /** The 32-byte MAC of {@code message}. */
    public byte[] of(byte[] message) {
        return hmac(key, requireNonNull(message, "message is null"));
    }

    /** Whether {@code mac} is the MAC of {@code message}, compared in constant time. */
    public boolean matches(byte[] message, byte[] mac) {
        requireNonNull(mac, "mac is null");
        return MessageDigest.isEqual(of(message), mac);
    }

    private static byte[] hmac(SecretKeySpec key, byte[] message) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(message);
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException("every JDK provides HmacSHA256", impossible);
        }
    }

    @Override
    public String toString() {
        return "PurposeMac[HmacSHA256]";
    }
}
