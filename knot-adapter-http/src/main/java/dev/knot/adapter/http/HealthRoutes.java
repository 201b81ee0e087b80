package dev.knot.adapter.http;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;

/**
 * {@code GET /health}: 200 {@code OK} as plain text, without credentials, as the original answers; the install
 * guide's Nomad check polls it. It touches nothing, so it answers on the I/O thread.
 */
final class HealthRoutes implements RouteGroup {
    @Override
    public void addTo(RouteTable.Builder routes) {
        routes.get("/health").access(AccessRule.PUBLIC).onIoThread(HealthRoutes::health);
    }

    private static void health(HttpServerExchange exchange) {
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain; charset=utf-8");
        exchange.getResponseSender().send("OK");
    }
}
