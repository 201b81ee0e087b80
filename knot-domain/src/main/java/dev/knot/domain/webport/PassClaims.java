package dev.knot.domain.webport;

import static java.util.Objects.requireNonNull;

import dev.knot.ports.model.Id;
import dev.knot.ports.model.Session;
import dev.knot.ports.model.User;
import java.time.Instant;
import java.util.Optional;

/** What a web port pass says: the user of that session may use that host until {@code expiresAt}. */
record PassClaims(Id<Session> sessionId, Id<User> userId, String hostName, Instant expiresAt) {
    private static final int FIELDS = 4;

    PassClaims {
        requireNonNull(sessionId, "sessionId is null");
        requireNonNull(userId, "userId is null");
        requireNonNull(hostName, "hostName is null");
        requireNonNull(expiresAt, "expiresAt is null");
    }

    String payload() {
        return PayloadFields.join(sessionId, userId, hostName, expiresAt);
    }

    static Optional<PassClaims> fromPayload(String payload) {
        try {
            PayloadFields fields = PayloadFields.split(payload, FIELDS);
            return Optional.of(new PassClaims(fields.id(0), fields.id(1), fields.text(2), fields.instant(3)));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }
}
