package dev.knot.adapter.http;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import io.undertow.util.HttpString;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The id each request gets, sent back in {@code X-Request-Id} and written in every log line about the request, so
 * that a user's report of a 500 leads to its log entry. A client's own {@code X-Request-Id} is ignored: it would let
 * a caller forge or inject log text.
 */
final class RequestIds {
    static final HttpString HEADER = new HttpString("X-Request-Id");

    private static final AttachmentKey<String> KEY = AttachmentKey.create(String.class);

    private RequestIds() {}

    static void assign(HttpServerExchange exchange) {
        // A correlation id needs to be unique in the logs, not unguessable, so a fast random is enough.
        String hex = Long.toHexString(ThreadLocalRandom.current().nextLong());
        String id = "0".repeat(16 - hex.length()) + hex;
        exchange.putAttachment(KEY, id);
        exchange.getResponseHeaders().put(HEADER, id);
    }

    static String of(HttpServerExchange exchange) {
        String id = exchange.getAttachment(KEY);
        return id == null ? "-" : id;
    }
}
