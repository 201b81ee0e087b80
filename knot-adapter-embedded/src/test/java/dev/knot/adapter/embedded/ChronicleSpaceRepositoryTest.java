package dev.knot.adapter.embedded;

import dev.knot.ports.out.SpaceRepository;
import dev.knot.testkit.contract.SpaceRepositoryContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

class ChronicleSpaceRepositoryTest extends SpaceRepositoryContract {
    @TempDir
    Path directory;

    private EmbeddedStore store;

    @Override
    protected SpaceRepository newRepository() {
        store = TestStores.open(directory);
        return new ChronicleSpaceRepository(store);
    }

    @AfterEach
    void closeStore() {
        if (store != null) {
            store.close();
        }
    }
}
