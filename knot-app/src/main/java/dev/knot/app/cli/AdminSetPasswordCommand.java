package dev.knot.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;

/** `knot admin set-password <email>`: the way back in when a password (even the only admin's) is lost. */
@Command(
        name = "set-password",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Set a user's password, whoever they are, and end their sessions.",
            "The password is asked twice at a terminal; otherwise it is the first line of standard input."
        })
final class AdminSetPasswordCommand implements Callable<Integer> {
    @ParentCommand
    private AdminCommand admin;

    @Parameters(paramLabel = "<email>", description = "The user's email address (any case).")
    private String email;

    @Override
    public Integer call() {
        return admin.withNewPassword((users, password) -> {
            users.resetPassword(email, password);
            return "The password of " + email + " is set; their sessions were ended.";
        });
    }
}
