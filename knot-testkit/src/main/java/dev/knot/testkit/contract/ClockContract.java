package dev.knot.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.knot.ports.out.Clock;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link Clock}: sanity only. Wall clocks may be stepped by the operating system, so this checks
 * that time does not run backwards over a short burst of calls, not true monotonicity.
 */
public abstract class ClockContract extends PortContract {
    private static final Instant PLAUSIBLE_EARLIEST = Instant.parse("2020-01-01T00:00:00Z");
    private static final Instant PLAUSIBLE_LATEST = Instant.parse("2200-01-01T00:00:00Z");

    protected ClockContract() {
        super(Clock.class);
    }

    protected abstract Clock newClock();

    @Test
    public void nowIsAPlausibleInstant() {
        Instant now = newClock().now();

        assertThat(now).isNotNull().isBetween(PLAUSIBLE_EARLIEST, PLAUSIBLE_LATEST);
    }

    @Test
    public void nowDoesNotGoBackwardsOverConsecutiveCalls() {
        Clock clock = newClock();
        Instant previous = clock.now();

        for (int call = 0; call < 10_000; call++) {
            Instant next = clock.now();
            assertThat(next).isAfterOrEqualTo(previous);
            previous = next;
        }
    }
}
