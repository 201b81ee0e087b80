package dev.knot.adapter.http;

import static java.lang.String.format;
import static java.util.Objects.requireNonNull;
import static java.util.Objects.requireNonNullElse;

import dev.knot.ports.in.AgentRegistration;
import dev.knot.ports.in.AgentReport;
import dev.knot.ports.in.AgentUseCases;
import dev.knot.ports.model.Id;
import dev.knot.ports.model.KnotException;
import dev.knot.ports.model.Space;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.StatusCodes;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The routes agents call (reference §4.3 "Agent routes"): registration, which carries the space's registration key
 * in its body (the agent has no token yet), and state reports, which need the token registration gave. The domain
 * checks the key and decides which spaces may register; these routes only translate the original's JSON.
 */
final class AgentRoutes implements RouteGroup {
    private static final String AGENT = ApiPaths.V1 + "/agents/{" + AccessRule.AGENT_SPACE_PARAMETER + "}";
    private static final String STATUS = AGENT + "/status";
    /** A registration carries an address, a version and a key. */
    private static final long MAX_REGISTRATION_BYTES = 4 * 1024;
    /** A report names at most 2 × 64 ports with names of up to 64 characters: about 10 KB as agents write it. */
    private static final long MAX_REPORT_BYTES = 16 * 1024;

    /** Port numbers as the original writes them: plain decimal, no sign, no leading zero, at most five digits. */
    private static final Pattern PORT_NUMBER = Pattern.compile("[1-9][0-9]{0,4}");

    private final AgentUseCases agents;
    private final JsonCodec json;
    private final URI publicUrl;

    AgentRoutes(AgentUseCases agents, JsonCodec json, URI publicUrl) {
        this.agents = requireNonNull(agents, "agents is null");
        this.json = requireNonNull(json, "json is null");
        this.publicUrl = requireNonNull(publicUrl, "publicUrl is null");
    }

    /**
     * {@code {address, agent_version, registration_key}}. The original agent sends no body: its server found the
     * agent's address in Nomad and asked for no key; this one is told the address and checks the key.
     */
    record RegistrationRequest(String address, String agentVersion, String registrationKey) {
        @Override
        public String toString() {
            return "RegistrationRequest[address=" + address + ", agent_version=" + agentVersion + "]";
        }
    }

    /**
     * The original's answer plus {@code server_token}, the bearer the server presents to the agent (the original
     * used the agent's own access token both ways).
     */
    record RegistrationReply(boolean status, String accessToken, String serverToken, String serverUrl, String sshKey,
            String githubUsername) {
        @Override
        public String toString() {
            return "RegistrationReply[server_url=" + serverUrl + ", github_username=" + githubUsername + "]";
        }
    }

    /**
     * The original's state report; ports by number as text, as Go writes map keys. A missing field is its zero
     * value, as the original server read it, so agents that leave out what they do not offer still report.
     */
    record StatusRequest(String agentVersion, Boolean hasCodeServer, Integer sshPort, Integer vncHttpPort,
            Boolean hasTerminal, Map<String, String> tcpPorts, Map<String, String> httpPorts) {
        AgentReport toReport() {
            return new AgentReport(requireNonNullElse(agentVersion, ""), requireNonNullElse(hasCodeServer, false),
                    requireNonNullElse(sshPort, 0), requireNonNullElse(vncHttpPort, 0),
                    requireNonNullElse(hasTerminal, false), byNumber("tcp_ports", tcpPorts),
                    byNumber("http_ports", httpPorts));
        }

        /** Names by port number; the limits on count, numbers and names are {@link AgentReport}'s. */
        private static Map<Integer, String> byNumber(String field, Map<String, String> byText) {
            Map<Integer, String> ports = new HashMap<>();
            if (byText == null) {
                return ports;
            }
            byText.forEach((number, name) -> {
                if (!PORT_NUMBER.matcher(number).matches()) {
                    throw KnotException.invalid(format(
                            "%s: port numbers must be written in decimal between 1 and 65535", field));
                }
                ports.put(Integer.parseInt(number), name);
            });
            return ports;
        }
    }

    @Override
    public void addTo(RouteTable.Builder routes) {
        routes.post(AGENT).access(AccessRule.PUBLIC).maxBodyBytes(MAX_REGISTRATION_BYTES)
                .onWorkerThread(this::register);
        routes.put(STATUS).access(AccessRule.AGENT).maxBodyBytes(MAX_REPORT_BYTES).onWorkerThread(this::report);
    }

    private void register(HttpServerExchange exchange) throws Exception {
        Id<Space> spaceId = ApiPaths.id(exchange, AccessRule.AGENT_SPACE_PARAMETER);
        RegistrationRequest request = json.readOptionalBody(exchange, RegistrationRequest.class)
                .filter(body -> body.address() != null)
                .orElseThrow(() -> KnotException.invalid("address: is required: the host:port where the server"
                        + " reaches the agent (knot-Java's agent sends it; the original Go agent does not)"));
        AgentRegistration registration = agents.register(spaceId, request.address(),
                requireNonNullElse(request.agentVersion(), ""), request.registrationKey());
        json.send(exchange, StatusCodes.OK, new RegistrationReply(true, registration.accessToken(),
                registration.serverToken(), publicUrl.toString(), registration.sshPublicKey(),
                registration.githubUsername()));
    }

    private void report(HttpServerExchange exchange) throws Exception {
        StatusRequest request = json.readBody(exchange, StatusRequest.class);
        agents.report(AccessGuard.authenticatedAgent(exchange), request.toReport());
        json.send(exchange, StatusCodes.OK, StatusReply.OK);
    }
}
