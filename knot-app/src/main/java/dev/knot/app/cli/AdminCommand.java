package dev.knot.app.cli;

import static java.util.Objects.requireNonNull;

import dev.knot.app.Logging;
import dev.knot.app.config.ConfigEnvironment;
import dev.knot.app.config.LoadedConfig;
import dev.knot.app.config.LogLevel;
import dev.knot.ports.in.UserUseCases;
import dev.knot.ports.model.KnotException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** `knot admin`: the operator's commands. Alone it prints help; its subcommands share how they reach the store. */
@Command(
        name = "admin",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Operator commands. They open the configured store themselves (same configuration as `knot server`), "
                    + "so they work without a running server or an account.",
            "An embedded store is used by one process at a time: stop the server first."
        })
final class AdminCommand implements Runnable {
    private final ConfigEnvironment environment;
    private final DirectStore store;
    private final PasswordReader passwords;

    @ParentCommand
    private KnotCommand root;

    @Spec
    private CommandSpec spec;

    AdminCommand(ConfigEnvironment environment, DirectStore store, PasswordReader passwords) {
        this.environment = requireNonNull(environment, "environment is null");
        this.store = requireNonNull(store, "store is null");
        this.passwords = requireNonNull(passwords, "passwords is null");
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * Loads the configuration, reads a new password (before the store is opened, so a server is not kept out while
     * someone types), then runs {@code task} on the store and prints the line it returns.
     *
     * @return the exit code: 0, {@link ExitCodes#INVALID_CONFIG} or {@link ExitCodes#COMMAND_FAILED}
     */
    int withNewPassword(BiFunction<UserUseCases, String, String> task) {
        return withConfig(config -> {
            String password = passwords.readNewPassword();
            return store.withUsers(config, users -> task.apply(users, password));
        });
    }

    /**
     * Loads the configuration, runs {@code work} with it (work that opens the store does so through {@link #store()})
     * and prints what it returns; a refusal is printed as "knot: <reason>".
     *
     * @return the exit code: 0, {@link ExitCodes#INVALID_CONFIG} or {@link ExitCodes#COMMAND_FAILED}
     */
    int withConfig(Function<LoadedConfig, String> work) {
        PrintWriter err = spec.commandLine().getErr();
        Optional<LoadedConfig> loaded = ConfigLoading.load(environment, root.configFile(), err, "nothing was changed");
        if (loaded.isEmpty()) {
            return ExitCodes.INVALID_CONFIG;
        }
        // Store start-up chatter at info would bury the lines this command prints.
        Logging.setLevel(root.logLevel().orElse(LogLevel.WARN));
        try {
            String report = work.apply(loaded.get());
            spec.commandLine().getOut().println(report);
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        } catch (KnotException refused) {
            err.println("knot: " + refused.getMessage());
            err.flush();
            return ExitCodes.COMMAND_FAILED;
        }
    }

    DirectStore store() {
        return store;
    }

    /** {@code path} as the operator meant it: relative to the directory knot was started in. */
    Path fromWorkingDirectory(Path path) {
        return environment.workingDirectory().resolve(path);
    }
}
