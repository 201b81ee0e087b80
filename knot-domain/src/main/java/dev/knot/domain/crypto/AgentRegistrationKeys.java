package dev.knot.domain.crypto;

import static java.util.Objects.requireNonNull;

import dev.knot.ports.model.Id;
import dev.knot.ports.model.Space;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * The key an agent must present to register for a space: HMAC-SHA256(purpose key, space id), a secret only the
 * space's job receives (as {@code KNOT_AGENT_KEY}). It is derived, never stored, so every server sharing
 * {@code server.encrypt} knows it, and a restarted or rescheduled job gets the same one.
 */
public final class AgentRegistrationKeys {
    static final String PREFIX = "knot_ar_";
    private static final String PURPOSE = "knot agent registration key v1";

    private final PurposeMac mac;

    /** @param serverKey {@code server.encrypt}; a purpose-specific key is derived from it */
    public AgentRegistrationKeys(String serverKey) {
        this.mac = new PurposeMac(requireNonNull(serverKey, "serverKey is null"), PURPOSE);
    }

    public String keyFor(Id<Space> spaceId) {
        byte[] message = requireNonNull(spaceId, "spaceId is null").value().getBytes(StandardCharsets.UTF_8);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(mac.of(message));
    }

    /** Whether {@code presented} is the space's key, compared in constant time; null is never a match. */
    public boolean matches(Id<Space> spaceId, String presented) {
        if (presented == null) {
            return false;
        }
        return MessageDigest.isEqual(keyFor(spaceId).getBytes(StandardCharsets.UTF_8),
                presented.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "AgentRegistrationKeys[prefix=" + PREFIX + "]";
    }
}
