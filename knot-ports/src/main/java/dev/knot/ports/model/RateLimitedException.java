package dev.knot.ports.model;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/** Too many attempts: the caller may try again after {@link #retryAfter()}. */
public final class RateLimitedException extends KnotException {
    private final Duration retryAfter;

    public RateLimitedException(String message, Duration retryAfter) {
        super(ErrorCode.RATE_LIMITED, message);
        this.retryAfter = requireNonNull(retryAfter, "retryAfter is null");
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
