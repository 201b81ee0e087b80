package dev.knot.ports.in;

import static java.lang.String.format;
import static java.util.Objects.requireNonNull;

import dev.knot.ports.model.KnotException;
import java.util.Map;

/**
 * One state report of an agent (reference §6.2): what the space offers right now. The port maps are bounded here,
 * because every report is kept in the agent state store and shown to users; the rest is checked when the report
 * becomes an {@link dev.knot.ports.model.AgentState}.
 *
 * @param tcpPorts ports reachable through the server, by number (1..65535), with display names
 * @param httpPorts ports served on the wildcard domain, by number (1..65535), with display names
 */
public record AgentReport(
        String agentVersion,
        boolean hasCodeServer,
        int sshPort,
        int vncHttpPort,
        boolean hasTerminal,
        Map<Integer, String> tcpPorts,
        Map<Integer, String> httpPorts) {
    /** The most ports of each kind one report may name. */
    public static final int MAXIMUM_PORTS = 64;

    /** The longest display name of a port. */
    public static final int MAXIMUM_PORT_NAME_LENGTH = 64;

    public AgentReport {
        requireNonNull(agentVersion, "agentVersion is null");
        tcpPorts = checkedPorts("tcp_ports", requireNonNull(tcpPorts, "tcpPorts is null"));
        httpPorts = checkedPorts("http_ports", requireNonNull(httpPorts, "httpPorts is null"));
    }

    private static Map<Integer, String> checkedPorts(String field, Map<Integer, String> ports) {
        if (ports.size() > MAXIMUM_PORTS) {
            throw KnotException.invalid(format("%s: at most %d ports, got %d", field, MAXIMUM_PORTS, ports.size()));
        }
        ports.forEach((number, name) -> {
            if (number == null || number < 1 || number > 65_535) {
                throw KnotException.invalid(format("%s: port numbers must be between 1 and 65535, got %s",
                        field, number));
            }
            if (name == null || name.length() > MAXIMUM_PORT_NAME_LENGTH) {
                throw KnotException.invalid(format("%s: the name of port %d must be a string of at most %d characters",
                        field, number, MAXIMUM_PORT_NAME_LENGTH));
            }
        });
        return Map.copyOf(ports);
    }
}
