package dev.knot.adapter.http;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import dev.knot.ports.in.AuthUseCases;
import dev.knot.ports.in.WebPortHost;
import dev.knot.ports.in.WebPortPass;
import dev.knot.ports.in.WebPortTarget;
import dev.knot.ports.in.WebPortUseCases;
import dev.knot.ports.model.ErrorCode;
import dev.knot.ports.model.KnotException;
import dev.knot.ports.model.User;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderValues;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.util.Deque;
import java.util.Locale;
import java.util.Optional;

/**
 * Every request on a space's host ({@code <username>--<space>--<port, vnc or code>.<domain>}): private to the
 * space's owner and to space managers. The browser proves who it is with the host's pass cookie, got through
 * {@code /.knot/authorize?code=…} from the main origin (see {@link WebPortRoutes}); a script may send a knot session
 * or API token as bearer instead. A browser without either is sent to the main origin to get one (GET and HEAD), and
 * anything else is 401. Then the request goes to the space's agent, through {@link AgentProxy}.
 *
 * <p>Space hosts share their site with knot and with each other, so {@code SameSite} cookies do not keep another
 * space's app from making a browser send this host's pass. A pass-authenticated write or websocket handshake
 * that states an {@code Origin} must therefore come from a host of the same space (any of its ports), and on
 * code-server's host from that host itself.
 *
 * <p>Paths under {@code /.knot/} belong to knot and never reach the app. Store lookups run on a worker thread; the
 * proxying itself holds no thread. A credential let through to this host within the last moment (see
 * {@link RecentWebPortGrants}) is forwarded at once from the I/O thread.
 */
final class WebPortRequests implements HttpHandler {
    static final String AUTHORIZE_PATH = "/.knot/authorize";

    private static final String RESERVED = "/.knot";
    private static final HttpString ORIGIN = new HttpString("Origin");

    private final WebPortUseCases webPorts;
    private final AuthUseCases auth;
    private final AgentProxy proxy;
    private final WebPortPassCookie passCookie;
    private final String wildcardDomain;
    private final String authorizeUrl;
    private final ErrorMapper errors;
    private final RecentWebPortGrants recentGrants = new RecentWebPortGrants();

    /** Who a request was let in as, and with which credential. */
    private record Admitted(User user, RecentWebPortGrants.Presented presented, String credential) {}

    WebPortRequests(WebPortUseCases webPorts, AuthUseCases auth, AgentProxy proxy, URI publicUrl,
            String wildcardDomain, ErrorMapper errors) {
        this.webPorts = requireNonNull(webPorts, "webPorts is null");
        this.auth = requireNonNull(auth, "auth is null");
        this.proxy = requireNonNull(proxy, "proxy is null");
        this.passCookie = new WebPortPassCookie(requireNonNull(publicUrl, "publicUrl is null"));
        this.wildcardDomain = requireNonNull(wildcardDomain, "wildcardDomain is null");
        this.authorizeUrl = publicUrl.toString().replaceAll("/+$", "") + WebPortRoutes.AUTHORIZE;
        this.errors = requireNonNull(errors, "errors is null");
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        if (!isReserved(exchange.getRequestPath())) {
            Optional<WebPortTarget> recent = recentlyGranted(exchange, HostDispatch.spaceHost(exchange));
            if (recent.isPresent()) {
                forward(exchange, recent.get());
                return;
            }
        }
        exchange.dispatch(new ErrorMappingHandler(this::onWorkerThread, errors));
    }

    private void onWorkerThread(HttpServerExchange exchange) throws Exception {
        WebPortHost host = HostDispatch.spaceHost(exchange);
        String path = exchange.getRequestPath();
        if (isReserved(path)) {
            reserved(exchange, host, path);
            return;
        }
        Optional<Admitted> admitted = authenticate(exchange, host);
        if (admitted.isEmpty()) {
            if (!exchange.getRequestMethod().equals(Methods.GET) && !exchange.getRequestMethod().equals(Methods.HEAD)) {
                throw Credentials.unauthenticated();
            }
            Redirects.found(exchange, authorizeUrl + "?host=" + encode(host.hostName()) + "&next="
                    + encode(AgentProxy.withQuery(exchange, AgentProxy.rawPath(exchange))));
            return;
        }
        WebPortTarget target = webPorts.resolve(admitted.get().user(), host);
        recentGrants.remember(admitted.get().presented(), admitted.get().credential(), host, target);
        forward(exchange, target);
    }

    private void forward(HttpServerExchange exchange, WebPortTarget target) throws Exception {
        proxy.forward(exchange, target.agent(), target.agentPathPrefix(), AgentProxy.Mount.SPACE_HOST);
    }

    /**
     * The target of a credential of the request that was let through to {@code host} within the last moment. A pass
     * whose request fails the same-space origin check is left to the worker path, which refuses it with the reason.
     */
    private Optional<WebPortTarget> recentlyGranted(HttpServerExchange exchange, WebPortHost host) {
        for (String pass : passCookie.presented(exchange)) {
            Optional<WebPortTarget> target = recentGrants.find(RecentWebPortGrants.Presented.PASS, pass, host);
            if (target.isPresent()) {
                return isFromSameSpace(exchange, host) ? target : Optional.empty();
            }
        }
        return authorizationHeader(exchange)
                .flatMap(value -> recentGrants.find(RecentWebPortGrants.Presented.BEARER, value, host));
    }

    private static boolean isReserved(String path) {
        return path.equals(RESERVED) || path.startsWith(RESERVED + "/");
    }

    /**
     * {@code GET /.knot/authorize?code=…}: the one-time code becomes this host's pass cookie. Not HEAD: a prefetch
     * must not use up the code.
     */
    private void reserved(HttpServerExchange exchange, WebPortHost host, String path) {
        if (!path.equals(AUTHORIZE_PATH)) {
            throw new RejectedRequestException(ErrorReply.notFound());
        }
        if (!exchange.getRequestMethod().equals(Methods.GET)) {
            exchange.getResponseHeaders().put(Headers.ALLOW, "GET");
            throw new RejectedRequestException(ErrorReply.methodNotAllowed());
        }
        Deque<String> codes = exchange.getQueryParameters().get("code");
        if (codes == null || codes.size() != 1 || codes.getFirst().isEmpty()) {
            throw KnotException.invalid("code is required, once");
        }
        WebPortPass pass = webPorts.redeem(codes.getFirst(), host);
        passCookie.set(exchange, pass);
        Redirects.found(exchange, LocalPaths.orRoot(pass.next()));
    }

    /**
     * The pass cookie, else a knot credential as bearer; empty when the request carries neither (or only passes
     * that are no longer valid).
     */
    private Optional<Admitted> authenticate(HttpServerExchange exchange, WebPortHost host) {
        for (String pass : passCookie.presented(exchange)) {
            try {
                User user = webPorts.authenticate(pass, host);
                if (!isFromSameSpace(exchange, host)) {
                    throw new KnotException(ErrorCode.PERMISSION_DENIED, SameOriginPolicy.REFUSED_MESSAGE);
                }
                return Optional.of(new Admitted(user, RecentWebPortGrants.Presented.PASS, pass));
            } catch (KnotException refused) {
                if (refused.code() != ErrorCode.UNAUTHENTICATED) {
                    throw refused;
                }
            }
        }
        if (!exchange.getRequestHeaders().contains(Headers.AUTHORIZATION)) {
            return Optional.empty();
        }
        // Only the header counts here: knot's session cookie belongs to knot's own host, never to a space's.
        String bearer = Credentials.find(exchange).orElseThrow(Credentials::unauthenticated).secret();
        try {
            User user = auth.authenticate(bearer).user();
            // Credentials.find has refused a request with more than one Authorization header.
            String header = exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION);
            return Optional.of(new Admitted(user, RecentWebPortGrants.Presented.BEARER, header));
        } catch (KnotException refused) {
            if (refused.code() == ErrorCode.UNAUTHENTICATED) {
                throw Credentials.unauthenticated();
            }
            throw refused;
        }
    }

    /** Whether a pass-authenticated request may go on: safe, or stating no origin, or one of the same space. */
    private boolean isFromSameSpace(HttpServerExchange exchange, WebPortHost host) {
        if (SameOriginPolicy.isSafe(exchange.getRequestMethod()) && !AgentProxy.isWebsocketHandshake(exchange)) {
            return true;
        }
        String origin = exchange.getRequestHeaders().getFirst(ORIGIN);
        if (origin == null) {
            return true;
        }
        Optional<WebPortHost> from = originHost(origin).flatMap(name -> WebPortHost.parse(name, wildcardDomain));
        if (from.isEmpty()) {
            return false;
        }
        if (host.kind() == WebPortHost.Kind.CODE_SERVER) {
            // code-server opens shells in the space: only its own pages may write to it or open its sockets, not a
            // page of one of the space's apps, which may show content its developer did not write.
            return from.get().hostName().equals(host.hostName());
        }
        return from.get().username().equals(host.username()) && from.get().spaceName().equals(host.spaceName());
    }

    /** The {@code Authorization} header, when the request has exactly one. */
    private static Optional<String> authorizationHeader(HttpServerExchange exchange) {
        HeaderValues values = exchange.getRequestHeaders().get(Headers.AUTHORIZATION);
        return values != null && values.size() == 1 ? Optional.of(values.getFirst()) : Optional.empty();
    }

    /** {@code host[:port]} of an http(s) origin; empty for {@code null} and anything else. */
    private static Optional<String> originHost(String origin) {
        try {
            URI uri = new URI(origin.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null
                    || uri.getRawUserInfo() != null) {
                return Optional.empty();
            }
            return Optional.of(uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort());
        } catch (URISyntaxException malformed) {
            return Optional.empty();
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, UTF_8);
    }
}
