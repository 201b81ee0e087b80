package dev.knot.app.backup;

import static java.lang.String.format;

import dev.knot.ports.model.Id;
import dev.knot.ports.model.KnotException;
import dev.knot.ports.model.Role;
import dev.knot.ports.model.Shell;
import dev.knot.ports.model.SpaceState;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns the text a backup line holds into model values and back, failing with a message that names the field.
 * Times are ISO-8601 instants in UTC at full precision; enums are written as the stores write them.
 */
final class LineValues {
    private LineValues() {}

    static String text(Instant instant) {
        return instant.toString();
    }

    /** null (a user who never logged in) stays null. */
    static String nullableText(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    static Instant instant(String field, String text) {
        required(field, text);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException invalid) {
            throw KnotException.invalid(format("%s: not an ISO-8601 instant: \"%s\"", field, text));
        }
    }

    static Instant nullableInstant(String field, String text) {
        return text == null ? null : instant(field, text);
    }

    static <T> Id<T> id(String field, String text) {
        required(field, text);
        return Id.of(text);
    }

    /** Sorted, so that the same records always give the same file. */
    static List<String> idTexts(Collection<? extends Id<?>> ids) {
        return ids.stream().map(Id::value).sorted().toList();
    }

    static <T> Set<Id<T>> ids(String field, List<String> texts) {
        required(field, texts);
        return texts.stream().map(text -> LineValues.<T>id(field, text)).collect(Collectors.toSet());
    }

    /** Roles by the original's role ids, which never change, sorted. */
    static List<String> roleIds(Set<Role> roles) {
        return roles.stream().map(Role::id).sorted().toList();
    }

    static Set<Role> roles(String field, List<String> ids) {
        required(field, ids);
        return ids.stream()
                .map(id -> Role.fromId(id)
                        .orElseThrow(() -> KnotException.invalid(format("%s: unknown role id \"%s\"", field, id))))
                .collect(Collectors.toSet());
    }

    static Shell shell(String field, String value) {
        required(field, value);
        return Shell.fromValue(value)
                .orElseThrow(() -> KnotException.invalid(format("%s: unknown shell \"%s\"", field, value)));
    }

    static SpaceState spaceState(String field, String value) {
        required(field, value);
        try {
            return SpaceState.valueOf(value);
        } catch (IllegalArgumentException unknown) {
            throw KnotException.invalid(format("%s: unknown space state \"%s\"", field, value));
        }
    }

    static <T> T required(String field, T value) {
        if (value == null) {
            throw KnotException.invalid(field + ": is required");
        }
        return value;
    }
}
