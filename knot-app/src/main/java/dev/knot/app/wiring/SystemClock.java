package dev.knot.app.wiring;

import dev.knot.ports.out.Clock;
import java.time.Instant;

/** The wall clock, for production; tests bind a clock they control. */
final class SystemClock implements Clock {
    @Override
    public Instant now() {
        return Instant.now();
    }
}
