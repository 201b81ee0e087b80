package dev.knot.adapter.http;

import static java.util.Objects.requireNonNull;

import dev.knot.ports.model.ErrorCode;
import dev.knot.ports.model.KnotException;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * CSRF defence for cookie-authenticated requests. Space apps run on sibling subdomains, which are same-site, so
 * SameSite cookies alone do not stop them; the request's {@code Origin} (or {@code Referer}) must be exactly the
 * public URL's origin: scheme, host and port, compared whole, never by prefix or suffix.
 */
final class SameOriginPolicy {
    static final String REFUSED_MESSAGE = "cross-site request refused";

    private static final HttpString ORIGIN = new HttpString("Origin");
    private static final HttpString REFERER = new HttpString("Referer");
    private static final HttpString FETCH_SITE = new HttpString("Sec-Fetch-Site");

    private final String origin;

    SameOriginPolicy(URI publicUrl) {
        requireNonNull(publicUrl, "publicUrl is null");
        this.origin = originOf(publicUrl.toString())
                .orElseThrow(() -> new IllegalArgumentException("publicUrl has no origin: " + publicUrl));
    }

    /** GET, HEAD and OPTIONS change nothing, so they need no proof of origin. */
    static boolean isSafe(HttpString method) {
        return method.equals(Methods.GET) || method.equals(Methods.HEAD) || method.equals(Methods.OPTIONS);
    }

    /** A cookie-authenticated write: it must state our origin. */
    void requireSameOrigin(HttpServerExchange exchange) {
        Optional<String> stated = statedOrigin(exchange);
        if (stated.isEmpty() || !stated.get().equals(origin)) {
            throw refused();
        }
    }

    /**
     * Logging in through the cookie-setting endpoint: a browser always states where the request came from, so a
     * stated foreign origin is refused (login CSRF); a client that states none (curl, the CLI) is not a browser.
     */
    void requireSameOriginWhenStated(HttpServerExchange exchange) {
        boolean stated =
                exchange.getRequestHeaders().contains(ORIGIN) || exchange.getRequestHeaders().contains(REFERER);
        String fetchSite = exchange.getRequestHeaders().getFirst(FETCH_SITE);
        boolean crossSite = fetchSite != null && !"same-origin".equalsIgnoreCase(fetchSite)
                && !"none".equalsIgnoreCase(fetchSite);
        if (stated || crossSite) {
            requireSameOrigin(exchange);
        }
    }

    private static Optional<String> statedOrigin(HttpServerExchange exchange) {
        String originHeader = exchange.getRequestHeaders().getFirst(ORIGIN);
        if (originHeader != null) {
            return originOf(originHeader);
        }
        String referer = exchange.getRequestHeaders().getFirst(REFERER);
        return referer == null ? Optional.empty() : originOf(referer);
    }

    /** {@code scheme://host:port} with the default port made explicit; empty for anything that is not http(s). */
    private static Optional<String> originOf(String text) {
        URI uri;
        try {
            uri = new URI(text.trim());
        } catch (URISyntaxException malformed) {
            return Optional.empty();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        int defaultPort;
        if (scheme.equals("https")) {
            defaultPort = 443;
        } else if (scheme.equals("http")) {
            defaultPort = 80;
        } else {
            return Optional.empty();
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null) {
            return Optional.empty();
        }
        int port = uri.getPort() == -1 ? defaultPort : uri.getPort();
        return Optional.of(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port);
    }

    private static KnotException refused() {
        return new KnotException(ErrorCode.PERMISSION_DENIED, REFUSED_MESSAGE);
    }
}
