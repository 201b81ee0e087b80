package dev.knot.adapter.embedded;

import java.util.Locale;

/** Index keys: names are unique case-insensitively, so they are indexed lower-cased. */
final class Keys {
    private Keys() {}

    static String caseInsensitive(String value) {
        return value.toLowerCase(Locale.ROOT);
    }

    /** A key scoped to one owner, e.g. a space name that is unique only among one user's spaces. */
    static String scoped(String ownerId, String value) {
        return ownerId + '/' + caseInsensitive(value);
    }
}
