package dev.knot.app.config;

import static java.util.Objects.requireNonNull;

/** A configured secret (key, password, token): its text never appears in toString, so it never reaches a log line. */
public record Secret(String value) {
    public Secret {
        requireNonNull(value, "value is null");
    }

    public boolean isEmpty() {
        return value.isEmpty();
    }

    @Override
    public String toString() {
        return value.isEmpty() ? "(empty)" : "(redacted)";
    }
}
