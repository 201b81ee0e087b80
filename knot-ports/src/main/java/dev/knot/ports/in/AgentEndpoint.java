package dev.knot.ports.in;

import static java.util.Objects.requireNonNull;

import dev.knot.ports.model.AgentState;
import dev.knot.ports.model.Space;

/**
 * How the server reaches a space's agent on behalf of a user allowed to.
 *
 * @param bearer what the agent expects in {@code Authorization: Bearer}; secret
 */
public record AgentEndpoint(Space space, AgentState agent, String bearer) {
    public AgentEndpoint {
        requireNonNull(space, "space is null");
        requireNonNull(agent, "agent is null");
        requireNonNull(bearer, "bearer is null");
    }

    /** host:port of the agent's API. */
    public String address() {
        return agent.address();
    }

    @Override
    public String toString() {
        return "AgentEndpoint[space=" + space.id() + ", address=" + agent.address() + "]";
    }
}
