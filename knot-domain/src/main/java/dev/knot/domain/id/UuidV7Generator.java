package dev.knot.domain.id;

import static java.util.Objects.requireNonNull;

import dev.knot.ports.model.Id;
import dev.knot.ports.out.Clock;
import dev.knot.ports.out.IdGenerator;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * UUIDv7 (RFC 9562): 48 bits of Unix milliseconds, then random bits, so ids sort by creation time as the
 * original's do. Within one millisecond a 12-bit counter in rand_a keeps ids from this generator increasing.
 */
public final class UuidV7Generator implements IdGenerator {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Clock clock;
    private long lastMillis = -1;
    private int sequence;

    public UuidV7Generator(Clock clock) {
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public <T> Id<T> next() {
        long millis;
        int counter;
        synchronized (this) {
            millis = Math.max(clock.now().toEpochMilli(), lastMillis);
            if (millis == lastMillis) {
                sequence++;
                if (sequence > 0xfff) {
                    // 4096 ids in one millisecond: borrow the next millisecond rather than repeat an id.
                    millis++;
                    sequence = 0;
                }
            } else {
                sequence = RANDOM.nextInt(0x800);
            }
            lastMillis = millis;
            counter = sequence;
        }
        long mostSignificant = (millis << 16) | 0x7000L | counter;
        long leastSignificant = (RANDOM.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return Id.of(new UUID(mostSignificant, leastSignificant).toString());
    }
}
