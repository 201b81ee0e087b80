package dev.knot.ports.model;

import static java.util.Objects.requireNonNull;

/** A password hash in its encoded form (algorithm and parameters included). Its toString never shows it. */
public record PasswordHash(String encoded) {
    public PasswordHash {
        requireNonNull(encoded, "encoded is null");
        if (encoded.isBlank()) {
            throw KnotException.invalid("password hash is empty");
        }
    }

    @Override
    public String toString() {
        return "PasswordHash[redacted]";
    }
}
