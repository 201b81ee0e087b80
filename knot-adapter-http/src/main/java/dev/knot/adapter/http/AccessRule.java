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
                AccessRule.Agent {

    /** Anyone, without credentials: /health, login, agent registration. */
    AccessRule PUBLIC = new Public();

    /** Any active user with a valid session cookie or API token. */
    AccessRule AUTHENTICATED = new Authenticated();

    /** The agent of the space named in the path, with that space's agent token. */
    AccessRule AGENT = new Agent();

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

    record Agent() implements AccessRule {}
}
