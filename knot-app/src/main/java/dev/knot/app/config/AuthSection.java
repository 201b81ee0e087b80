package dev.knot.app.config;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How long credentials live without use (both slide: every use extends them). The original fixed them at 2 hours
 * for sessions and 7 days for API tokens, which stay the defaults.
 */
public record AuthSection(Duration sessionLifetime, Duration tokenLifetime) {
    public AuthSection {
        requireNonNull(sessionLifetime, "sessionLifetime is null");
        requireNonNull(tokenLifetime, "tokenLifetime is null");
    }
}
