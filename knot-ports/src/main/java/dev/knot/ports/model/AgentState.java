package dev.knot.ports.model;


import java.time.Instant;
import java.util.Map;

/**
 * What the agent inside a running space last reported. It expires unless refreshed, and an expired agent makes
 * its space show offline.
 *
 * @param accessTokenHash hash of the token the server gave the agent at registration
 * @param address host:port where the server can reach the agent
 * @param tcpPorts ports reachable through the server, by number, with display names
 * @param httpPorts ports served on the wildcard domain, by number, with display names
 */
public record AgentState(
        Id<Space> spaceId,
        String agentVersion,
        String accessTokenHash,
        String address,
        boolean hasCodeServer,
        int sshPort,
        int vncHttpPort,
        boolean hasTerminal,
        Map<Integer, String> tcpPorts,
        Map<Integer, String> httpPorts,
        Instant expiresAt) {
    public AgentState {
        Checks.notNull("space_id", spaceId);
        Checks.length("agent_version", agentVersion, 0, 32);
        Checks.length("access token hash", accessTokenHash, 1, 128);
        Checks.length("address", address, 0, 255);
        Checks.port("ssh_port", sshPort);
        Checks.port("vnc_http_port", vncHttpPort);
        tcpPorts = Map.copyOf(Checks.notNull("tcp_ports", tcpPorts));
        httpPorts = Map.copyOf(Checks.notNull("http_ports", httpPorts));
        tcpPorts.keySet().forEach(number -> Checks.port("tcp_ports", number));
        httpPorts.keySet().forEach(number -> Checks.port("http_ports", number));
        Checks.notNull("expires_after", expiresAt);
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    public AgentState withExpiry(Instant newExpiry) {
        return new AgentState(spaceId, agentVersion, accessTokenHash, address, hasCodeServer, sshPort, vncHttpPort,
                hasTerminal, tcpPorts, httpPorts, newExpiry);
    }

    @Override
    public String toString() {
        return "AgentState[space=" + spaceId + ", version=" + agentVersion + ", address=" + address + "]";
    }
}
