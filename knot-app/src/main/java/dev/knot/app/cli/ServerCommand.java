package dev.knot.app.cli;

import static java.util.Objects.requireNonNull;

import dev.knot.app.Logging;
import dev.knot.app.config.ConfigEnvironment;
import dev.knot.app.config.LoadedConfig;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** `knot server`: loads and checks the configuration, then runs the server until SIGTERM or SIGINT. */
@Command(
        name = "server",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Run the knot server. Configured by knot.yml and KNOT_* environment variables "
                + "(see docs/configuration.md).")
final class ServerCommand implements Callable<Integer> {
    private final ConfigEnvironment environment;
    private final ServerRunner runner;

    @ParentCommand
    private KnotCommand root;

    @Spec
    private CommandSpec spec;

    ServerCommand(ConfigEnvironment environment, ServerRunner runner) {
        this.environment = requireNonNull(environment, "environment is null");
        this.runner = requireNonNull(runner, "runner is null");
    }

    @Override
    public Integer call() {
        Optional<LoadedConfig> loaded = ConfigLoading.load(environment, root.configFile(), spec.commandLine().getErr(),
                "the server did not start");
        if (loaded.isEmpty()) {
            return ExitCodes.INVALID_CONFIG;
        }
        Logging.setLevel(root.logLevel().orElse(loaded.get().config().logLevel()));
        return runner.run(loaded.get());
    }
}
