package dev.knot.adapter.http;

import static java.util.Objects.requireNonNull;

import dev.knot.ports.in.WebPortPass;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.net.URI;
import java.util.List;

/**
 * The pass of one space host, as a cookie on that host: host-only (no {@code Domain}), so neither knot nor another
 * space ever receives it; {@code HttpOnly}; {@code SameSite=Lax}; kept for the pass's lifetime. Whenever knot is
 * reached over https it is {@code Secure} and named with the {@code __Host-} prefix, which browsers refuse to set
 * with a {@code Domain}, so a space cannot plant one for its siblings.
 */
final class WebPortPassCookie {
    static final String NAME = "KNOT_WEBPORT_PASS";

    /**
     * A cookie of the same name set for the parent domain (by a script of a space's app, over plain http) may come
     * along with the real one; a few are tried, each only valid for the host it was issued for.
     */
    private static final int MOST_TRIED = 4;

    private final String name;
    private final String attributes;

    WebPortPassCookie(URI publicUrl) {
        requireNonNull(publicUrl, "publicUrl is null");
        boolean https = "https".equals(publicUrl.getScheme());
        this.name = https ? "__Host-" + NAME : NAME;
        this.attributes = "; Path=/; HttpOnly; SameSite=Lax" + (https ? "; Secure" : "");
    }

    String name() {
        return name;
    }

    void set(HttpServerExchange exchange, WebPortPass pass) {
        long maxAge = Math.max(1, pass.lifetime().toSeconds());
        exchange.getResponseHeaders()
                .add(Headers.SET_COOKIE, name + "=" + pass.value() + "; Max-Age=" + maxAge + attributes);
    }

    /** The passes the request presents, at most a few. */
    List<String> presented(HttpServerExchange exchange) {
        return KnotCookies.values(exchange.getRequestHeaders(), name).stream()
                .filter(value -> !value.isEmpty())
                .limit(MOST_TRIED)
                .toList();
    }
}
