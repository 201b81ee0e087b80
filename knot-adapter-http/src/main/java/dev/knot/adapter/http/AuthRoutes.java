package dev.knot.adapter.http;

import static java.util.Objects.requireNonNull;

import dev.knot.ports.in.IssuedSecret;
import dev.knot.ports.model.KnotException;
import dev.knot.ports.model.Session;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.StatusCodes;

/**
 * Login and logout. {@code POST /auth} answers the session secret for API clients, which send it back as a bearer;
 * {@code POST /auth/web} puts it in the session cookie instead, and not in the body, where script could read it.
 */
final class AuthRoutes implements RouteGroup {
    private final JsonCodec json;
    private final SameOriginPolicy origins;
    private final BrowserSessions sessions;

    AuthRoutes(JsonCodec json, SameOriginPolicy origins, BrowserSessions sessions) {
        this.json = requireNonNull(json, "json is null");
        this.origins = requireNonNull(origins, "origins is null");
        this.sessions = requireNonNull(sessions, "sessions is null");
    }

    /** {@code {email, password}}. */
    record LoginRequest(String email, String password) {
        LoginRequest {
            if (email == null) {
                throw KnotException.invalid("email: is required");
            }
            if (password == null) {
                throw KnotException.invalid("password: is required");
            }
        }

        @Override
        public String toString() {
            return "LoginRequest[email=" + email + "]";
        }
    }

    record LoginReply(boolean status, String token) {
        @Override
        public String toString() {
            return "LoginReply[status=" + status + "]";
        }
    }

    @Override
    public void addTo(RouteTable.Builder routes) {
        routes.post(ApiPaths.V1 + "/auth").access(AccessRule.PUBLIC).onWorkerThread(this::login);
        routes.post(ApiPaths.V1 + "/auth/web").access(AccessRule.PUBLIC).onWorkerThread(this::webLogin);
        routes.post(ApiPaths.V1 + "/auth/logout").access(AccessRule.AUTHENTICATED).onWorkerThread(this::logout);
    }

    private void login(HttpServerExchange exchange) throws Exception {
        LoginRequest request = json.readBody(exchange, LoginRequest.class);
        IssuedSecret<Session> session = sessions.open(exchange, request.email(), request.password());
        json.send(exchange, StatusCodes.OK, new LoginReply(true, session.secret()));
    }

    private void webLogin(HttpServerExchange exchange) throws Exception {
        // Login CSRF: a foreign page must not log the browser in to an account of the attacker's choosing.
        origins.requireSameOriginWhenStated(exchange);
        LoginRequest request = json.readBody(exchange, LoginRequest.class);
        sessions.openInCookie(exchange, request.email(), request.password());
        json.send(exchange, StatusCodes.OK, StatusReply.OK);
    }

    private void logout(HttpServerExchange exchange) {
        boolean ended = sessions.end(exchange, Caller.of(exchange));
        json.send(exchange, StatusCodes.OK, new StatusReply(ended));
    }
}
