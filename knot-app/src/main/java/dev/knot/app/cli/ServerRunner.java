package dev.knot.app.cli;

import dev.knot.app.config.LoadedConfig;

/** Runs the server until it is told to stop; what `knot server` does once the configuration is valid. */
@FunctionalInterface
public interface ServerRunner {
    /** @return the process exit code ({@link ExitCodes}) */
    int run(LoadedConfig config);
}
