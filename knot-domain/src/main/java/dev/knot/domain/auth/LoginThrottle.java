package dev.knot.domain.auth;

import static java.util.Objects.requireNonNull;

import dev.knot.ports.model.RateLimitedException;
import dev.knot.ports.out.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed logins per account and per client address in a sliding window, and refuses attempts over the
 * limit until the oldest failure leaves the window. Kept in memory: each server throttles what it sees, which is
 * enough to make guessing slow, and a restart forgets nothing that matters for longer than the window.
 */
final class LoginThrottle {
    /** Past this many tracked keys, stale ones are swept, so a spray of made-up emails cannot grow memory forever. */
    private static final int SWEEP_THRESHOLD = 10_000;

    private final Clock clock;
    private final AuthSettings settings;
    private final Map<String, Deque<Instant>> failuresByAccount = new ConcurrentHashMap<>();
    private final Map<String, Deque<Instant>> failuresByAddress = new ConcurrentHashMap<>();

    LoginThrottle(Clock clock, AuthSettings settings) {
        this.clock = requireNonNull(clock, "clock is null");
        this.settings = requireNonNull(settings, "settings is null");
    }

    /** @throws RateLimitedException when the account or the address has failed too often recently */
    void check(String email, String address) {
        Instant now = clock.now();
        requireUnder(failuresByAccount, accountKey(email), settings.maximumFailuresPerAccount(), now);
        requireUnder(failuresByAddress, address, settings.maximumFailuresPerAddress(), now);
    }

    void recordFailure(String email, String address) {
        Instant now = clock.now();
        record(failuresByAccount, accountKey(email), now);
        record(failuresByAddress, address, now);
    }

    /** A successful login clears the account's count (not the address's: one right guess must not reset a spray). */
    void recordSuccess(String email) {
        failuresByAccount.remove(accountKey(email));
    }

    private void requireUnder(Map<String, Deque<Instant>> failures, String key, int limit, Instant now) {
        Deque<Instant> recent = failures.get(key);
        if (recent == null) {
            return;
        }
        synchronized (recent) {
            forgetOld(recent, now);
            if (recent.size() >= limit) {
                Duration wait = Duration.between(now, recent.peekFirst().plus(settings.failureWindow()));
                throw new RateLimitedException("too many failed logins: try again later",
                        wait.isNegative() ? Duration.ZERO : wait);
            }
        }
    }

    private void record(Map<String, Deque<Instant>> failures, String key, Instant now) {
        if (failures.size() > SWEEP_THRESHOLD) {
            failures.values().removeIf(old -> {
                synchronized (old) {
                    forgetOld(old, now);
                    return old.isEmpty();
                }
            });
        }
        Deque<Instant> recent = failures.computeIfAbsent(key, unused -> new ArrayDeque<>());
        synchronized (recent) {
            forgetOld(recent, now);
            recent.addLast(now);
        }
    }

    private void forgetOld(Deque<Instant> recent, Instant now) {
        Instant oldestThatCounts = now.minus(settings.failureWindow());
        while (!recent.isEmpty() && !recent.peekFirst().isAfter(oldestThatCounts)) {
            recent.removeFirst();
        }
    }

    private static String accountKey(String email) {
        return email.toLowerCase(Locale.ROOT);
    }
}
