package dev.knot.ports.in;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * A pass for one space host, to be set as a host-only cookie there.
 *
 * @param value secret; shown to nobody but the browser
 * @param lifetime how long the cookie may live
 * @param next the path on the space's host the browser wanted when it was sent to log in
 */
public record WebPortPass(String value, Duration lifetime, String next) {
    public WebPortPass {
        requireNonNull(value, "value is null");
        requireNonNull(lifetime, "lifetime is null");
        requireNonNull(next, "next is null");
    }

    @Override
    public String toString() {
        return "WebPortPass[lifetime=" + lifetime + ", next=" + next + "]";
    }
}
