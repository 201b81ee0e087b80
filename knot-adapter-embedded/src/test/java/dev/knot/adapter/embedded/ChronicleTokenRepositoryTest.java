package dev.knot.adapter.embedded;

import dev.knot.ports.out.TokenRepository;
import dev.knot.testkit.contract.TokenRepositoryContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

class ChronicleTokenRepositoryTest extends TokenRepositoryContract {
    @TempDir
    Path directory;

    private EmbeddedStore store;

    @Override
    protected TokenRepository newRepository() {
        store = TestStores.open(directory);
        return new ChronicleTokenRepository(store);
    }

    @AfterEach
    void closeStore() {
        if (store != null) {
            store.close();
        }
    }
}
