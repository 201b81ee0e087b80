package dev.knot.domain.id;

import static org.assertj.core.api.Assertions.assertThat;

import dev.knot.ports.model.Id;
import dev.knot.ports.out.IdGenerator;
import dev.knot.testkit.contract.IdGeneratorContract;
import dev.knot.testkit.fixture.MutableClock;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UuidV7IdGeneratorTest extends IdGeneratorContract {
    @Override
    protected IdGenerator newGenerator() {
        return new UuidV7Generator(Instant::now);
    }

    @Test
    void idsAreVersionSevenWithTheTimestampInFront() {
        Instant at = Instant.parse("2026-11-28T10:15:30.123Z");
        Id<Object> id = new UuidV7Generator(new MutableClock(at)).next();

        UUID uuid = UUID.fromString(id.value());
        assertThat(uuid.version()).isEqualTo(7);
        assertThat(uuid.variant()).isEqualTo(2);
        assertThat(uuid.getMostSignificantBits() >>> 16).isEqualTo(at.toEpochMilli());
    }

    @Test
    void aClockThatStepsBackDoesNotMakeIdsGoBackwards() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-28T10:00:00Z"));
        UuidV7Generator generator = new UuidV7Generator(clock);
        Id<Object> before = generator.next();

        clock.set(Instant.parse("2026-11-28T09:00:00Z"));
        Id<Object> after = generator.next();

        assertThat(after.value()).isGreaterThan(before.value());
    }
}
