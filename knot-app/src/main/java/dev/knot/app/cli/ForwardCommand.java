package dev.knot.app.cli;

import static java.util.Objects.requireNonNull;

import dev.knot.app.config.ConfigEnvironment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** `knot forward`: alone it prints help; its subcommands tunnel to a space through the server. */
@Command(
        name = "forward",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        subcommands = {ForwardSshCommand.class, ForwardPortCommand.class},
        description = "Tunnel to a space's SSH server or one of its ports, through the knot server (a websocket per"
                + " connection, authenticated with your API token).")
final class ForwardCommand implements Runnable {
    private final ConfigEnvironment environment;

    @Spec
    private CommandSpec spec;

    ForwardCommand(ConfigEnvironment environment) {
        this.environment = requireNonNull(environment, "environment is null");
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    ConfigEnvironment environment() {
        return environment;
    }
}
