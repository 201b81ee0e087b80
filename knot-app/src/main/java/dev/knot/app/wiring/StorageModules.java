package dev.knot.app.wiring;

import static java.lang.String.format;

import com.google.inject.Module;
import dev.knot.adapter.embedded.EmbeddedConfig;
import dev.knot.adapter.embedded.EmbeddedStorageModule;
import dev.knot.app.config.StorageConfig;
import dev.knot.ports.model.ErrorCode;
import dev.knot.ports.model.KnotException;

/** Picks the storage adapter's module for the configured store. */
final class StorageModules {
    private StorageModules() {}

    /** @throws KnotException when the configured store has no adapter in this build */
    static Module forConfig(StorageConfig config) {
        // No default branch (Trino DEVELOPMENT.md): a new StorageType must be wired before this compiles.
        return switch (config.type()) {
            case EMBEDDED -> new EmbeddedStorageModule(new EmbeddedConfig(config.embedded().directory()));
            case MYSQL -> throw notAvailable("MySQL", "server.mysql.enabled");
            case REDIS -> throw notAvailable("Redis", "server.redis.enabled");
        };
    }

    private static KnotException notAvailable(String store, String key) {
        return new KnotException(
                ErrorCode.INVALID_ARGUMENT,
                format("%s storage is not available in this build yet (%s is true): use the embedded store "
                        + "(server.embedded.enabled or server.badgerdb.enabled) until it is", store, key));
    }
}
