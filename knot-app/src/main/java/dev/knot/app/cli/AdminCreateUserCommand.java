package dev.knot.app.cli;

import static java.util.stream.Collectors.joining;

import dev.knot.ports.in.CreateUserCommand;
import dev.knot.ports.model.Role;
import dev.knot.ports.model.Shell;
import dev.knot.ports.model.User;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * `knot admin create-user`: adds a user straight to the store, with any roles. On a store with no users it makes the
 * first admin, as the web's first-run setup would, so a server need never be exposed before it has one.
 */
@Command(
        name = "create-user",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Create a user. On a store with no users yet, this is the first user and always gets the Admin role.",
            "The password is asked twice at a terminal; otherwise it is the first line of standard input."
        })
final class AdminCreateUserCommand implements Callable<Integer> {
    // The first-run setup page's choices for what the command line does not ask.
    private static final Shell SHELL = Shell.BASH;
    private static final String TIMEZONE = "UTC";

    @ParentCommand
    private AdminCommand admin;

    @Option(names = "--username", required = true, paramLabel = "<name>", description = "The login name.")
    private String username;

    @Option(names = "--email", required = true, paramLabel = "<email>", description = "The email address.")
    private String email;

    @Option(names = "--admin", description = "Give the Admin role (every permission).")
    private boolean grantAdmin;

    @Option(
            names = "--role",
            paramLabel = "<role>",
            converter = RoleConverter.class,
            description = "A role by name (\"User Manager\", user-manager, ...) or id; repeat for more. "
                    + "Admin, User Manager, Template Manager, Space Manager, Volume Manager.")
    private List<Role> roles = List.of();

    @Override
    public Integer call() {
        Set<Role> wanted = EnumSet.noneOf(Role.class);
        wanted.addAll(roles);
        if (grantAdmin) {
            wanted.add(Role.ADMIN);
        }
        return admin.withNewPassword((users, password) -> {
            CreateUserCommand command = new CreateUserCommand(username, email, password, "", wanted, Set.of(), true, 0,
                    0, "", "", SHELL, TIMEZONE);
            if (users.setupRequired()) {
                return "Created " + describe(users.createFirstAdmin(command))
                        + " as the first user (the first user is always an admin).";
            }
            return "Created " + describe(users.createUserAsOperator(command)) + ".";
        });
    }

    private static String describe(User user) {
        String roleNames = user.roles().isEmpty()
                ? "no roles"
                : "roles " + user.roles().stream().sorted().map(Role::displayName).collect(joining(", "));
        return "user " + user.username() + " (id " + user.id().value() + ") with " + roleNames;
    }
}
