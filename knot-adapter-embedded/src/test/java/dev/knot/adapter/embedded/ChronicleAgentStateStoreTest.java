package dev.knot.adapter.embedded;

import dev.knot.ports.out.AgentStateStore;
import dev.knot.ports.out.Clock;
import dev.knot.testkit.contract.AgentStateStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

class ChronicleAgentStateStoreTest extends AgentStateStoreContract {
    @TempDir
    Path directory;

    private EmbeddedStore store;

    @Override
    protected AgentStateStore newStore(Clock clock) {
        store = TestStores.open(directory, clock);
        return new ChronicleAgentStateStore(store, clock);
    }

    @AfterEach
    void closeEmbeddedStore() {
        if (store != null) {
            store.close();
        }
    }
}
