package dev.knot.adapter.http;

import static java.lang.String.format;

import dev.knot.ports.in.CreateUserCommand;
import dev.knot.ports.in.UpdateUserCommand;
import dev.knot.ports.model.KnotException;
import dev.knot.ports.model.Role;
import dev.knot.ports.model.Shell;
import dev.knot.ports.model.User;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The body of {@code POST /users} and {@code PUT /users/{user_id}}, with the original's fields. On create a missing
 * field takes a sensible default (active, bash, UTC, no roles); on update a missing field keeps the user's current
 * value, so a client that sends only what it changes cannot deactivate or strip a user by omission. Empty
 * passwords mean "unchanged". {@code username} is ignored by PUT.
 */
record UserRequest(
        String username,
        String password,
        String servicePassword,
        String email,
        List<String> roles,
        List<String> groups,
        Boolean active,
        Integer maxSpaces,
        Integer maxDiskSpace,
        String sshPublicKey,
        String githubUsername,
        String preferredShell,
        String timezone) {

    CreateUserCommand toCreateCommand() {
        return new CreateUserCommand(
                or(username, ""),
                or(email, ""),
                or(password, ""),
                or(servicePassword, ""),
                roles == null ? Set.of() : roleSet(),
                groups == null ? Set.of() : GroupIds.parse(groups),
                or(active, true),
                or(maxSpaces, 0),
                or(maxDiskSpace, 0),
                or(sshPublicKey, ""),
                or(githubUsername, ""),
                preferredShell == null ? Shell.BASH : shell(),
                or(timezone, "UTC"));
    }

    UpdateUserCommand toUpdateCommand(User current) {
        return new UpdateUserCommand(
                or(email, current.email()),
                or(password, ""),
                or(servicePassword, ""),
                roles == null ? current.roles() : roleSet(),
                groups == null ? current.groups() : GroupIds.parse(groups),
                or(active, current.active()),
                or(maxSpaces, current.maxSpaces()),
                or(maxDiskSpace, current.maxDiskSpace()),
                or(sshPublicKey, current.sshPublicKey()),
                or(githubUsername, current.githubUsername()),
                preferredShell == null ? current.preferredShell() : shell(),
                or(timezone, current.timezone()));
    }

    private static <T> T or(T value, T fallback) {
        return value == null ? fallback : value;
    }

    private Set<Role> roleSet() {
        Set<Role> result = new LinkedHashSet<>();
        for (int index = 0; index < roles.size(); index++) {
            int position = index;
            result.add(Role.fromId(roles.get(index))
                    .orElseThrow(() -> KnotException.invalid(format("roles[%d]: unknown role", position))));
        }
        return result;
    }

    private Shell shell() {
        return Shell.fromValue(preferredShell)
                .orElseThrow(() -> KnotException.invalid("preferred_shell: must be one of bash, zsh, fish, sh"));
    }

    @Override
    public String toString() {
        // Never the passwords.
        return "UserRequest[username=" + username + ", email=" + email + ", roles=" + roles + "]";
    }
}
