package dev.knot.adapter.http;

import static java.util.Objects.requireNonNull;

import dev.knot.ports.in.AuthUseCases;
import dev.knot.ports.in.Authenticated;
import dev.knot.ports.in.IssuedSecret;
import dev.knot.ports.in.LoginCommand;
import dev.knot.ports.model.ErrorCode;
import dev.knot.ports.model.KnotException;
import dev.knot.ports.model.Session;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.util.Optional;

/**
 * Opening and ending sessions for the API's login routes and the login page alike: a session records the client's
 * address (after trusted proxies) and user agent, and a browser's lives in the session cookie.
 */
final class BrowserSessions {
    private final AuthUseCases auth;
    private final ClientAddresses clientAddresses;
    private final SessionCookie cookie;

    BrowserSessions(AuthUseCases auth, ClientAddresses clientAddresses, SessionCookie cookie) {
        this.auth = requireNonNull(auth, "auth is null");
        this.clientAddresses = requireNonNull(clientAddresses, "clientAddresses is null");
        this.cookie = requireNonNull(cookie, "cookie is null");
    }

    /** Logs in; see {@link AuthUseCases#login} for the refusals. */
    IssuedSecret<Session> open(HttpServerExchange exchange, String email, String password) {
        String userAgent = exchange.getRequestHeaders().getFirst(Headers.USER_AGENT);
        return auth.login(new LoginCommand(
                email, password, clientAddresses.of(exchange), userAgent == null ? "" : userAgent));
    }

    /** Logs in and puts the session in the cookie, never in a body, where script could read it. */
    void openInCookie(HttpServerExchange exchange, String email, String password) {
        cookie.set(exchange, open(exchange, email, password).secret());
    }

    /**
     * Ends the caller's session, sent as a cookie or a bearer, server-side, and clears the cookie. An API token has
     * no session to end. @return whether a session was ended
     */
    boolean end(HttpServerExchange exchange, Caller caller) {
        caller.session().ifPresent(session -> auth.deleteSession(caller.user(), session));
        cookie.clear(exchange);
        return caller.session().isPresent();
    }

    /**
     * Who the session cookie belongs to; empty without one, or when it is not a valid session (expired, logged out,
     * an API token put in the cookie). Refreshes the session, so a write must pass the origin check first.
     */
    static Optional<Authenticated> current(HttpServerExchange exchange, AuthUseCases auth) {
        Optional<String> secret = Credentials.sessionCookie(exchange).filter(auth::isSessionSecret);
        if (secret.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(auth.authenticate(secret.get()));
        } catch (KnotException failure) {
            if (failure.code() == ErrorCode.UNAUTHENTICATED) {
                return Optional.empty();
            }
            throw failure;
        }
    }
}
