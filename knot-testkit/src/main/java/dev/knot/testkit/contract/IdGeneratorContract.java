package dev.knot.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.knot.ports.model.Id;
import dev.knot.ports.out.IdGenerator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link IdGenerator}: ids are valid, unique, and (for time-ordered generators such as UUIDv7)
 * never sort before an id made earlier.
 */
public abstract class IdGeneratorContract extends PortContract {
    private static final int CALLS = 10_000;
    /** The 48-bit millisecond timestamp of a UUIDv7, as its first 13 characters (8 hex, hyphen, 4 hex). */
    private static final int TIMESTAMP_CHARACTERS = 13;

    protected IdGeneratorContract() {
        super(IdGenerator.class);
    }

    protected abstract IdGenerator newGenerator();

    /**
     * Whether ids are time-ordered like UUIDv7s (the production generator's promise). A generator of random ids
     * returns false, and that one test is reported as skipped.
     */
    protected boolean makesTimeOrderedIds() {
        return true;
    }

    @Test
    public void idsAreValidAndUniqueOverManyCalls() {
        IdGenerator generator = newGenerator();
        Set<String> seen = new HashSet<>();

        for (int call = 0; call < CALLS; call++) {
            Id<Object> id = generator.next();
            assertThat(Id.isValid(id.value())).as("valid id: %s", id).isTrue();
            assertThat(seen.add(id.value())).as("unique id: %s", id).isTrue();
        }
    }

    @Test
    public void idsAreUniqueAcrossConcurrentCallers() {
        IdGenerator generator = newGenerator();
        int callersCount = 4;

        List<List<String>> batches = Race.run(callersCount, caller -> {
            List<String> batch = new ArrayList<>();
            for (int call = 0; call < CALLS / callersCount; call++) {
                batch.add(generator.next().value());
            }
            return batch;
        });

        Set<String> all = new HashSet<>();
        batches.forEach(all::addAll);
        assertThat(all).hasSize(CALLS);
    }

    /**
     * Ids made within one millisecond may be in any order (UUIDv7 leaves that to the implementation), so this
     * checks the timestamp part only: it never goes down, and comparing ids as strings follows it.
     */
    @Test
    public void idsAreTimeOrderedAsStrings() {
        assumeTrue(makesTimeOrderedIds(), "this generator does not promise time-ordered ids");
        IdGenerator generator = newGenerator();
        String previous = generator.next().value();

        for (int call = 0; call < CALLS; call++) {
            String next = generator.next().value();
            String previousTime = previous.substring(0, TIMESTAMP_CHARACTERS);
            String nextTime = next.substring(0, TIMESTAMP_CHARACTERS);
            assertThat(nextTime).as("timestamp of %s after %s", next, previous).isGreaterThanOrEqualTo(previousTime);
            if (!nextTime.equals(previousTime)) {
                assertThat(next).isGreaterThan(previous);
            }
            previous = next;
        }
    }
}
