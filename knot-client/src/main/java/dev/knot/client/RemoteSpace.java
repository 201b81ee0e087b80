package dev.knot.client;

import static java.util.Objects.requireNonNull;

/** One space of GET /api/v1/spaces. */
public record RemoteSpace(String spaceId, String name) {
    public RemoteSpace {
        requireNonNull(spaceId, "spaceId is null");
        requireNonNull(name, "name is null");
    }
}
