package dev.knot.app.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Environments for loader tests: nothing leaks in from the machine the tests run on. */
final class TestEnvironments {
    static final String HOST_NAME = "build-host.example.com";

    private TestEnvironments() {}

    static ConfigEnvironment of(Map<String, String> variables, Path workingDirectory) {
        return new ConfigEnvironment(variables, workingDirectory, Optional.empty(), () -> HOST_NAME);
    }

    static ConfigEnvironment of(Map<String, String> variables, Path workingDirectory, Path home) {
        return new ConfigEnvironment(variables, workingDirectory, Optional.of(home), () -> HOST_NAME);
    }

    static ConfigLoader loader(Map<String, String> variables) {
        return new ConfigLoader(of(variables, Path.of("/srv/knot")));
    }

    static ConfigLoader loader() {
        return loader(Map.of());
    }
}
