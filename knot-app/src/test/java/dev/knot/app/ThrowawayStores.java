package dev.knot.app;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh, empty MariaDB database and Redis key prefix for each test, dropped and deleted afterwards, so tests against
 * the shared local servers never see each other's data. Register with {@code @RegisterExtension}.
 */
public final class ThrowawayStores implements BeforeEachCallback, AfterEachCallback {
    private String database;
    private String keyPrefix;

    @Override
    public void beforeEach(ExtensionContext context) {
        database = ExternalStores.createDatabase();
        keyPrefix = ExternalStores.newKeyPrefix();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        ExternalStores.dropDatabase(database);
        ExternalStores.deleteRedisKeys(keyPrefix);
    }

    public String database() {
        return database;
    }

    public String keyPrefix() {
        return keyPrefix;
    }
}
