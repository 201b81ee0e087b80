package dev.knot.adapter.embedded;

import dev.knot.ports.out.TemplateVarRepository;
import dev.knot.testkit.contract.TemplateVarRepositoryContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

class ChronicleTemplateVarRepositoryTest extends TemplateVarRepositoryContract {
    @TempDir
    Path directory;

    private EmbeddedStore store;

    @Override
    protected TemplateVarRepository newRepository() {
        store = TestStores.open(directory);
        return new ChronicleTemplateVarRepository(store);
    }

    @AfterEach
    void closeStore() {
        if (store != null) {
            store.close();
        }
    }
}
