package dev.knot.adapter.http;

import static java.util.Objects.requireNonNull;

import dev.knot.ports.model.ErrorCode;
import dev.knot.ports.model.KnotException;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;

/** Runs a route's handler only once its access rule is met; on the thread the handler runs on. */
final class AccessGuard implements HttpHandler {
    /** The original's one 401 message, whatever was wrong with the credentials. */
    static final String UNAUTHENTICATED_MESSAGE = "Authentication token is not valid";

    private final AccessRule rule;
    private final HttpHandler next;

    AccessGuard(AccessRule rule, HttpHandler next) {
        this.rule = requireNonNull(rule, "rule is null");
        this.next = requireNonNull(next, "next is null");
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        // Nothing can authenticate a caller yet, so every rule but PUBLIC denies: default deny until sessions,
        // tokens and agent tokens are checked here.
        if (!(rule instanceof AccessRule.Public)) {
            throw new KnotException(ErrorCode.UNAUTHENTICATED, UNAUTHENTICATED_MESSAGE);
        }
        next.handleRequest(exchange);
    }
}
