package dev.knot.testkit.nomad;

import static java.util.Objects.requireNonNull;

import java.util.regex.Pattern;

/**
 * Which requests a fault applies to: an HTTP method ("*" for any) and a regular expression the whole path must
 * match, for at most {@code times} requests (0 for every request until cleared).
 */
public record FaultScope(String method, Pattern path, int times) {
    public FaultScope {
        requireNonNull(method, "method is null");
        requireNonNull(path, "path is null");
        if (times < 0) {
            throw new IllegalArgumentException("times is negative: " + times);
        }
    }

    /** Every request, every time. */
    public static FaultScope everything() {
        return new FaultScope("*", Pattern.compile(".*"), 0);
    }

    /** Requests with this method ("*" for any) whose path matches {@code pathRegex}, e.g. "/v1/job/[^/]+". */
    public static FaultScope of(String method, String pathRegex) {
        return new FaultScope(method, Pattern.compile(requireNonNull(pathRegex, "pathRegex is null")), 0);
    }

    /** The same scope, used up after {@code count} requests. */
    public FaultScope times(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1: " + count);
        }
        return new FaultScope(method, path, count);
    }

    boolean matches(String requestMethod, String requestPath) {
        return (method.equals("*") || method.equalsIgnoreCase(requestMethod)) && path.matcher(requestPath).matches();
    }
}
