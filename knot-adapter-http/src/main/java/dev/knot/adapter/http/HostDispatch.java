package dev.knot.adapter.http;

import static java.util.Objects.requireNonNull;

import dev.knot.ports.in.WebPortHost;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import java.util.Optional;

/**
 * Sends each request, by its {@link RequestHost}, either to the main origin's routes or, when the host is under the
 * wildcard domain, to the spaces' web ports. A host under the wildcard domain that is not exactly one well-formed
 * {@code <username>--<space>--<port, vnc or code>} label is 404: it never falls through to the API, so the API is
 * not served on a host a space's app could share cookies or a look-alike name with.
 */
final class HostDispatch implements HttpHandler {
    private static final AttachmentKey<WebPortHost> SPACE_HOST = AttachmentKey.create(WebPortHost.class);

    private final HttpHandler mainOrigin;
    private final Optional<RouteTable.SpaceHosts> spaceHosts;
    private final TrustedProxies trusted;

    HostDispatch(HttpHandler mainOrigin, Optional<RouteTable.SpaceHosts> spaceHosts, TrustedProxies trusted) {
        this.mainOrigin = requireNonNull(mainOrigin, "mainOrigin is null");
        this.spaceHosts = requireNonNull(spaceHosts, "spaceHosts is null");
        this.trusted = requireNonNull(trusted, "trusted is null");
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        RequestHost host = RequestHost.resolve(exchange, trusted);
        if (spaceHosts.isPresent() && isUnder(host.name(), spaceHosts.get().wildcardDomain())) {
            RouteTable.SpaceHosts space = spaceHosts.get();
            WebPortHost parsed = WebPortHost.parse(host.value(), space.wildcardDomain())
                    .orElseThrow(() -> new RejectedRequestException(ErrorReply.notFound()));
            exchange.putAttachment(SPACE_HOST, parsed);
            Router.limitBody(exchange, space.maxBodyBytes());
            space.handler().handleRequest(exchange);
            return;
        }
        mainOrigin.handleRequest(exchange);
    }

    /** The space host a request on the wildcard domain was sent to. */
    static WebPortHost spaceHost(HttpServerExchange exchange) {
        return requireNonNull(exchange.getAttachment(SPACE_HOST), "not a request on a space host");
    }

    /** Whether {@code name} is below {@code *.domain}: {@code domain} itself is not. */
    private static boolean isUnder(String name, String wildcardDomain) {
        String suffix = wildcardDomain.substring(1);
        return name.endsWith(suffix) && name.length() > suffix.length();
    }
}
