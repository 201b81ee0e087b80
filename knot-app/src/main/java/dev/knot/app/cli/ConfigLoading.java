package dev.knot.app.cli;

import dev.knot.app.config.ConfigEnvironment;
import dev.knot.app.config.ConfigLoader;
import dev.knot.app.config.ConfigProblem;
import dev.knot.app.config.InvalidConfigException;
import dev.knot.app.config.LoadedConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;

/** Loads knot.yml for a command that needs it, reporting every problem at once on the command's error writer. */
final class ConfigLoading {
    private ConfigLoading() {}

    /**
     * @param consequence what the problems stopped, for the report ("the server did not start")
     * @return empty when the configuration is invalid; the problems have been written to {@code err} then
     */
    static Optional<LoadedConfig> load(
            ConfigEnvironment environment, Optional<Path> configFile, PrintWriter err, String consequence) {
        try {
            return Optional.of(new ConfigLoader(environment).load(configFile));
        }
        catch (InvalidConfigException invalid) {
            err.println("knot: the configuration has " + invalid.problems().size() + " problem(s); " + consequence
                    + ":");
            for (ConfigProblem problem : invalid.problems()) {
                err.println("  " + problem);
            }
            err.flush();
            return Optional.empty();
        }
    }
}
