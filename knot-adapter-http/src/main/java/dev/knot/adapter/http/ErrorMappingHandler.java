package dev.knot.adapter.http;

import static java.util.Objects.requireNonNull;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;

/**
 * Hands every failure of the wrapped handler to the {@link ErrorMapper}. It wraps the router on the I/O thread and,
 * again, each worker-thread route inside its dispatch, because a failure on a worker thread never travels back up
 * the I/O thread's stack.
 */
final class ErrorMappingHandler implements HttpHandler {
    private final HttpHandler next;
    private final ErrorMapper errors;

    ErrorMappingHandler(HttpHandler next, ErrorMapper errors) {
        this.next = requireNonNull(next, "next is null");
        this.errors = requireNonNull(errors, "errors is null");
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        try {
            next.handleRequest(exchange);
        } catch (Throwable failure) {
            errors.respond(exchange, failure);
        }
    }
}
