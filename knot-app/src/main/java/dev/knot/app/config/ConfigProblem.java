package dev.knot.app.config;

import static java.util.Objects.requireNonNull;

/** One thing wrong with the configuration, named by its YAML path so the operator can find it. */
public record ConfigProblem(String path, String message) {
    public ConfigProblem {
        requireNonNull(path, "path is null");
        requireNonNull(message, "message is null");
    }

    @Override
    public String toString() {
        return path + ": " + message;
    }
}
