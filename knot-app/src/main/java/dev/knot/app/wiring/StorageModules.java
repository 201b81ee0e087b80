package dev.knot.app.wiring;

import static java.lang.String.format;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import dev.knot.adapter.embedded.EmbeddedConfig;
import dev.knot.adapter.embedded.EmbeddedStorageModule;
import dev.knot.adapter.mysql.MysqlCacheModule;
import dev.knot.adapter.mysql.MysqlConfig;
import dev.knot.adapter.mysql.MysqlStorageModule;
import dev.knot.adapter.redis.RedisCacheModule;
import dev.knot.adapter.redis.RedisConfig;
import dev.knot.adapter.redis.RedisStorageModule;
import dev.knot.app.config.MysqlSection;
import dev.knot.app.config.RedisSection;
import dev.knot.app.config.StorageConfig;
import dev.knot.ports.model.KnotException;

/**
 * Picks the storage adapters for the configured layout (architecture.md's table): the durable store, and the cache
 * for sessions and agent state, which is Redis whenever Redis is enabled beside MySQL.
 */
final class StorageModules {
    private StorageModules() {}

    /** @throws KnotException when a section cannot be turned into a working adapter configuration */
    static Module forConfig(StorageConfig config) {
        // No default branch (Trino DEVELOPMENT.md): a new StorageType must be wired before this compiles.
        return switch (config.type()) {
            case EMBEDDED -> new EmbeddedStorageModule(new EmbeddedConfig(config.embedded().directory()));
            case MYSQL -> mysqlWithCache(config);
            case REDIS -> new RedisStorageModule(redis(config.redis()));
        };
    }

    private static Module mysqlWithCache(StorageConfig config) {
        MysqlConfig mysql = mysql(config.mysql());
        Module cache = switch (config.cacheType()) {
            case REDIS -> new RedisCacheModule(redis(config.redis()));
            case MYSQL -> new MysqlCacheModule();
            case EMBEDDED -> throw new IllegalStateException("MySQL never caches in the embedded store");
        };
        return new AbstractModule() {
            @Override
            protected void configure() {
                install(new MysqlStorageModule(mysql));
                install(cache);
            }
        };
    }

    private static MysqlConfig mysql(MysqlSection section) {
        String host = section.host().isEmpty() ? "localhost" : section.host();
        requireNoSrv("server.mysql.host", host);
        try {
            return MysqlConfig.withDefaultTimeouts(host, section.port(), section.user(), section.password().value(),
                    section.database(), section.connectionMaxIdle(), section.connectionMaxOpen(),
                    section.connectionMaxLifetime());
        } catch (IllegalArgumentException invalid) {
            throw KnotException.invalid("server.mysql: " + invalid.getMessage());
        }
    }

    private static RedisConfig redis(RedisSection section) {
        section.hosts().forEach(host -> requireNoSrv("server.redis.hosts", host));
        try {
            return RedisConfig.of(section.hosts(), section.password().value(), section.database(),
                    section.masterName(), section.keyPrefix());
        } catch (IllegalArgumentException invalid) {
            throw KnotException.invalid(invalid.getMessage());
        }
    }

    /** DNS SRV lookups ("srv+name") are not built yet: say so at start rather than fail later on a connect. */
    private static void requireNoSrv(String key, String host) {
        if (host.startsWith("srv+")) {
            throw KnotException.invalid(format(
                    "%s: srv+ lookups are not supported in this build yet: give host:port instead of %s", key, host));
        }
    }
}
