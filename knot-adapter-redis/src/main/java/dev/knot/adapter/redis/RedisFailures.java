package dev.knot.adapter.redis;

import static java.util.Objects.requireNonNull;

import dev.knot.ports.model.ErrorCode;
import dev.knot.ports.model.KnotException;

/**
 * Turns what Redisson throws into the port's error: STORE_UNAVAILABLE "Redis is unavailable: <short reason>".
 * The reason is cut short and never holds the password, so it may be shown and logged.
 */
final class RedisFailures {
    private static final int MAXIMUM_REASON_LENGTH = 200;
    private static final String REDACTED = "(redacted)";

    private final String password;

    RedisFailures(String password) {
        this.password = requireNonNull(password, "password is null");
    }

    KnotException unavailable(Throwable failure) {
        return new KnotException(ErrorCode.STORE_UNAVAILABLE, "Redis is unavailable: " + reason(failure), failure);
    }

    KnotException unavailable(String reason) {
        return new KnotException(ErrorCode.STORE_UNAVAILABLE, "Redis is unavailable: " + redacted(reason));
    }

    private String reason(Throwable failure) {
        String message = failure.getMessage();
        if (message == null || message.isBlank()) {
            return failure.getClass().getSimpleName();
        }
        // Redact before cutting, so that a cut cannot leave part of the password behind.
        String firstLine = redacted(message.strip().lines().findFirst().orElse(""));
        return firstLine.length() <= MAXIMUM_REASON_LENGTH
                ? firstLine
                : firstLine.substring(0, MAXIMUM_REASON_LENGTH) + "…";
    }

    private String redacted(String text) {
        return password.isEmpty() ? text : text.replace(password, REDACTED);
    }
}
