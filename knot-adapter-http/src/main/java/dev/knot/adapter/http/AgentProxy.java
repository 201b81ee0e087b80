package dev.knot.adapter.http;

import static java.util.Objects.requireNonNull;

import dev.knot.ports.in.AgentEndpoint;
import io.undertow.attribute.ExchangeAttributes;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.proxy.ProxyHandler;
import io.undertow.util.HeaderMap;
import io.undertow.util.HeaderValues;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Forwards requests to a space's agent with Undertow's ProxyHandler, so that bodies stream both ways without being
 * buffered and websocket upgrades (a dev server's hot reload, code-server) pass through; no thread waits on the
 * agent.
 *
 * <p>knot's credentials never reach the space: its cookies (session and web-port pass) and the caller's
 * {@code Authorization} are taken out of the request, and the agent gets its own bearer instead, which it strips
 * before the app. Hop-by-hop headers are not forwarded. {@code X-Forwarded-For} (the client, as
 * {@link ClientAddresses} sees it), {@code X-Forwarded-Host} (the host the browser asked for) and
 * {@code X-Forwarded-Proto} (the scheme of {@code server.url}) are set by knot, replacing whatever the client sent.
 * In the response, every {@code Set-Cookie} that could reach knot or another space is dropped, and the headers knot
 * puts on its own API answers are left to the app.
 */
final class AgentProxy {
    /** The largest body a space's app or code-server receives through knot. */
    static final long MAX_BODY_BYTES = 1L << 30;

    /** What the original server sends to agents in {@code X-Proxy}, minus its version. */
    private static final HttpString X_PROXY = new HttpString("X-Proxy");
    private static final String PROXY_MARK = "knot";
    private static final HttpString HTTP2_SETTINGS = new HttpString("HTTP2-Settings");
    private static final HttpString PROXY_CONNECTION = new HttpString("Proxy-Connection");
    private static final HttpString FORWARDED = new HttpString("Forwarded");
    private static final HttpString X_FORWARDED_PREFIX = new HttpString("X-Forwarded-Prefix");
    private static final HttpString X_REAL_IP = new HttpString("X-Real-IP");
    private static final HttpString CONTENT_SECURITY_POLICY = new HttpString("Content-Security-Policy");
    private static final HttpString FRAME_OPTIONS = new HttpString("X-Frame-Options");
    private static final HttpString REFERRER_POLICY = new HttpString("Referrer-Policy");

    private static final List<HttpString> HOP_BY_HOP = List.of(Headers.CONNECTION, Headers.KEEP_ALIVE,
            Headers.PROXY_AUTHENTICATE, Headers.PROXY_AUTHORIZATION, PROXY_CONNECTION, Headers.TE, Headers.TRAILER,
            Headers.UPGRADE, HTTP2_SETTINGS);
    /** Headers a client could forge to misinform the app; those knot vouches for are set again below. */
    private static final List<HttpString> FORGEABLE = List.of(FORWARDED, Headers.X_FORWARDED_FOR,
            Headers.X_FORWARDED_HOST, Headers.X_FORWARDED_PROTO, Headers.X_FORWARDED_PORT, Headers.X_FORWARDED_SERVER,
            X_FORWARDED_PREFIX, X_REAL_IP);
    /** A {@code Connection} header may not make the proxy drop the headers that frame the request. */
    private static final Set<String> NEVER_HOP_BY_HOP = Set.of("content-length", "transfer-encoding", "host");
    /** The policies of knot's API answers, which would break any app's pages. */
    private static final List<HttpString> API_ONLY = List.of(CONTENT_SECURITY_POLICY, FRAME_OPTIONS,
            REFERRER_POLICY, Headers.CACHE_CONTROL);

    /** Where the forwarded app is served, which decides what knot adds to its answers. */
    enum Mount {
        /** On a space host, an origin of its own: the app's headers are its own. */
        SPACE_HOST,
        /** On knot's own origin (code-server's path): it may be framed by knot's origin only. */
        KNOT_ORIGIN
    }

    private final ProxyHandler proxy;
    private final ClientAddresses clients;
    private final String scheme;

    AgentProxy(ErrorMapper errors, ClientAddresses clients, URI publicUrl) {
        this.clients = requireNonNull(clients, "clients is null");
        this.scheme = requireNonNull(publicUrl, "publicUrl is null").getScheme();
        this.proxy = ProxyHandler.builder()
                .setProxyClient(new AgentConnectionPools(requireNonNull(errors, "errors is null")))
                // No deadline for the whole exchange: downloads and websockets may last; the listener's idle
                // timeout ends those that stall.
                .setMaxRequestTime(-1)
                .setReuseXForwarded(false)
                .setRewriteHostHeader(false)
                .addRequestHeader(X_PROXY, ExchangeAttributes.constant(PROXY_MARK))
                .setNext(exchange -> {
                    throw new IllegalStateException("no agent was chosen for the request");
                })
                .build();
    }

    /**
     * Sends the request to {@code agentPath} on the agent, followed by the request's raw path (less the exchange's
     * resolved path) and query. Returns at once; the exchange ends when the proxied one does.
     */
    void forward(HttpServerExchange exchange, AgentEndpoint agent, String agentPath, Mount mount) throws Exception {
        requireNonNull(agent, "agent is null");
        requireNonNull(agentPath, "agentPath is null");
        requireNonNull(mount, "mount is null");
        String client = clients.of(exchange);
        HeaderMap request = exchange.getRequestHeaders();
        boolean websocket = isWebsocketHandshake(exchange);
        KnotCookies.removeFromRequest(request);
        removeHopByHop(request);
        FORGEABLE.forEach(request::remove);
        if (websocket) {
            request.put(Headers.CONNECTION, "Upgrade");
            request.put(Headers.UPGRADE, "websocket");
        }
        request.put(Headers.AUTHORIZATION, "Bearer " + agent.bearer());
        String host = RequestHost.of(exchange).value();
        if (!host.isEmpty()) {
            request.put(Headers.HOST, host);
            request.put(Headers.X_FORWARDED_HOST, host);
        }
        // ProxyHandler writes X-Forwarded-For from the source address and X-Forwarded-Proto from the scheme.
        TrustedProxies.literal(client).ifPresent(address -> exchange.setSourceAddress(
                new InetSocketAddress(address, exchange.getSourceAddress().getPort())));
        exchange.setRequestScheme(scheme);

        HeaderMap response = exchange.getResponseHeaders();
        API_ONLY.forEach(response::remove);
        if (mount == Mount.KNOT_ORIGIN) {
            // Set before the app's headers are copied, which never replace one already there.
            response.put(FRAME_OPTIONS, "SAMEORIGIN");
        }
        exchange.addResponseCommitListener(committed -> {
            HeaderMap answer = committed.getResponseHeaders();
            KnotCookies.removeFromResponse(answer);
            if (!answer.contains(Headers.CACHE_CONTROL)) {
                // The answer is for one logged-in user: no shared cache in front of knot may keep it.
                answer.put(Headers.CACHE_CONTROL, "private");
            }
        });
        AgentConnectionPools.target(exchange, agent, agentPath);
        proxy.handleRequest(exchange);
    }

    /** The request path as the client wrote it (not decoded), without scheme and host in an absolute-form request. */
    static String rawPath(HttpServerExchange exchange) {
        String uri = exchange.getRequestURI();
        if (!exchange.isHostIncludedInRequestURI()) {
            return uri;
        }
        int authority = uri.indexOf("//");
        int path = authority < 0 ? -1 : uri.indexOf('/', authority + 2);
        return path < 0 ? "/" : uri.substring(path);
    }

    /** {@code path} followed by the request's query string, when it has one. */
    static String withQuery(HttpServerExchange exchange, String path) {
        String query = exchange.getQueryString();
        return query == null || query.isEmpty() ? path : path + "?" + query;
    }

    static boolean isWebsocketHandshake(HttpServerExchange exchange) {
        return exchange.getRequestMethod().equals(Methods.GET)
                && HeaderTokens.contains(exchange.getRequestHeaders().get(Headers.UPGRADE), "websocket")
                && HeaderTokens.contains(exchange.getRequestHeaders().get(Headers.CONNECTION), "upgrade");
    }

    private static void removeHopByHop(HeaderMap headers) {
        HeaderValues connection = headers.get(Headers.CONNECTION);
        if (connection != null) {
            for (String value : List.copyOf(connection)) {
                for (String listed : value.split(",")) {
                    String name = listed.trim();
                    if (!name.isEmpty() && !NEVER_HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
                        headers.remove(name);
                    }
                }
            }
        }
        HOP_BY_HOP.forEach(headers::remove);
    }
}
