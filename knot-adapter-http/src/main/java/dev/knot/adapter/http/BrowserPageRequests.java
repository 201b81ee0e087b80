package dev.knot.adapter.http;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;

/**
 * Marks the requests a browser made for one of knot's pages (the {@link AccessRule#BROWSER} rule without an
 * {@code Authorization} header), so that a refusal or failure on them is answered with a page a person can read
 * rather than the API's JSON.
 */
final class BrowserPageRequests {
    private static final AttachmentKey<Boolean> PAGE = AttachmentKey.create(Boolean.class);

    private BrowserPageRequests() {}

    static void mark(HttpServerExchange exchange) {
        exchange.putAttachment(PAGE, Boolean.TRUE);
    }

    static boolean isPage(HttpServerExchange exchange) {
        return Boolean.TRUE.equals(exchange.getAttachment(PAGE));
    }
}
