package dev.knot.ports.out;

import java.time.Instant;

/** The current time, as a port so that expiry can be tested without waiting. */
public interface Clock {
    Instant now();
}
