package dev.knot.adapter.http;

import static java.util.Objects.requireNonNull;

import dev.knot.ports.in.AgentEndpoint;
import dev.knot.ports.in.AgentUseCases;
import dev.knot.ports.model.Id;
import dev.knot.ports.model.Space;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import java.util.List;

/**
 * code-server (reference §7.1): {@code /proxy/spaces/{space_id}/code-server/*}, every method, proxied to
 * {@code /code-server/*} on the space's agent, for the space's owner or a user with manage-spaces (404 for anyone
 * else, as for a space without an agent). The original routed only GET, so code-server's POSTs failed.
 *
 * <p>code-server is served on knot's own origin, under this path: whatever it serves runs as knot's origin (see
 * docs/security.md). The usual guards apply: a cookie-authenticated write must state knot's exact origin (the access
 * guard), and so must a cookie-authenticated websocket handshake (here), because another space's app is same-site
 * and its page would otherwise open code-server's sockets with the visitor's cookie. knot's cookies and the caller's
 * credential are not forwarded ({@link AgentProxy}).
 */
final class CodeServerRoutes implements RouteGroup {
    static final String CODE_SERVER = "/proxy/spaces/{space_id}/code-server/*";

    private static final String AGENT_PATH = "/code-server";
    private static final List<HttpString> METHODS = List.of(Methods.GET, Methods.HEAD, Methods.POST, Methods.PUT,
            Methods.DELETE, Methods.PATCH, Methods.OPTIONS);

    private final AgentUseCases agents;
    private final AgentProxy proxy;
    private final SameOriginPolicy origins;

    CodeServerRoutes(AgentUseCases agents, AgentProxy proxy, SameOriginPolicy origins) {
        this.agents = requireNonNull(agents, "agents is null");
        this.proxy = requireNonNull(proxy, "proxy is null");
        this.origins = requireNonNull(origins, "origins is null");
    }

    @Override
    public void addTo(RouteTable.Builder routes) {
        for (HttpString method : METHODS) {
            routes.route(method, CODE_SERVER).access(AccessRule.AUTHENTICATED).maxBodyBytes(AgentProxy.MAX_BODY_BYTES)
                    .onWorkerThread(this::forward);
        }
    }

    private void forward(HttpServerExchange exchange) throws Exception {
        Id<Space> spaceId = ApiPaths.id(exchange, "space_id");
        // What follows the prefix is forwarded as the client wrote it, so the prefix is matched as written too.
        String prefix = "/proxy/spaces/" + spaceId.value() + AGENT_PATH;
        if (!AgentProxy.rawPath(exchange).startsWith(prefix + "/")) {
            throw new RejectedRequestException(ErrorReply.notFound());
        }
        boolean byCookie = Credentials.find(exchange).map(Credentials.Presented::fromCookie).orElse(false);
        if (byCookie && AgentProxy.isWebsocketHandshake(exchange)) {
            origins.requireSameOrigin(exchange);
        }
        AgentEndpoint agent = agents.endpoint(Caller.of(exchange).user(), spaceId);
        exchange.setResolvedPath(prefix);
        proxy.forward(exchange, agent, AGENT_PATH, AgentProxy.Mount.KNOT_ORIGIN);
    }
}
