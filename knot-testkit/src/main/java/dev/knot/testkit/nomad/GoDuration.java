package dev.knot.testkit.nomad;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Go's time.ParseDuration syntax ("5s", "1m30s", "4953ms"), which Nomad uses for durations and ?wait=. */
final class GoDuration {
    private static final Pattern WHOLE = Pattern.compile("(\\d+(\\.\\d+)?(ns|us|µs|ms|s|m|h))+");
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|s|m|h)");
    private static final Map<String, Double> NANOS_PER_UNIT = Map.of(
            "ns", 1d, "us", 1e3, "µs", 1e3, "ms", 1e6, "s", 1e9, "m", 60e9, "h", 3600e9);

    private GoDuration() {
    }

    /** The duration, or an IllegalArgumentException when the text is not Go duration syntax. */
    static Duration parse(String text) {
        if (text == null || !WHOLE.matcher(text).matches()) {
            throw new IllegalArgumentException("not a duration: " + text);
        }
        double nanos = 0;
        Matcher part = PART.matcher(text);
        while (part.find()) {
            nanos += Double.parseDouble(part.group(1)) * NANOS_PER_UNIT.get(part.group(2));
        }
        return Duration.ofNanos((long) nanos);
    }
}
