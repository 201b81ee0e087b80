package dev.knot.adapter.http;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.StatusCodes;

/** Answers that send the browser elsewhere. */
final class Redirects {
    private Redirects() {}

    /** 302 to {@code location}, with no body. */
    static void found(HttpServerExchange exchange, String location) {
        send(exchange, StatusCodes.FOUND, location);
    }

    /** 303 to {@code location}: the browser follows it with a GET, whatever the method of the request was. */
    static void seeOther(HttpServerExchange exchange, String location) {
        send(exchange, StatusCodes.SEE_OTHER, location);
    }

    private static void send(HttpServerExchange exchange, int status, String location) {
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.LOCATION, location);
        exchange.endExchange();
    }
}
