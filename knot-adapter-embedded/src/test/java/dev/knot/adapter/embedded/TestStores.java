package dev.knot.adapter.embedded;

import dev.knot.ports.out.Clock;
import java.nio.file.Path;
import java.time.Instant;

/** Opens embedded stores for tests. */
final class TestStores {
    static final Clock SYSTEM_CLOCK = Instant::now;

    private TestStores() {}

    static EmbeddedStore open(Path directory) {
        return open(directory, SYSTEM_CLOCK);
    }

    static EmbeddedStore open(Path directory, Clock clock) {
        EmbeddedStore store = new EmbeddedStore(directory, clock);
        store.start();
        return store;
    }
}
