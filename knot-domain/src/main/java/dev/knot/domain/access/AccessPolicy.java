package dev.knot.domain.access;

import static java.lang.String.format;

import dev.knot.ports.model.ErrorCode;
import dev.knot.ports.model.Id;
import dev.knot.ports.model.KnotException;
import dev.knot.ports.model.Permission;
import dev.knot.ports.model.Space;
import dev.knot.ports.model.User;
import java.util.Locale;

/**
 * Who may do what. The rules live here, in the domain, so every caller (REST, CLI, an embedding application)
 * gets the same answer.
 */
public final class AccessPolicy {
    private AccessPolicy() {}

    public static void requirePermission(User actor, Permission permission) {
        if (!actor.active() || !actor.hasPermission(permission)) {
            throw new KnotException(ErrorCode.PERMISSION_DENIED, format("No permission to %s", describe(permission)));
        }
    }

    /** The actor is the user in question, or may manage users. */
    public static void requireSelfOrPermission(User actor, Id<User> userId, Permission permission) {
        if (!isSelf(actor, userId)) {
            requirePermission(actor, permission);
        }
    }

    public static boolean isSelf(User actor, Id<User> userId) {
        return actor.id().equals(userId);
    }

    public static boolean may(User actor, Permission permission) {
        return actor.active() && actor.hasPermission(permission);
    }

    /** The actor owns the space or manages spaces (and is active). */
    public static boolean mayUseSpace(User actor, Space space) {
        return actor.active() && (space.userId().equals(actor.id()) || actor.hasPermission(Permission.MANAGE_SPACES));
    }

    private static String describe(Permission permission) {
        // MANAGE_USERS -> "manage users", the original's wording.
        return permission.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
