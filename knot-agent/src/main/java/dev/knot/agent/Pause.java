package dev.knot.agent;

import java.time.Duration;

/** Waiting between attempts; tests pass one that does not wait. */
@FunctionalInterface
interface Pause {
    void pause(Duration duration) throws InterruptedException;

    static Pause sleeping() {
        return duration -> Thread.sleep(duration.toMillis());
    }
}
