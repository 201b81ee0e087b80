package dev.knot.app.cli;

import static java.util.Objects.requireNonNull;

import dev.knot.agent.AgentMain;
import dev.knot.app.Logging;
import dev.knot.app.config.ConfigEnvironment;
import dev.knot.app.config.LogLevel;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * `knot agent`: runs the in-space agent (knot-agent) until SIGTERM. It reads agent.* keys from the file given by
 * --config or KNOT_CONFIG, and KNOT_* variables (see docs/agent.md); the server's default file search does not apply.
 */
@Command(
        name = "agent",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Run the agent inside a space. Configured by agent.* keys in the --config file and KNOT_* "
                + "environment variables (see docs/agent.md).")
final class AgentCommand implements Callable<Integer> {
    private final ConfigEnvironment environment;

    @ParentCommand
    private KnotCommand root;

    @Spec
    private CommandSpec spec;

    AgentCommand(ConfigEnvironment environment) {
        this.environment = requireNonNull(environment, "environment is null");
    }

    @Override
    public Integer call() {
        Logging.setLevel(root.logLevel()
                .or(() -> environment.variable("KNOT_LOGLEVEL").flatMap(LogLevel::parse))
                .orElse(LogLevel.INFO));
        Optional<Path> configFile = root.configFile()
                .or(() -> environment.variable("KNOT_CONFIG").map(environment.workingDirectory()::resolve));
        return AgentMain.run(configFile, environment.variables(), spec.commandLine().getErr());
    }
}
