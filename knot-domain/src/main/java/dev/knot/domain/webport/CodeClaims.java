package dev.knot.domain.webport;

import static java.util.Objects.requireNonNull;

import dev.knot.ports.model.Id;
import dev.knot.ports.model.Session;
import dev.knot.ports.model.User;
import java.time.Instant;
import java.util.Optional;

/**
 * What a one-time web port code says: that the user of that session may have a pass for that host until
 * {@code expiresAt}, and where to send the browser then. {@code nonce} makes every code unique, so its use can be
 * remembered.
 */
record CodeClaims(String nonce, Id<Session> sessionId, Id<User> userId, String hostName, String next,
        Instant expiresAt) {
    private static final int FIELDS = 6;

    CodeClaims {
        requireNonNull(nonce, "nonce is null");
        requireNonNull(sessionId, "sessionId is null");
        requireNonNull(userId, "userId is null");
        requireNonNull(hostName, "hostName is null");
        requireNonNull(next, "next is null");
        requireNonNull(expiresAt, "expiresAt is null");
    }

    String payload() {
        return PayloadFields.join(nonce, sessionId, userId, hostName, next, expiresAt);
    }

    static Optional<CodeClaims> fromPayload(String payload) {
        try {
            PayloadFields fields = PayloadFields.split(payload, FIELDS);
            return Optional.of(new CodeClaims(fields.text(0), fields.id(1), fields.id(2), fields.text(3),
                    fields.text(4), fields.instant(5)));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return "CodeClaims[host=" + hostName + ", expiresAt=" + expiresAt + "]";
    }
}
