package dev.knot.ports.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The shells a user or a space may prefer, as the original validates them. */
public enum Shell {
    BASH,
    ZSH,
    FISH,
    SH;

    /** The lowercase name used in JSON and in stores. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Shell> fromValue(String value) {
        return Arrays.stream(values()).filter(shell -> shell.value().equals(value)).findFirst();
    }
}
