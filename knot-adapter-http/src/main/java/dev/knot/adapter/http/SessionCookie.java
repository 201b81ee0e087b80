package dev.knot.adapter.http;

import static java.util.Objects.requireNonNull;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.net.URI;

/**
 * The browser session cookie, with the original's name. Host-only (no {@code Domain}), so space apps on
 * subdomains never receive it; no {@code Max-Age}, so it ends with the browser; {@code Secure} whenever knot is
 * reached over https.
 */
final class SessionCookie {
    private final String attributes;

    SessionCookie(URI publicUrl) {
        requireNonNull(publicUrl, "publicUrl is null");
        boolean https = "https".equals(publicUrl.getScheme());
        this.attributes = "; Path=/; HttpOnly; SameSite=Lax" + (https ? "; Secure" : "");
    }

    void set(HttpServerExchange exchange, String sessionSecret) {
        exchange.getResponseHeaders()
                .add(Headers.SET_COOKIE, Credentials.SESSION_COOKIE + "=" + sessionSecret + attributes);
    }

    void clear(HttpServerExchange exchange) {
        exchange.getResponseHeaders().add(Headers.SET_COOKIE,
                Credentials.SESSION_COOKIE + "=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT" + attributes);
    }
}
