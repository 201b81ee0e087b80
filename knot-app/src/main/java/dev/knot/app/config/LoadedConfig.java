package dev.knot.app.config;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Optional;

/** A valid configuration and the file it came from (empty when no file was found: all defaults and environment). */
public record LoadedConfig(KnotConfig config, Optional<Path> file) {
    public LoadedConfig {
        requireNonNull(config, "config is null");
        requireNonNull(file, "file is null");
    }
}
