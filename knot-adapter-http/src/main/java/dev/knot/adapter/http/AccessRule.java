package dev.knot.adapter.http;

import static java.util.Objects.requireNonNull;

import dev.knot.ports.model.Permission;

/**
 * Who may call a route. Every route states one; there is no default, so a route nobody thought about cannot be
 * reached by accident.
 */
sealed interface AccessRule
        permits AccessRule.Public,
                AccessRule.Authenticated,
                AccessRule.RequiresPermission,
                AccessRule.FirstAdminOrPermission,
                AccessRule.Websocket,
                AccessRule.Browser,
                AccessRule.Agent {

    /** Anyone, without credentials: /health, login, agent registration. */
    AccessRule PUBLIC = new Public();

    /** Any active user with a valid session cookie or API token. */
    AccessRule AUTHENTICATED = new Authenticated();

    /**
     * A websocket handshake by any active user. It is a GET, but it opens a two-way channel (a shell), so a
     * cookie-authenticated handshake must state exactly our origin: cross-site websocket hijacking is refused before
     * anything is opened.
     */
    AccessRule WEBSOCKET = new Websocket();

    /**
     * A page for a browser: any active user. A request with an {@code Authorization} header is checked as for
     * {@link #AUTHENTICATED}; one without is a browser, which needs a valid session cookie and, lacking one, is sent
     * to the login page (303) instead of being answered 401. Cookie-authenticated writes must state our origin.
     */
    AccessRule BROWSER = new Browser();

    /**
     * The agent of the space named by the path parameter {@value #AGENT_SPACE_PARAMETER}, with its current access
     * token as bearer. No user credential opens these routes, and an agent token opens nothing else.
     */
    AccessRule AGENT = new Agent();

    String AGENT_SPACE_PARAMETER = "space_id";

    /** An active user whose roles grant the permission. */
    static AccessRule permission(Permission permission) {
        return new RequiresPermission(permission);
    }

    /**
     * Creating users: without credentials while knot has no user yet (the first admin is made this way), and with
     * the permission afterwards. Every other rule answers 401 until setup is done.
     */
    static AccessRule firstAdminOr(Permission permission) {
        return new FirstAdminOrPermission(permission);
    }

    record Public() implements AccessRule {}

    record Authenticated() implements AccessRule {}

    record RequiresPermission(Permission permission) implements AccessRule {
        public RequiresPermission {
            requireNonNull(permission, "permission is null");
        }
    }

    record FirstAdminOrPermission(Permission permission) implements AccessRule {
        public FirstAdminOrPermission {
            requireNonNull(permission, "permission is null");
        }
    }

    record Websocket() implements AccessRule {}

    record Browser() implements AccessRule {}

    record Agent() implements AccessRule {}
}
