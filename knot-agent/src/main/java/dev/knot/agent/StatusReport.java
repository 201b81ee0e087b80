package dev.knot.agent;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** The body of `PUT /api/v1/agents/{space_id}/status` (reference §6.2). */
record StatusReport(
        @JsonProperty("agent_version") String agentVersion,
        @JsonProperty("has_code_server") boolean hasCodeServer,
        @JsonProperty("ssh_port") int sshPort,
        @JsonProperty("vnc_http_port") int vncHttpPort,
        @JsonProperty("has_terminal") boolean hasTerminal,
        @JsonProperty("tcp_ports") Map<String, String> tcpPorts,
        @JsonProperty("http_ports") Map<String, String> httpPorts) {
    StatusReport {
        requireNonNull(agentVersion, "agentVersion is null");
        tcpPorts = Map.copyOf(requireNonNull(tcpPorts, "tcpPorts is null"));
        httpPorts = Map.copyOf(requireNonNull(httpPorts, "httpPorts is null"));
    }
}
