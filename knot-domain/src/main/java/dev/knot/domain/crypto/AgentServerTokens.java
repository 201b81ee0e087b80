package dev.knot.domain.crypto;

import static java.util.Objects.requireNonNull;

import dev.knot.ports.model.AgentState;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The bearer the server presents to an agent, derived from the agent's registration with a key only servers hold:
 * HMAC-SHA256(key, space id, hash of the agent's access token). Any server sharing {@code server.encrypt} derives
 * the same token again, so the store never holds a credential that opens an agent, and a new registration (a new
 * access token) changes it.
 */
public final class AgentServerTokens {
    static final String PREFIX = "knot_as_";
    private static final String PURPOSE = "knot agent server token v1";

    private final PurposeMac mac;

    /** @param serverKey {@code server.encrypt}; a purpose-specific key is derived from it */
    public AgentServerTokens(String serverKey) {
        this.mac = new PurposeMac(requireNonNull(serverKey, "serverKey is null"), PURPOSE);
    }

    public String tokenFor(AgentState registration) {
        String message = registration.spaceId().value() + "\n" + registration.accessTokenHash();
        return PREFIX + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(mac.of(message.getBytes(StandardCharsets.UTF_8)));
    }
}
