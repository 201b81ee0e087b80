package dev.knot.ports.in;

import static java.util.Objects.requireNonNull;

import dev.knot.ports.model.Group;
import dev.knot.ports.model.Id;
import dev.knot.ports.model.Role;
import dev.knot.ports.model.Shell;
import java.util.Set;

/**
 * A new user, as an admin (or the first-run setup) describes it. Field rules are checked when the user record
 * is built; the password rules here.
 *
 * @param servicePassword "" to have one generated
 */
public record CreateUserCommand(
        String username,
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
    public CreateUserCommand {
        requireNonNull(username, "username is null");
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
        return "CreateUserCommand[username=" + username + ", roles=" + roles + "]";
    }
}
