package dev.knot.adapter.http;

import static java.lang.String.format;

import dev.knot.ports.in.CreateUserCommand;
import dev.knot.ports.in.UpdateUserCommand;
import dev.knot.ports.model.Group;
import dev.knot.ports.model.Id;
import dev.knot.ports.model.KnotException;
import dev.knot.ports.model.Role;
import dev.knot.ports.model.Shell;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The body of {@code POST /users} and {@code PUT /users/{user_id}}, with the original's fields. A missing field is
 * the Go zero value ("", [], false, 0), as in the original; {@code username} is ignored by PUT.
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

    UserRequest {
        username = Objects.requireNonNullElse(username, "");
        password = Objects.requireNonNullElse(password, "");
        servicePassword = Objects.requireNonNullElse(servicePassword, "");
        email = Objects.requireNonNullElse(email, "");
        roles = roles == null ? List.of() : roles;
        groups = groups == null ? List.of() : groups;
        active = Objects.requireNonNullElse(active, false);
        maxSpaces = Objects.requireNonNullElse(maxSpaces, 0);
        maxDiskSpace = Objects.requireNonNullElse(maxDiskSpace, 0);
        sshPublicKey = Objects.requireNonNullElse(sshPublicKey, "");
        githubUsername = Objects.requireNonNullElse(githubUsername, "");
        preferredShell = Objects.requireNonNullElse(preferredShell, "");
        timezone = Objects.requireNonNullElse(timezone, "");
    }

    CreateUserCommand toCreateCommand() {
        return new CreateUserCommand(username, email, password, servicePassword, roleSet(), groupSet(), active,
                maxSpaces, maxDiskSpace, sshPublicKey, githubUsername, shell(), timezone);
    }

    UpdateUserCommand toUpdateCommand() {
        return new UpdateUserCommand(email, password, servicePassword, roleSet(), groupSet(), active, maxSpaces,
                maxDiskSpace, sshPublicKey, githubUsername, shell(), timezone);
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

    private Set<Id<Group>> groupSet() {
        Set<Id<Group>> result = new LinkedHashSet<>();
        for (int index = 0; index < groups.size(); index++) {
            String group = groups.get(index);
            if (!Id.isValid(group)) {
                throw KnotException.invalid(format("groups[%d]: not a valid group id", index));
            }
            result.add(Id.of(group));
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
