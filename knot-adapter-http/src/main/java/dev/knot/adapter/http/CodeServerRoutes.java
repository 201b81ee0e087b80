package dev.knot.adapter.http;

import static java.util.Objects.requireNonNull;

import dev.knot.ports.in.AgentEndpoint;
import dev.knot.ports.in.AgentUseCases;
import dev.knot.ports.in.WebPortHost;
import dev.knot.ports.in.WebPortUseCases;
import dev.knot.ports.model.Id;
import dev.knot.ports.model.Space;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import java.net.URI;
import java.util.List;
import java.util.Optional;

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
 *
 * <p>With {@code server.wildcard_domain}, code-server is also served on the space's own host,
 * {@code <owner>--<space>--code.<domain>} ({@link WebPortRequests}), where it no longer runs as knot's origin. A
 * browser (a cookie-authenticated GET or HEAD that is not a websocket handshake) is then sent there, to the same path
 * and query; everything else is still proxied here, for clients that speak to this path.
 */
final class CodeServerRoutes implements RouteGroup {
    static final String CODE_SERVER = "/proxy/spaces/{space_id}/code-server/*";

    private static final String AGENT_PATH = "/code-server";
    private static final List<HttpString> METHODS = List.of(Methods.GET, Methods.HEAD, Methods.POST, Methods.PUT,
            Methods.DELETE, Methods.PATCH, Methods.OPTIONS);

    private final URI publicUrl;
    private final Optional<String> wildcardDomain;
    private final AgentUseCases agents;
    private final Optional<WebPortUseCases> webPorts;
    private final AgentProxy proxy;
    private final SameOriginPolicy origins;

    /** @throws IllegalStateException when a wildcard domain is configured but {@code webPorts} is empty */
    CodeServerRoutes(HttpConfig config, AgentUseCases agents, Optional<WebPortUseCases> webPorts, AgentProxy proxy,
            SameOriginPolicy origins) {
        requireNonNull(config, "config is null");
        this.publicUrl = config.publicUrl();
        this.wildcardDomain = config.wildcardDomain();
        this.agents = requireNonNull(agents, "agents is null");
        this.webPorts = requireNonNull(webPorts, "webPorts is null");
        this.proxy = requireNonNull(proxy, "proxy is null");
        this.origins = requireNonNull(origins, "origins is null");
        if (wildcardDomain.isPresent() && webPorts.isEmpty()) {
            throw new IllegalStateException("a wildcard domain is configured, but no WebPortUseCases is bound");
        }
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
        boolean websocket = AgentProxy.isWebsocketHandshake(exchange);
        if (byCookie && websocket) {
            origins.requireSameOrigin(exchange);
        }
        AgentEndpoint agent = agents.endpoint(Caller.of(exchange).user(), spaceId);
        if (wildcardDomain.isPresent() && byCookie && !websocket && isRead(exchange)) {
            WebPortHost ownHost = webPorts.orElseThrow().codeServerHost(agent.space(), wildcardDomain.get());
            String rest = AgentProxy.rawPath(exchange).substring(prefix.length());
            Redirects.found(exchange, WebPortRoutes.spaceOrigin(publicUrl, ownHost) + AgentProxy.withQuery(exchange,
                    rest));
            return;
        }
        exchange.setResolvedPath(prefix);
        proxy.forward(exchange, agent, AGENT_PATH, AgentProxy.Mount.KNOT_ORIGIN);
    }

    private static boolean isRead(HttpServerExchange exchange) {
        HttpString method = exchange.getRequestMethod();
        return method.equals(Methods.GET) || method.equals(Methods.HEAD);
    }
}
