package dev.knot.ports.in;

import static java.util.Objects.requireNonNull;

import dev.knot.ports.model.Id;
import dev.knot.ports.model.Session;
import dev.knot.ports.model.User;
import java.util.Optional;

/**
 * Who a request is from.
 *
 * @param session the session the credential belongs to, empty for an API token
 */
public record Authenticated(User user, Optional<Id<Session>> session) {
    public Authenticated {
        requireNonNull(user, "user is null");
        requireNonNull(session, "session is null");
    }
}
