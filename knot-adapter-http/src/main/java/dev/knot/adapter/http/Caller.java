package dev.knot.adapter.http;

import static java.util.Objects.requireNonNull;

import dev.knot.ports.model.Id;
import dev.knot.ports.model.Session;
import dev.knot.ports.model.User;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import java.util.Optional;

/**
 * The authenticated user of a request, attached by the access guard for routes that are not public.
 *
 * @param session the session the credential opened, empty for an API token
 */
record Caller(User user, Optional<Id<Session>> session) {
    private static final AttachmentKey<Caller> KEY = AttachmentKey.create(Caller.class);

    Caller {
        requireNonNull(user, "user is null");
        requireNonNull(session, "session is null");
    }

    void attachTo(HttpServerExchange exchange) {
        exchange.putAttachment(KEY, this);
    }

    /** The caller, or empty on a public route and during first-run setup. */
    static Optional<Caller> find(HttpServerExchange exchange) {
        return Optional.ofNullable(exchange.getAttachment(KEY));
    }

    /** The caller of a route that requires one; the guard attached it before the handler ran. */
    static Caller of(HttpServerExchange exchange) {
        return find(exchange).orElseThrow(
                () -> new IllegalStateException("no caller attached: is the route declared PUBLIC?"));
    }
}
