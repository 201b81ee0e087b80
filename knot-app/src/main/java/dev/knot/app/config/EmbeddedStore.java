package dev.knot.app.config;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/** The embedded (Chronicle Map) store's directory, and which part of the config chose it (for the startup log). */
public record EmbeddedStore(Path directory, Origin origin) {
    /** Where the embedded store's settings came from. */
    public enum Origin {
        /** Nothing was enabled: the embedded store at its default directory. */
        DEFAULT,
        /** server.embedded. */
        EMBEDDED_SECTION,
        /** server.badgerdb, the original's section, read as an alias of server.embedded. */
        BADGERDB_ALIAS
    }

    public EmbeddedStore {
        requireNonNull(directory, "directory is null");
        requireNonNull(origin, "origin is null");
        if (!directory.isAbsolute()) {
            throw new IllegalArgumentException("directory must be absolute: " + directory);
        }
    }
}
