package dev.knot.app.config;

import static java.util.Objects.requireNonNull;

/** The whole server configuration, validated: built only by {@link ConfigLoader}. */
public record KnotConfig(LogLevel logLevel, boolean tlsSkipVerify, ResolverSection resolver, ServerSection server) {
    public KnotConfig {
        requireNonNull(logLevel, "logLevel is null");
        requireNonNull(resolver, "resolver is null");
        requireNonNull(server, "server is null");
    }
}
