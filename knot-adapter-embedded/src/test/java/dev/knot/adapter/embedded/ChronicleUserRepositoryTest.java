package dev.knot.adapter.embedded;

import dev.knot.ports.out.UserRepository;
import dev.knot.testkit.contract.UserRepositoryContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

class ChronicleUserRepositoryTest extends UserRepositoryContract {
    @TempDir
    Path directory;

    private EmbeddedStore store;

    @Override
    protected UserRepository newRepository() {
        store = TestStores.open(directory);
        return new ChronicleUserRepository(store);
    }

    @AfterEach
    void closeStore() {
        if (store != null) {
            store.close();
        }
    }
}
