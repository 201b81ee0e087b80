package dev.knot.agent;

import java.time.Duration;
import java.util.random.RandomGenerator;

/** Jittered exponential backoff: 1 s, 2 s, 4 s … capped at 30 s, each scaled by a random 50-100 %. */
final class Backoff {
    private static final long BASE_MILLIS = 1_000;
    private static final long CAP_MILLIS = 30_000;

    private final RandomGenerator random;

    Backoff(RandomGenerator random) {
        this.random = random;
    }

    Duration delay(int failures) {
        long exponential = BASE_MILLIS << Math.min(Math.max(failures - 1, 0), 15);
        long capped = Math.min(exponential, CAP_MILLIS);
        return Duration.ofMillis(capped / 2 + (long) (random.nextDouble() * (capped / 2)));
    }
}
