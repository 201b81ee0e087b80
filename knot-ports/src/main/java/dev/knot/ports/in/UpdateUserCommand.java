package dev.knot.ports.in;

import static java.util.Objects.requireNonNull;

import dev.knot.ports.model.Group;
import dev.knot.ports.model.Id;
import dev.knot.ports.model.Role;
import dev.knot.ports.model.Shell;
import java.util.Set;

/**
 * Changes to a user, with the original's PUT semantics: every field is given; an empty {@code password} or
 * {@code servicePassword} leaves it unchanged. Roles, groups, quotas and {@code active} are applied only when the
 * caller may manage users; for anyone else they must equal the current values or they are ignored.
 */
public record UpdateUserCommand(
        String email,
        String password,
        String servicePassword,
        Set<Role> roles,
        Set<Id<Group>> groups,
        boolean active,
        int maxSpaces,
        int maxDiskSpace,
        String sshPublicKey,
        String githubUsername,
        Shell preferredShell,
        String timezone) {
    public UpdateUserCommand {
        requireNonNull(email, "email is null");
        requireNonNull(password, "password is null");
        requireNonNull(servicePassword, "servicePassword is null");
        roles = Set.copyOf(requireNonNull(roles, "roles is null"));
        groups = Set.copyOf(requireNonNull(groups, "groups is null"));
        requireNonNull(sshPublicKey, "sshPublicKey is null");
        requireNonNull(githubUsername, "githubUsername is null");
        requireNonNull(preferredShell, "preferredShell is null");
        requireNonNull(timezone, "timezone is null");
    }

    @Override
    public String toString() {
        return "UpdateUserCommand[email=" + email + ", roles=" + roles + "]";
    }
}
