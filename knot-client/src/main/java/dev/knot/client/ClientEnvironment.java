package dev.knot.client;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What the client commands read from the process: environment variables, the working directory (relative paths) and
 * the home directory (~/.knot.yml, ~/.ssh/config). Tests pass their own.
 */
public record ClientEnvironment(Map<String, String> variables, Path workingDirectory, Optional<Path> homeDirectory) {
    public ClientEnvironment {
        variables = Map.copyOf(requireNonNull(variables, "variables is null"));
        requireNonNull(workingDirectory, "workingDirectory is null");
        requireNonNull(homeDirectory, "homeDirectory is null");
    }

    /** The variable's value; empty when it is unset or set to the empty string. */
    public Optional<String> variable(String name) {
        return Optional.ofNullable(variables.get(name)).filter(value -> !value.isEmpty());
    }

    /** @throws ClientException when there is no home directory to use */
    Path requireHome(String forWhat) {
        return homeDirectory.orElseThrow(() -> new ClientException("no home directory is known, so " + forWhat
                + " cannot be found; set HOME"));
    }

    @Override
    public String toString() {
        // The variables may hold KNOT_TOKEN.
        return "ClientEnvironment[workingDirectory=" + workingDirectory + ", homeDirectory=" + homeDirectory + "]";
    }
}
