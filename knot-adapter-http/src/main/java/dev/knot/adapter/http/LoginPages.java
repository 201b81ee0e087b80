package dev.knot.adapter.http;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import dev.knot.ports.in.AuthUseCases;
import dev.knot.ports.model.ErrorCode;
import dev.knot.ports.model.KnotException;
import dev.knot.ports.model.RateLimitedException;
import dev.knot.ports.model.User;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.StatusCodes;
import java.io.IOException;
import java.net.URLEncoder;

/**
 * Logging in and out with a browser: {@code GET /login?redirect=<local path>} shows the form, {@code POST /login}
 * puts the session in the cookie as {@code POST /api/v1/auth/web} does and sends the browser on to the redirect;
 * {@code GET /} names the user and offers {@code POST /logout}. Pages with no script; the rest of a web UI is not
 * built.
 */
final class LoginPages implements RouteGroup {
    static final String LOGIN = "/login";

    /** One message for every wrong email, password or inactive account, as the API's login gives. */
    static final String WRONG_CREDENTIALS = "Wrong email or password.";

    private final AuthUseCases auth;
    private final BrowserSessions sessions;
    private final SameOriginPolicy origins;
    private final SetupState setup;

    LoginPages(AuthUseCases auth, BrowserSessions sessions, SameOriginPolicy origins, SetupState setup) {
        this.auth = requireNonNull(auth, "auth is null");
        this.sessions = requireNonNull(sessions, "sessions is null");
        this.origins = requireNonNull(origins, "origins is null");
        this.setup = requireNonNull(setup, "setup is null");
    }

    @Override
    public void addTo(RouteTable.Builder routes) {
        routes.get(LOGIN).access(AccessRule.PUBLIC).onWorkerThread(this::loginForm);
        routes.post(LOGIN).access(AccessRule.PUBLIC).onWorkerThread(this::logIn);
        routes.get("/").access(AccessRule.BROWSER).onWorkerThread(this::home);
        routes.post("/logout").access(AccessRule.BROWSER).onWorkerThread(this::logOut);
    }

    /**
     * Where a browser without a session is sent: the login page, with the page it asked for to come back to. A
     * write cannot be repeated by a redirect, so after one the browser comes back to {@code /}.
     */
    static String loginPath(HttpServerExchange exchange) {
        if (!SameOriginPolicy.isSafe(exchange.getRequestMethod())) {
            return LOGIN;
        }
        String asked = AgentProxy.withQuery(exchange, AgentProxy.rawPath(exchange));
        return asked.equals("/") ? LOGIN : LOGIN + "?redirect=" + URLEncoder.encode(asked, UTF_8);
    }

    private void loginForm(HttpServerExchange exchange) {
        BrowserPageRequests.mark(exchange);
        String redirect = LocalPaths.orRoot(QueryParameters.single(exchange, "redirect").orElse(null));
        if (setup.required()) {
            HtmlPage.send(exchange, StatusCodes.OK, "Log in", HtmlPage.paragraph("knot has no users yet.")
                    + HtmlPage.paragraph("Create the first admin first: POST /api/v1/users needs no credential until "
                            + "the first user exists (the README shows how). Then come back here to log in."));
            return;
        }
        if (BrowserSessions.current(exchange, auth).isPresent()) {
            Redirects.seeOther(exchange, redirect);
            return;
        }
        sendForm(exchange, StatusCodes.OK, "", redirect, "");
    }

    private void logIn(HttpServerExchange exchange) throws IOException {
        BrowserPageRequests.mark(exchange);
        // Login CSRF: a foreign page must not log the browser in to an account of the attacker's choosing. A form
        // posted by a browser always states its origin, so a request that states none is refused too.
        try {
            origins.requireSameOrigin(exchange);
        } catch (KnotException refused) {
            HtmlPage.send(exchange, StatusCodes.FORBIDDEN, "Log in", HtmlPage.message(refused.getMessage()));
            return;
        }
        FormBody form = FormBody.read(exchange);
        String redirect = LocalPaths.orRoot(form.field("redirect").orElse("/"));
        String email = form.field("email").orElse("");
        try {
            sessions.openInCookie(exchange, form.required("email"), form.required("password"));
        } catch (RateLimitedException limited) {
            exchange.getResponseHeaders().put(Headers.RETRY_AFTER, ErrorMapper.retryAfterSeconds(limited));
            sendForm(exchange, ErrorMapper.status(limited.code()), limited.getMessage(), redirect, email);
            return;
        } catch (KnotException refused) {
            if (refused.code() == ErrorCode.UNAUTHENTICATED) {
                sendForm(exchange, StatusCodes.UNAUTHORIZED, WRONG_CREDENTIALS, redirect, email);
                return;
            }
            if (refused.code() == ErrorCode.INVALID_ARGUMENT) {
                sendForm(exchange, StatusCodes.BAD_REQUEST, refused.getMessage(), redirect, email);
                return;
            }
            throw refused;
        }
        Redirects.seeOther(exchange, redirect);
    }

    private void home(HttpServerExchange exchange) {
        User user = Caller.of(exchange).user();
        HtmlPage.send(exchange, StatusCodes.OK, "knot", "<p>Logged in as <strong>" + Html.escape(user.username())
                + "</strong> (" + Html.escape(user.email()) + ").</p>"
                + HtmlPage.paragraph("knot for Java has no web UI beyond this: use the knot CLI "
                        + "(knot connect <server> --use-web-auth creates an API token through this browser).")
                + "<form method=\"post\" action=\"/logout\"><button type=\"submit\">Log out</button></form>");
    }

    private void logOut(HttpServerExchange exchange) {
        sessions.end(exchange, Caller.of(exchange));
        Redirects.seeOther(exchange, LOGIN);
    }

    private static void sendForm(HttpServerExchange exchange, int status, String message, String redirect,
            String email) {
        HtmlPage.send(exchange, status, "Log in", (message.isEmpty() ? "" : HtmlPage.message(message))
                + "<form method=\"post\" action=\"" + LOGIN + "\">"
                + "<input type=\"hidden\" name=\"redirect\" value=\"" + Html.escape(redirect) + "\">"
                + "<label for=\"email\">Email</label>"
                + "<input id=\"email\" name=\"email\" type=\"email\" autocomplete=\"username\" required autofocus"
                + " value=\"" + Html.escape(email) + "\">"
                + "<label for=\"password\">Password</label>"
                + "<input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\""
                + " required>"
                + "<button type=\"submit\">Log in</button></form>");
    }
}
