package dev.knot.adapter.embedded;

import dev.knot.ports.out.VolumeRepository;
import dev.knot.testkit.contract.VolumeRepositoryContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

class ChronicleVolumeRepositoryTest extends VolumeRepositoryContract {
    @TempDir
    Path directory;

    private EmbeddedStore store;

    @Override
    protected VolumeRepository newRepository() {
        store = TestStores.open(directory);
        return new ChronicleVolumeRepository(store);
    }

    @AfterEach
    void closeStore() {
        if (store != null) {
            store.close();
        }
    }
}
