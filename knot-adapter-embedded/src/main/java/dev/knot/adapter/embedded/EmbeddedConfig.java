package dev.knot.adapter.embedded;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * Where the embedded store keeps its files (knot.yml: {@code embedded.path}, or {@code badgerdb.path}).
 *
 * @param directory created if missing; used by one server at a time
 */
public record EmbeddedConfig(Path directory) {
    public EmbeddedConfig {
        requireNonNull(directory, "directory is null");
    }
}
