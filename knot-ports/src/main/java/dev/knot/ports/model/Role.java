package dev.knot.ports.model;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** The five built-in roles, with the original knot's ids and names. Roles are not stored; they are code. */
public enum Role {
    ADMIN("00000000-0000-0000-0000-000000000000", "Admin", EnumSet.allOf(Permission.class)),
    USER_MANAGER("00000000-0000-0000-0000-000000000001", "User Manager", EnumSet.of(Permission.MANAGE_USERS)),
    TEMPLATE_MANAGER(
            "00000000-0000-0000-0000-000000000002", "Template Manager", EnumSet.of(Permission.MANAGE_TEMPLATES)),
    SPACE_MANAGER("00000000-0000-0000-0000-000000000003", "Space Manager", EnumSet.of(Permission.MANAGE_SPACES)),
    VOLUME_MANAGER("00000000-0000-0000-0000-000000000004", "Volume Manager", EnumSet.of(Permission.MANAGE_VOLUMES));

    private final String id;
    private final String displayName;
    private final Set<Permission> permissions;

    Role(String id, String displayName, Set<Permission> permissions) {
        this.id = requireNonNull(id, "id is null");
        this.displayName = requireNonNull(displayName, "displayName is null");
        this.permissions = Set.copyOf(permissions);
    }

    /** The role's id as the original knot stores it in {@code users.roles}. */
    public String id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    public Set<Permission> permissions() {
        return permissions;
    }

    public boolean grants(Permission permission) {
        return permissions.contains(permission);
    }

    public static Optional<Role> fromId(String id) {
        return Arrays.stream(values()).filter(role -> role.id.equals(id)).findFirst();
    }
}
