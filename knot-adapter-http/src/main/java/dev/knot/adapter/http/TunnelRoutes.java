package dev.knot.adapter.http;

import static java.util.Objects.requireNonNull;

import dev.knot.ports.in.AgentEndpoint;
import dev.knot.ports.in.AgentUseCases;
import dev.knot.ports.in.AuthUseCases;
import dev.knot.ports.model.KnotException;
import dev.knot.ports.model.User;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.PathTemplateMatch;
import java.time.Duration;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * TCP tunnels into a space (reference §7.1, §7.2), what {@code knot forward ssh|port} opens: {@code GET
 * /proxy/spaces/{space_name}/ssh} and {@code GET /proxy/spaces/{space_name}/port/{port}} are websockets relayed to
 * {@code /tcp/{port}} on the space's agent, which connects to that port in the space. Bytes travel in binary messages
 * both ways, an empty one being a keepalive; the relay passes them as they are. {@code /ssh/}, the form the original
 * client sends, matches too (the router ignores a trailing slash).
 *
 * <p>The space is one of the caller's own, by name or alternative name; names may hold hyphens (the original's route
 * pattern forgot them). Only the ports the agent reported are tunnelled: its SSH port, or one of its TCP ports. A
 * session cookie must come with exactly knot's own {@code Origin} (the WEBSOCKET rule); {@code knot forward} uses an
 * API token. An open tunnel ends (close code 1008) once its credential or the user's access to the space has; that is
 * asked again every {@link AgentSocketAccess#RECHECK_INTERVAL}, by the same name.
 */
final class TunnelRoutes implements RouteGroup {
    static final String SSH = "/proxy/spaces/{space_name}/ssh";
    static final String PORT = "/proxy/spaces/{space_name}/port/{port}";
    /** The agent's own limit for a tunnel's messages. */
    static final int MAX_MESSAGE_BYTES = 1024 * 1024;

    /** Plain decimal, as the agent wants it: no sign, no leading zero. */
    private static final Pattern PORT_NUMBER = Pattern.compile("[1-9][0-9]{0,4}");
    private static final int LARGEST_PORT = 65_535;

    private final AgentUseCases agents;
    private final AgentWebsocketRelay relay;

    /** @param idleTimeout the listener's idle timeout: open tunnels are pinged at half of it, within 100 ms..30 s */
    TunnelRoutes(AgentUseCases agents, AuthUseCases auth, JsonCodec json, Duration idleTimeout) {
        this(agents, auth, json, idleTimeout, AgentSocketAccess.RECHECK_INTERVAL);
    }

    /** @param recheckEvery how often an open tunnel's access is asked again */
    TunnelRoutes(AgentUseCases agents, AuthUseCases auth, JsonCodec json, Duration idleTimeout,
            Duration recheckEvery) {
        this.agents = requireNonNull(agents, "agents is null");
        this.relay = AgentWebsocketRelay.forListener(json, auth, idleTimeout, recheckEvery, "tunnel",
                MAX_MESSAGE_BYTES);
    }

    @Override
    public void addTo(RouteTable.Builder routes) {
        routes.get(SSH).access(AccessRule.WEBSOCKET).onWorkerThread(this::openSsh);
        routes.get(PORT).access(AccessRule.WEBSOCKET).onWorkerThread(this::openPort);
    }

    private void openSsh(HttpServerExchange exchange) {
        Function<User, AgentEndpoint> spaceCheck = spaceCheck(exchange);
        AgentEndpoint agent = relay.admit(exchange, spaceCheck);
        int port = agent.agent().sshPort();
        if (port == 0) {
            throw KnotException.notFound("the space does not serve SSH");
        }
        relay.open(exchange, agent, "/tcp/" + port, spaceCheck);
    }

    private void openPort(HttpServerExchange exchange) {
        int port = port(parameter(exchange, "port"));
        Function<User, AgentEndpoint> spaceCheck = spaceCheck(exchange);
        AgentEndpoint agent = relay.admit(exchange, spaceCheck);
        if (!agent.agent().tcpPorts().containsKey(port)) {
            throw KnotException.notFound("the space does not serve port " + port);
        }
        relay.open(exchange, agent, "/tcp/" + port, spaceCheck);
    }

    /** The space named in the path, among the user's own; asked at the handshake and again while the tunnel is open. */
    private Function<User, AgentEndpoint> spaceCheck(HttpServerExchange exchange) {
        String spaceName = parameter(exchange, "space_name");
        return user -> agents.endpointByName(user, spaceName);
    }

    /** 1..65535 in plain decimal; anything else names no port of any space, so it is a 404. */
    private static int port(String value) {
        if (value == null || !PORT_NUMBER.matcher(value).matches() || Integer.parseInt(value) > LARGEST_PORT) {
            throw new RejectedRequestException(ErrorReply.notFound());
        }
        return Integer.parseInt(value);
    }

    private static String parameter(HttpServerExchange exchange, String name) {
        return exchange.getAttachment(PathTemplateMatch.ATTACHMENT_KEY).getParameters().get(name);
    }
}
