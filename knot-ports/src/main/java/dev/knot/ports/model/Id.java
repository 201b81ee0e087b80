package dev.knot.ports.model;

import static java.util.Objects.requireNonNull;

import java.util.regex.Pattern;

/**
 * The id of an entity of type {@code T}: a lowercase, hyphenated UUID string (knot makes UUIDv7s, but any UUID
 * in canonical form is accepted so records written by the original knot still load).
 *
 * @param <T> the entity the id names; a phantom type, so a user id cannot be passed where a space id is wanted
 */
public record Id<T>(String value) {
    private static final Pattern CANONICAL_UUID =
            Pattern.compile("^[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}$");

    public Id {
        requireNonNull(value, "id is null");
        if (!isValid(value)) {
            throw new KnotException(ErrorCode.INVALID_ARGUMENT, "not a valid id: " + Text.quoteForMessage(value));
        }
    }

    public static <T> Id<T> of(String value) {
        return new Id<>(value);
    }

    /** Whether {@code value} is a canonical lowercase UUID, the only form ids take in paths and stores. */
    public static boolean isValid(String value) {
        return value != null && CANONICAL_UUID.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
