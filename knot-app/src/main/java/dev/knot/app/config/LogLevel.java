package dev.knot.app.config;

import java.util.Locale;
import java.util.Optional;

/** The log levels knot accepts (log.level, KNOT_LOGLEVEL, --log-level), as in the original. */
public enum LogLevel {
    DEBUG,
    INFO,
    WARN,
    ERROR;

    public static Optional<LogLevel> parse(String text) {
        for (LogLevel level : values()) {
            if (level.name().equals(text.trim().toUpperCase(Locale.ROOT))) {
                return Optional.of(level);
            }
        }
        return Optional.empty();
    }
}
