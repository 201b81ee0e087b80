package dev.knot.client;

import static java.util.Objects.requireNonNull;

/**
 * What GET /api/v1/spaces/{id}/service-state says about a space, as far as the client needs it.
 *
 * @param running the space is up (deployed, and neither starting, stopping nor being deleted)
 * @param hasSsh its agent serves SSH
 */
public record RemoteServiceState(String name, boolean running, boolean hasSsh) {
    public RemoteServiceState {
        requireNonNull(name, "name is null");
    }
}
