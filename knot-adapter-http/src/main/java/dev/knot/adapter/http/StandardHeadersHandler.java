package dev.knot.adapter.http;

import static java.util.Objects.requireNonNull;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderMap;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;

/**
 * Gives every response its request id and the security headers an API needs. They are set before anything else
 * runs, so error and shutdown answers carry them too; a route that serves HTML replaces the policy it needs to.
 */
final class StandardHeadersHandler implements HttpHandler {
    private static final HttpString CONTENT_SECURITY_POLICY = new HttpString("Content-Security-Policy");
    private static final HttpString REFERRER_POLICY = new HttpString("Referrer-Policy");
    private static final HttpString CONTENT_TYPE_OPTIONS = new HttpString("X-Content-Type-Options");
    private static final HttpString FRAME_OPTIONS = new HttpString("X-Frame-Options");

    private final HttpHandler next;

    StandardHeadersHandler(HttpHandler next) {
        this.next = requireNonNull(next, "next is null");
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        RequestIds.assign(exchange);
        HeaderMap headers = exchange.getResponseHeaders();
        headers.put(CONTENT_TYPE_OPTIONS, "nosniff");
        // An API answer is data, never a page: it may load nothing and be framed by no one.
        headers.put(CONTENT_SECURITY_POLICY, "default-src 'none'; frame-ancestors 'none'");
        headers.put(FRAME_OPTIONS, "DENY");
        headers.put(REFERRER_POLICY, "no-referrer");
        // Answers carry sessions, tokens and user data: no cache may keep them.
        headers.put(Headers.CACHE_CONTROL, "no-store");
        next.handleRequest(exchange);
    }
}
