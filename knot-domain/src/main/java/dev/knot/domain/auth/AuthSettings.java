package dev.knot.domain.auth;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How long credentials live and how hard login is throttled. Lifetimes slide: each use extends them.
 *
 * @param sessionLifetime the original's 2 hours
 * @param tokenLifetime the original's 7 days
 * @param maximumFailuresPerAccount failed logins for one email before it is throttled
 * @param maximumFailuresPerAddress failed logins from one client address before it is throttled
 * @param failureWindow how long a failure counts, and how long a throttle lasts at most
 */
public record AuthSettings(
        Duration sessionLifetime,
        Duration tokenLifetime,
        int maximumFailuresPerAccount,
        int maximumFailuresPerAddress,
        Duration failureWindow) {
    public AuthSettings {
        requireNonNull(sessionLifetime, "sessionLifetime is null");
        requireNonNull(tokenLifetime, "tokenLifetime is null");
        requireNonNull(failureWindow, "failureWindow is null");
        if (sessionLifetime.isNegative() || sessionLifetime.isZero() || tokenLifetime.isNegative()
                || tokenLifetime.isZero() || failureWindow.isNegative() || failureWindow.isZero()) {
            throw new IllegalArgumentException("lifetimes and the failure window must be positive");
        }
        if (maximumFailuresPerAccount < 1 || maximumFailuresPerAddress < 1) {
            throw new IllegalArgumentException("failure limits must be at least 1");
        }
    }

    public static AuthSettings defaults() {
        return new AuthSettings(Duration.ofHours(2), Duration.ofDays(7), 5, 20, Duration.ofMinutes(15));
    }
}
