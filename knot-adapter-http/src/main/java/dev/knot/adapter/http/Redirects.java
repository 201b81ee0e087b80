package dev.knot.adapter.http;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.StatusCodes;

/** Answers that send the browser elsewhere. */
final class Redirects {
    private Redirects() {}

    /** 302 to {@code location}, with no body. */
    static void found(HttpServerExchange exchange, String location) {
        exchange.setStatusCode(StatusCodes.FOUND);
        exchange.getResponseHeaders().put(Headers.LOCATION, location);
        exchange.endExchange();
    }
}
