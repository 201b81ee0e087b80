package dev.knot.adapter.embedded;

import dev.knot.ports.out.TemplateRepository;
import dev.knot.testkit.contract.TemplateRepositoryContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

class ChronicleTemplateRepositoryTest extends TemplateRepositoryContract {
    @TempDir
    Path directory;

    private EmbeddedStore store;

    @Override
    protected TemplateRepository newRepository() {
        store = TestStores.open(directory);
        return new ChronicleTemplateRepository(store);
    }

    @AfterEach
    void closeStore() {
        if (store != null) {
            store.close();
        }
    }
}
