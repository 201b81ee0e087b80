package dev.knot.agent;

import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * A port number as written in an agent URL: plain decimal 1–65535 with no sign, no leading zero, no other base and
 * nothing after it, so `080`, `+80`, `0x50` and `8080@x` name no port at all.
 */
final class StrictPort {
    private static final Pattern DECIMAL = Pattern.compile("[1-9][0-9]{0,4}");
    private static final int HIGHEST = 65535;

    private StrictPort() {}

    static OptionalInt parse(String text) {
        if (text == null || !DECIMAL.matcher(text).matches()) {
            return OptionalInt.empty();
        }
        int port = Integer.parseInt(text);
        return port <= HIGHEST ? OptionalInt.of(port) : OptionalInt.empty();
    }
}
