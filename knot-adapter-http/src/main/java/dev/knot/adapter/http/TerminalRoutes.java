package dev.knot.adapter.http;

import static java.util.Objects.requireNonNull;

import dev.knot.ports.in.AgentEndpoint;
import dev.knot.ports.in.AgentUseCases;
import dev.knot.ports.in.AuthUseCases;
import dev.knot.ports.model.Id;
import dev.knot.ports.model.KnotException;
import dev.knot.ports.model.Space;
import dev.knot.ports.model.User;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.PathTemplateMatch;
import java.time.Duration;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The browser terminal (reference §7.1): {@code GET /proxy/spaces/{space_id}/terminal/{shell}} is a websocket relayed
 * to {@code /terminal/{shell}} on the space's agent. The original let only the owner in; here, as for the space's
 * other routes, the owner or a user with manage-spaces, and 404 for anyone else, as for a space without an agent.
 * A session cookie must come with exactly knot's own {@code Origin} (the WEBSOCKET rule), so another site cannot
 * open a shell with a visitor's cookie; API tokens work too, for scripts. An open terminal ends (close code 1008)
 * once its credential or the user's access to the space has; that is asked again every
 * {@link AgentSocketAccess#RECHECK_INTERVAL}.
 */
final class TerminalRoutes implements RouteGroup {
    static final String TERMINAL = "/proxy/spaces/{space_id}/terminal/{shell}";
    /** The agent's own limit for a terminal's messages. */
    static final int MAX_MESSAGE_BYTES = 64 * 1024;

    private static final Pattern SHELL = Pattern.compile("[a-zA-Z0-9]+");

    private final AgentUseCases agents;
    private final AgentWebsocketRelay relay;

    /** @param idleTimeout the listener's idle timeout: open terminals are pinged at half of it, within 100 ms..30 s */
    TerminalRoutes(AgentUseCases agents, AuthUseCases auth, JsonCodec json, Duration idleTimeout) {
        this(agents, auth, json, idleTimeout, AgentSocketAccess.RECHECK_INTERVAL);
    }

    /** @param recheckEvery how often an open terminal's access is asked again */
    TerminalRoutes(AgentUseCases agents, AuthUseCases auth, JsonCodec json, Duration idleTimeout,
            Duration recheckEvery) {
        this.agents = requireNonNull(agents, "agents is null");
        this.relay = AgentWebsocketRelay.forListener(json, auth, idleTimeout, recheckEvery, "terminal",
                MAX_MESSAGE_BYTES);
    }

    @Override
    public void addTo(RouteTable.Builder routes) {
        routes.get(TERMINAL).access(AccessRule.WEBSOCKET).onWorkerThread(this::open);
    }

    /** Checks everything that is cheap first; then the store, on this worker thread; then hands over to the relay. */
    private void open(HttpServerExchange exchange) {
        Id<Space> spaceId = ApiPaths.id(exchange, "space_id");
        String shell = exchange.getAttachment(PathTemplateMatch.ATTACHMENT_KEY).getParameters().get("shell");
        if (shell == null || !SHELL.matcher(shell).matches()) {
            throw KnotException.invalid("shell must be letters and digits");
        }
        Function<User, AgentEndpoint> spaceCheck = user -> agents.endpoint(user, spaceId);
        relay.open(exchange, relay.admit(exchange, spaceCheck), "/terminal/" + shell, spaceCheck);
    }
}
