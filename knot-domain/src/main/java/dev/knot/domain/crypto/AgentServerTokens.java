package dev.knot.domain.crypto;

import static java.util.Objects.requireNonNull;

import dev.knot.ports.model.AgentState;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The bearer the server presents to an agent, derived from the agent's registration with a key only servers hold:
 * HMAC-SHA256(key, space id, hash of the agent's access token). Any server sharing {@code server.encrypt} derives
 * the same token again, so the store never holds a credential that opens an agent, and a new registration (a new
 * access token) changes it.
 */
public final class AgentServerTokens {
    static final String PREFIX = "knot_as_";
    private static final String PURPOSE = "knot agent server token v1";

    private final SecretKeySpec key;

    /** @param serverKey {@code server.encrypt}; a purpose-specific key is derived from it */
    public AgentServerTokens(String serverKey) {
        requireNonNull(serverKey, "serverKey is null");
        byte[] derived = hmac(new SecretKeySpec(serverKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"), PURPOSE);
        this.key = new SecretKeySpec(derived, "HmacSHA256");
    }

    public String tokenFor(AgentState registration) {
        byte[] mac = hmac(key, registration.spaceId().value() + "\n" + registration.accessTokenHash());
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(mac);
    }

    private static byte[] hmac(SecretKeySpec key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException("every JDK provides HmacSHA256", impossible);
        }
    }
}
