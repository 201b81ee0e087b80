package dev.knot.adapter.http;

import static java.util.Objects.requireNonNull;

import dev.knot.ports.in.AuthUseCases;
import dev.knot.ports.model.Session;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.StatusCodes;
import java.util.List;

/**
 * The caller's own sessions. Works with any credential: the original panicked here when called with a bearer
 * token, because it had no session in the request.
 */
final class SessionRoutes implements RouteGroup {
    private final AuthUseCases auth;
    private final JsonCodec json;

    SessionRoutes(AuthUseCases auth, JsonCodec json) {
        this.auth = requireNonNull(auth, "auth is null");
        this.json = requireNonNull(json, "json is null");
    }

    record SessionReply(String sessionId, String ip, boolean current, String expiresAt, String userAgent) {}

    @Override
    public void addTo(RouteTable.Builder routes) {
        routes.get(ApiPaths.V1 + "/sessions").access(AccessRule.AUTHENTICATED).onWorkerThread(this::list);
        routes.delete(ApiPaths.V1 + "/sessions/{session_id}")
                .access(AccessRule.AUTHENTICATED)
                .onWorkerThread(this::delete);
    }

    private void list(HttpServerExchange exchange) {
        Caller caller = Caller.of(exchange);
        List<SessionReply> sessions = auth.listSessions(caller.user()).stream()
                .map(session -> new SessionReply(session.id().value(), session.ip(),
                        caller.session().map(session.id()::equals).orElse(false),
                        UserReplies.time(session.expiresAt()), session.userAgent()))
                .toList();
        json.send(exchange, StatusCodes.OK, sessions);
    }

    private void delete(HttpServerExchange exchange) {
        auth.deleteSession(Caller.of(exchange).user(), ApiPaths.<Session>id(exchange, "session_id"));
        json.send(exchange, StatusCodes.OK, StatusReply.OK);
    }
}
