package dev.knot.adapter.embedded;

import dev.knot.ports.out.SessionStore;
import dev.knot.ports.out.Clock;
import dev.knot.testkit.contract.SessionStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

class ChronicleSessionStoreTest extends SessionStoreContract {
    @TempDir
    Path directory;

    private EmbeddedStore store;

    @Override
    protected SessionStore newStore(Clock clock) {
        store = TestStores.open(directory, clock);
        return new ChronicleSessionStore(store, clock);
    }

    @AfterEach
    void closeEmbeddedStore() {
        if (store != null) {
            store.close();
        }
    }
}
