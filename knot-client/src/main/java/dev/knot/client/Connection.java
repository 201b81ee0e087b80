package dev.knot.client;

import static java.util.Objects.requireNonNull;

/** What `knot connect` got: an API token that works, and whose it is. */
public record Connection(String token, RemoteUser user) {
    public Connection {
        requireNonNull(token, "token is null");
        requireNonNull(user, "user is null");
    }

    @Override
    public String toString() {
        return "Connection[user=" + user + "]";
    }
}
