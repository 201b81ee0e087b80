package dev.knot.domain.webport;

import static java.util.Objects.requireNonNull;

import dev.knot.ports.model.Id;
import java.time.Instant;

/**
 * The fields of a signed code or pass, one per line. No field can hold a line break (ids, host names, epoch
 * milliseconds, random letters, a {@link LocalPath}), so a field can never spill into the next one.
 * Reading throws {@link IllegalArgumentException} on anything not written by {@link #join}.
 */
final class PayloadFields {
    private static final String SEPARATOR = "\n";

    private final String[] fields;

    private PayloadFields(String[] fields) {
        this.fields = fields;
    }

    static String join(Object... values) {
        StringBuilder payload = new StringBuilder();
        for (Object value : values) {
            String field = value instanceof Instant instant ? Long.toString(instant.toEpochMilli()) : value.toString();
            if (field.contains(SEPARATOR)) {
                throw new IllegalArgumentException("a payload field holds a line break");
            }
            payload.append(payload.isEmpty() ? "" : SEPARATOR).append(field);
        }
        return payload.toString();
    }

    /** @throws IllegalArgumentException unless {@code payload} has exactly {@code count} fields */
    static PayloadFields split(String payload, int count) {
        String[] fields = requireNonNull(payload, "payload is null").split(SEPARATOR, -1);
        if (fields.length != count) {
            throw new IllegalArgumentException("expected " + count + " fields, found " + fields.length);
        }
        return new PayloadFields(fields);
    }

    String text(int index) {
        return fields[index];
    }

    <T> Id<T> id(int index) {
        if (!Id.isValid(fields[index])) {
            throw new IllegalArgumentException("field " + index + " is not an id");
        }
        return Id.of(fields[index]);
    }

    Instant instant(int index) {
        return Instant.ofEpochMilli(Long.parseLong(fields[index]));
    }
}
