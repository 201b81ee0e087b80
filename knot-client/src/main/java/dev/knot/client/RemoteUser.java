package dev.knot.client;

import static java.util.Objects.requireNonNull;

/** The caller, as GET /api/v1/users/whoami tells it. */
public record RemoteUser(String userId, String username) {
    public RemoteUser {
        requireNonNull(userId, "userId is null");
        requireNonNull(username, "username is null");
    }
}
