package dev.knot.app.config;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * One key of knot.yml: its YAML path, how its value is read, the environment variable that overrides it (the
 * original's name) and the value used when neither sets it.
 */
record Setting<T>(String path, ValueType<T> type, Optional<String> environmentVariable, T defaultValue) {
    Setting {
        requireNonNull(path, "path is null");
        requireNonNull(type, "type is null");
        requireNonNull(environmentVariable, "environmentVariable is null");
        requireNonNull(defaultValue, "defaultValue is null");
    }

    /** The YAML path of the section holding this key, "" for a top-level key. */
    String section() {
        int lastDot = path.lastIndexOf('.');
        return lastDot < 0 ? "" : path.substring(0, lastDot);
    }
}
