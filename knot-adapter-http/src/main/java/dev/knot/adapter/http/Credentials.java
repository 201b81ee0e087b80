package dev.knot.adapter.http;

import dev.knot.ports.model.ErrorCode;
import dev.knot.ports.model.KnotException;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderValues;
import io.undertow.util.Headers;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Where a request's credential is: {@code Authorization: Bearer} (a session secret or an API token), else the
 * session cookie. Never the query string: URLs end up in logs, histories and {@code Referer} headers.
 */
final class Credentials {
    static final String SESSION_COOKIE = "__KNOT_WEBUI_SESSION";

    private static final String BEARER = "bearer ";
    private static final Set<String> QUERY_NAMES = Set.of("token", "access_token", "session", "api_key");

    private Credentials() {}

    /** A credential as the request carried it. Its secret is never printed. */
    record Presented(String secret, boolean fromCookie) {
        @Override
        public String toString() {
            return fromCookie ? "Presented[session cookie]" : "Presented[bearer]";
        }
    }

    /** @throws KnotException INVALID_ARGUMENT when the query string names a credential; it is not looked at */
    static void refuseInQuery(HttpServerExchange exchange) {
        for (String name : exchange.getQueryParameters().keySet()) {
            if (QUERY_NAMES.contains(name.toLowerCase(Locale.ROOT))) {
                throw KnotException.invalid(
                        "credentials are not accepted in the query string: send them in the Authorization header");
            }
        }
    }

    /**
     * The request's credential, or empty when it carries none.
     *
     * @throws KnotException UNAUTHENTICATED when it carries one that cannot be used: a malformed or repeated
     *     {@code Authorization} header, or the session cookie twice (a second one may have been set by a space app)
     */
    static Optional<Presented> find(HttpServerExchange exchange) {
        HeaderValues authorization = exchange.getRequestHeaders().get(Headers.AUTHORIZATION);
        if (authorization != null && !authorization.isEmpty()) {
            if (authorization.size() > 1) {
                throw unauthenticated();
            }
            String value = authorization.getFirst();
            if (value.length() <= BEARER.length() || !value.substring(0, BEARER.length()).equalsIgnoreCase(BEARER)) {
                throw unauthenticated();
            }
            String secret = value.substring(BEARER.length()).trim();
            if (secret.isEmpty()) {
                throw unauthenticated();
            }
            return Optional.of(new Presented(secret, false));
        }
        return sessionCookie(exchange).map(secret -> new Presented(secret, true));
    }

    static KnotException unauthenticated() {
        return new KnotException(ErrorCode.UNAUTHENTICATED, AccessGuard.UNAUTHENTICATED_MESSAGE);
    }

    /**
     * The session cookie's value, whatever the {@code Authorization} header says; empty without one.
     *
     * @throws KnotException UNAUTHENTICATED when the request carries the cookie twice
     */
    static Optional<String> sessionCookie(HttpServerExchange exchange) {
        HeaderValues headers = exchange.getRequestHeaders().get(Headers.COOKIE);
        if (headers == null) {
            return Optional.empty();
        }
        String found = null;
        for (String header : headers) {
            for (String pair : header.split(";")) {
                int equals = pair.indexOf('=');
                if (equals < 0 || !pair.substring(0, equals).trim().equals(SESSION_COOKIE)) {
                    continue;
                }
                if (found != null) {
                    throw unauthenticated();
                }
                found = pair.substring(equals + 1).trim();
            }
        }
        return Optional.ofNullable(found).filter(value -> !value.isEmpty());
    }
}
