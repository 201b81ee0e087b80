package dev.knot.app.cli;

import dev.knot.app.config.ConfigEnvironment;
import java.security.SecureRandom;
import picocli.CommandLine;

/** Builds the `knot` command line. Main executes it; tests execute it with their own environment and runner. */
public final class KnotCli {
    private KnotCli() {}

    public static CommandLine create(
            ConfigEnvironment environment, ServerRunner runner, DirectStore store, PasswordReader passwords) {
        SecureRandom random = new SecureRandom();
        CommandLine commandLine = new CommandLine(new KnotCommand());
        commandLine.addSubcommand(new ServerCommand(environment, runner));
        commandLine.addSubcommand(new CommandLine(new AdminCommand(environment, store, passwords))
                .addSubcommand(new AdminSetPasswordCommand())
                .addSubcommand(new AdminCreateUserCommand())
                .addSubcommand(new AdminBackupCommand())
                .addSubcommand(new AdminRestoreCommand()));
        commandLine.addSubcommand(new AgentCommand(environment));
        commandLine.addSubcommand(new ConnectCommand(environment));
        commandLine.addSubcommand(new PingCommand(environment));
        commandLine.addSubcommand(new SshConfigCommand(environment));
        commandLine.addSubcommand(new ForwardCommand(environment));
        commandLine.addSubcommand(new GenkeyCommand(random));
        commandLine.addSubcommand(new ScaffoldCommand(random));
        commandLine.addSubcommand(new VersionCommand());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        return commandLine;
    }
}
