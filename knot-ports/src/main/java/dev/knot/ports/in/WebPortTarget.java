package dev.knot.ports.in;

import static java.util.Objects.requireNonNull;

/**
 * Where a web-port request goes: the space's agent, and the path prefix on the agent that serves the port
 * ({@code /http/<port>} or {@code /vnc}).
 */
public record WebPortTarget(AgentEndpoint agent, String agentPathPrefix) {
    public WebPortTarget {
        requireNonNull(agent, "agent is null");
        requireNonNull(agentPathPrefix, "agentPathPrefix is null");
    }
}
