package dev.knot.ports.in;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * One state report of an agent (reference §6.2): what the space offers right now. Port numbers and names are
 * checked when the report becomes an {@link dev.knot.ports.model.AgentState}.
 */
public record AgentReport(
        String agentVersion,
        boolean hasCodeServer,
        int sshPort,
        int vncHttpPort,
        boolean hasTerminal,
        Map<Integer, String> tcpPorts,
        Map<Integer, String> httpPorts) {
    public AgentReport {
        requireNonNull(agentVersion, "agentVersion is null");
        tcpPorts = Map.copyOf(requireNonNull(tcpPorts, "tcpPorts is null"));
        httpPorts = Map.copyOf(requireNonNull(httpPorts, "httpPorts is null"));
    }
}
