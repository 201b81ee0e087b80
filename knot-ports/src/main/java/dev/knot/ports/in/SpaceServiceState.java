package dev.knot.ports.in;

import static java.util.Objects.requireNonNull;

import dev.knot.ports.model.AgentState;
import dev.knot.ports.model.Space;
import java.util.Optional;

/**
 * A space with what its agent last reported.
 *
 * @param agent empty when no live agent reports for the space
 * @param updateAvailable the space runs a template that has changed since it started
 * @param remote the space was last started by a server of another location
 * @param manual the space runs a hand-installed agent (Manual template): never started or stopped by knot
 */
public record SpaceServiceState(
        Space space, Optional<AgentState> agent, boolean updateAvailable, boolean remote, boolean manual) {
    public SpaceServiceState {
        requireNonNull(space, "space is null");
        requireNonNull(agent, "agent is null");
    }
}
