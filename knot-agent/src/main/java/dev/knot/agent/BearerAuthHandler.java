package dev.knot.agent;

import static java.util.Objects.requireNonNull;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.StatusCodes;

/**
 * Lets a request through only with `Authorization: Bearer <server token of the current registration>`. A missing
 * header is refused like a wrong one (the original wrote 401 and ran the handler anyway, §4.4).
 */
final class BearerAuthHandler implements HttpHandler {
    private static final String PREFIX = "Bearer ";

    private final CurrentRegistration current;
    private final HttpHandler next;

    BearerAuthHandler(CurrentRegistration current, HttpHandler next) {
        this.current = requireNonNull(current, "current is null");
        this.next = requireNonNull(next, "next is null");
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        String header = exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())
                || !current.accepts(header.substring(PREFIX.length()).trim())) {
            exchange.setStatusCode(StatusCodes.UNAUTHORIZED);
            exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
            exchange.getResponseSender().send("{\"error\":\"unauthorized\"}");
            return;
        }
        next.handleRequest(exchange);
    }
}
