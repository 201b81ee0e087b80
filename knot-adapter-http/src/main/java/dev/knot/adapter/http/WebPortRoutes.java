package dev.knot.adapter.http;

import static java.lang.String.format;
import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import dev.knot.ports.in.AuthUseCases;
import dev.knot.ports.in.Authenticated;
import dev.knot.ports.in.WebPortHost;
import dev.knot.ports.in.WebPortUseCases;
import dev.knot.ports.model.ErrorCode;
import dev.knot.ports.model.KnotException;
import io.undertow.server.HttpServerExchange;
import java.net.URI;
import java.net.URLEncoder;
import java.util.Optional;

/**
 * The spaces' web ports on the wildcard domain. On the main origin, {@code GET /proxy/webport/authorize?host=…&next=…}
 * is where a space host sends a browser without a pass: for a user logged in to knot with a session who may use the
 * space, it issues a one-time code bound to that host (with the path to return to inside it) and sends the browser
 * to {@code /.knot/authorize?code=…} on the space host, which turns it into the host's pass (see
 * {@link WebPortRequests}, which this group installs for the hosts under the wildcard domain). A browser that is not
 * logged in is sent to the login page first, and comes back here from it.
 *
 * <p>Without {@code server.wildcard_domain} there are no web ports: the route answers 404 and no host is special.
 */
final class WebPortRoutes implements RouteGroup {
    static final String AUTHORIZE = "/proxy/webport/authorize";

    private final URI publicUrl;
    private final Optional<String> wildcardDomain;
    private final Optional<WebPortUseCases> webPorts;
    private final Optional<WebPortRequests> spaceHosts;

    /** @throws IllegalStateException when a wildcard domain is configured but {@code webPorts} is empty */
    WebPortRoutes(HttpConfig config, Optional<WebPortUseCases> webPorts, AuthUseCases auth, AgentProxy proxy,
            ErrorMapper errors) {
        requireNonNull(config, "config is null");
        this.publicUrl = config.publicUrl();
        this.wildcardDomain = config.wildcardDomain();
        this.webPorts = requireNonNull(webPorts, "webPorts is null");
        if (wildcardDomain.isPresent() && webPorts.isEmpty()) {
            throw new IllegalStateException("a wildcard domain is configured, but no WebPortUseCases is bound");
        }
        this.spaceHosts = wildcardDomain.map(domain -> new WebPortRequests(webPorts.get(), auth, proxy, publicUrl,
                domain, errors));
    }

    @Override
    public void addTo(RouteTable.Builder routes) {
        routes.get(AUTHORIZE).access(AccessRule.BROWSER).onWorkerThread(this::authorize);
        spaceHosts.ifPresent(handler -> routes.spaceHosts(
                new RouteTable.SpaceHosts(wildcardDomain.orElseThrow(), handler, AgentProxy.MAX_BODY_BYTES)));
    }

    private void authorize(HttpServerExchange exchange) {
        String domain = wildcardDomain.orElseThrow(() -> KnotException.notFound(
                "web ports are not enabled on this server: server.wildcard_domain is not set"));
        String named = QueryParameters.single(exchange, "host")
                .orElseThrow(() -> KnotException.invalid("host is required"));
        WebPortHost host = WebPortHost.parse(named, domain).orElseThrow(() -> KnotException.invalid(
                format("host must be <username>--<space>--<port, vnc or code>%s", domain.substring(1))));
        String next = QueryParameters.single(exchange, "next").orElse("/");
        Caller caller = Caller.of(exchange);
        if (caller.session().isEmpty()) {
            throw new KnotException(ErrorCode.UNAUTHENTICATED, "a space's web port is opened by a browser logged in "
                    + "to knot; an API token cannot open one (send it as bearer to the space's host instead)");
        }
        String code = webPorts.orElseThrow().issueCode(new Authenticated(caller.user(), caller.session()), host, next);
        Redirects.found(exchange, spaceOrigin(publicUrl, host) + WebPortRequests.AUTHORIZE_PATH + "?code="
                + URLEncoder.encode(code, UTF_8));
    }

    /** The space host with the scheme of {@code server.url}, and its port when that is not the scheme's default. */
    static String spaceOrigin(URI publicUrl, WebPortHost host) {
        String scheme = publicUrl.getScheme();
        int port = publicUrl.getPort();
        boolean defaultPort = port < 0 || scheme.equals("https") && port == 443 || scheme.equals("http") && port == 80;
        return scheme + "://" + host.hostName() + (defaultPort ? "" : ":" + port);
    }
}
