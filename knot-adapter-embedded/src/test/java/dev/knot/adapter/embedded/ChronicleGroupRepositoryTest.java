package dev.knot.adapter.embedded;

import dev.knot.ports.out.GroupRepository;
import dev.knot.testkit.contract.GroupRepositoryContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

class ChronicleGroupRepositoryTest extends GroupRepositoryContract {
    @TempDir
    Path directory;

    private EmbeddedStore store;

    @Override
    protected GroupRepository newRepository() {
        store = TestStores.open(directory);
        return new ChronicleGroupRepository(store);
    }

    @AfterEach
    void closeStore() {
        if (store != null) {
            store.close();
        }
    }
}
