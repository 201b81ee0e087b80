package dev.knot.agent;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.util.Map;

/**
 * The agent's validated configuration (reference §2.2). Port maps go from port number to display name; the ssh
 * port is already in {@code tcpPorts} as "SSH", as the original reports it.
 */
record AgentConfig(
        URI server,
        String spaceId,
        HostPort listen,
        HostPort advertise,
        int codeServerPort,
        int sshPort,
        int vncHttpPort,
        Map<String, String> tcpPorts,
        Map<String, String> httpPorts,
        Map<String, String> httpsPorts,
        boolean enableTerminal,
        boolean updateAuthorizedKeys,
        String servicePassword,
        String registrationKey,
        boolean tlsSkipVerify) {
    AgentConfig {
        requireNonNull(server, "server is null");
        requireNonNull(spaceId, "spaceId is null");
        requireNonNull(listen, "listen is null");
        requireNonNull(advertise, "advertise is null");
        tcpPorts = Map.copyOf(requireNonNull(tcpPorts, "tcpPorts is null"));
        httpPorts = Map.copyOf(requireNonNull(httpPorts, "httpPorts is null"));
        httpsPorts = Map.copyOf(requireNonNull(httpsPorts, "httpsPorts is null"));
        requireNonNull(servicePassword, "servicePassword is null");
        requireNonNull(registrationKey, "registrationKey is null");
    }

    @Override
    public String toString() {
        // The service password and the registration key stay out of logs.
        return "AgentConfig[server=" + server + ", spaceId=" + spaceId + ", listen=" + listen + ", advertise="
                + advertise + "]";
    }
}
