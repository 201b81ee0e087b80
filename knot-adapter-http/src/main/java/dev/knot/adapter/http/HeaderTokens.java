package dev.knot.adapter.http;

import io.undertow.util.HeaderValues;
import java.util.Locale;

/** Comma-separated header values such as {@code Connection: keep-alive, Upgrade}. */
final class HeaderTokens {
    private HeaderTokens() {}

    /** Whether the header lists {@code token} (lower-case), in any case; false when the header is absent. */
    static boolean contains(HeaderValues values, String token) {
        if (values == null) {
            return false;
        }
        for (String value : values) {
            for (String listed : value.split(",")) {
                if (listed.trim().toLowerCase(Locale.ROOT).equals(token)) {
                    return true;
                }
            }
        }
        return false;
    }
}
