package dev.knot.app.cli;

import dev.knot.app.Logging;
import dev.knot.app.config.ConfigEnvironment;
import dev.knot.app.config.LogLevel;
import dev.knot.client.ClientConfigFile;
import dev.knot.client.ClientEnvironment;
import dev.knot.client.ClientException;
import dev.knot.client.ClientFlags;
import dev.knot.client.ClientSettings;
import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What the client commands (connect, ping, ssh-config, forward) share: the user's config file (--config, else
 * KNOT_CONFIG, else ~/.knot.yml), their settings, and how a failure is reported: "knot: <why>" on standard error and
 * exit code 1.
 */
final class ClientCommands {
    /** The work of one command; answers its exit code. */
    @FunctionalInterface
    interface Work {
        int run();
    }

    private ClientCommands() {}

    /** Runs {@code work}, logging at warn unless --log-level says otherwise (stdout may be a tunnel's). */
    static int run(CommandSpec spec, Work work) {
        Logging.setLevel(root(spec).logLevel().orElse(LogLevel.WARN));
        try {
            return work.run();
        } catch (ClientException failed) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("knot: " + failed.getMessage());
            err.flush();
            return ExitCodes.COMMAND_FAILED;
        }
    }

    static ClientEnvironment environment(ConfigEnvironment environment) {
        return new ClientEnvironment(environment.variables(), environment.workingDirectory(),
                environment.homeDirectory());
    }

    static ClientConfigFile configFile(CommandSpec spec, ConfigEnvironment environment) {
        return ClientConfigFile.locate(root(spec).configFile(), environment(environment));
    }

    static ClientSettings settings(CommandSpec spec, ConfigEnvironment environment, ClientFlags flags) {
        return ClientSettings.resolve(flags, environment(environment), configFile(spec, environment));
    }

    private static KnotCommand root(CommandSpec spec) {
        return (KnotCommand) spec.root().userObject();
    }
}
