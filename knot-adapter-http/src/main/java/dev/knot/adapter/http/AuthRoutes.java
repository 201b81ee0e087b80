package dev.knot.adapter.http;

import static java.util.Objects.requireNonNull;

import dev.knot.ports.in.AuthUseCases;
import dev.knot.ports.in.IssuedSecret;
import dev.knot.ports.in.LoginCommand;
import dev.knot.ports.model.KnotException;
import dev.knot.ports.model.Session;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.StatusCodes;

/**
 * Login and logout. {@code POST /auth} answers the session secret for API clients, which send it back as a bearer;
 * {@code POST /auth/web} puts it in the session cookie instead, and not in the body, where script could read it.
 */
final class AuthRoutes implements RouteGroup {
    private final AuthUseCases auth;
    private final JsonCodec json;
    private final ClientAddresses clientAddresses;
    private final SameOriginPolicy origins;
    private final SessionCookie cookie;

    AuthRoutes(
            AuthUseCases auth,
            JsonCodec json,
            ClientAddresses clientAddresses,
            SameOriginPolicy origins,
            SessionCookie cookie) {
        this.auth = requireNonNull(auth, "auth is null");
        this.json = requireNonNull(json, "json is null");
        this.clientAddresses = requireNonNull(clientAddresses, "clientAddresses is null");
        this.origins = requireNonNull(origins, "origins is null");
        this.cookie = requireNonNull(cookie, "cookie is null");
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
        IssuedSecret<Session> session = openSession(exchange);
        json.send(exchange, StatusCodes.OK, new LoginReply(true, session.secret()));
    }

    private void webLogin(HttpServerExchange exchange) throws Exception {
        // Login CSRF: a foreign page must not log the browser in to an account of the attacker's choosing.
        origins.requireSameOriginWhenStated(exchange);
        IssuedSecret<Session> session = openSession(exchange);
        cookie.set(exchange, session.secret());
        json.send(exchange, StatusCodes.OK, StatusReply.OK);
    }

    private void logout(HttpServerExchange exchange) {
        Caller caller = Caller.of(exchange);
        // An API token has no session to end; a session, sent as a cookie or a bearer, is deleted server-side.
        boolean ended = caller.session().isPresent();
        caller.session().ifPresent(session -> auth.deleteSession(caller.user(), session));
        cookie.clear(exchange);
        json.send(exchange, StatusCodes.OK, new StatusReply(ended));
    }

    private IssuedSecret<Session> openSession(HttpServerExchange exchange) throws Exception {
        LoginRequest request = json.readBody(exchange, LoginRequest.class);
        String userAgent = exchange.getRequestHeaders().getFirst(Headers.USER_AGENT);
        return auth.login(new LoginCommand(
                request.email(), request.password(), clientAddresses.of(exchange), userAgent == null ? "" : userAgent));
    }
}
