package dev.knot.ports.model;

import static java.lang.String.format;

import java.time.ZoneId;
import java.util.Set;
import java.util.regex.Pattern;

/** The original knot's validation rules, in one place, each failing with a message that names the field. */
final class Checks {
    /** Usernames and space names: a letter, then letters, digits and hyphens; 2..64 characters; no "--". */
    private static final Pattern NAME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9-]{1,63}$");
    /** The original's email rule (util/validate), kept so that every address it accepted still is. */
    private static final Pattern EMAIL = Pattern.compile(
            "^([a-z0-9](?:[a-z0-9&'+=_.-]+)?)@([a-z0-9_-]+)(\\.[a-z0-9_-]+)*(\\.[a-z]{2,})+$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern VARIABLE_NAME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9_]{1,63}$");
    private static final Set<String> ZONES = ZoneId.getAvailableZoneIds();

    private Checks() {}

    static String name(String field, String value) {
        notNull(field, value);
        // "--" separates user, space and port in wildcard host names, so it can never appear inside a name.
        if (!NAME.matcher(value).matches() || value.contains("--")) {
            throw KnotException.invalid(format(
                    "%s: must start with a letter, hold only letters, digits and single hyphens, and be 2 to 64"
                            + " characters, got %s",
                    field, Text.quoteForMessage(value)));
        }
        return value;
    }

    static String email(String field, String value) {
        notNull(field, value);
        if (value.length() > 255 || !EMAIL.matcher(value).matches()) {
            throw KnotException.invalid(format("%s: not a valid email address: %s", field, Text.quoteForMessage(value)));
        }
        return value;
    }

    static String variableName(String field, String value) {
        notNull(field, value);
        if (!VARIABLE_NAME.matcher(value).matches()) {
            throw KnotException.invalid(format(
                    "%s: must start with a letter, hold only letters, digits and underscores, and be 2 to 64"
                            + " characters, got %s",
                    field, Text.quoteForMessage(value)));
        }
        return value;
    }

    static String timezone(String field, String value) {
        notNull(field, value);
        if (!ZONES.contains(value) && !"UTC".equals(value)) {
            throw KnotException.invalid(format("%s: unknown timezone %s", field, Text.quoteForMessage(value)));
        }
        return value;
    }

    static String length(String field, String value, int minimum, int maximum) {
        notNull(field, value);
        if (value.length() < minimum || value.length() > maximum) {
            throw KnotException.invalid(format(
                    "%s: must be %d to %d characters long, got %d", field, minimum, maximum, value.length()));
        }
        return value;
    }

    static long range(String field, long value, long minimum, long maximum) {
        if (value < minimum || value > maximum) {
            throw KnotException.invalid(format("%s: must be between %d and %d, got %d", field, minimum, maximum, value));
        }
        return value;
    }

    static int port(String field, int value) {
        return (int) range(field, value, 0, 65535);
    }

    static <T> T notNull(String field, T value) {
        if (value == null) {
            throw KnotException.invalid(field + ": is required");
        }
        return value;
    }
}
