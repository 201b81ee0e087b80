package dev.knot.app.wiring;

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
import dev.knot.app.config.ResolverSection;
import dev.knot.app.config.StorageConfig;
import dev.knot.app.dns.SrvResolver;
import dev.knot.ports.model.KnotException;
import java.time.Duration;

/**
 * Picks the storage adapters for the configured layout (architecture.md's table): the durable store, and the cache
 * for sessions and agent state, which is Redis whenever Redis is enabled beside MySQL. "srv+name" hosts are handed
 * to the adapters as lookups ({@link ServiceLookup}) that ask DNS while knot runs: MySQL at every new pooled
 * connection, Redis at its start and at each of Redisson's DNS checks, so a service that moves is followed without
 * a restart.
 */
final class StorageModules {
    /**
     * How long one MySQL statement may wait for an answer. The adapter's default (30 s) would hold a request thread
     * and the caller that long when the database hangs; 10 s still carries a 10 MB template on any working network,
     * and the schema migration has a timeout of its own.
     */
    private static final Duration MYSQL_SOCKET_TIMEOUT = Duration.ofSeconds(10);

    private StorageModules() {}

    /**
     * @param resolver the name servers for "srv+" hosts
     * @throws KnotException when a section cannot be turned into a working adapter configuration; nothing is
     *     looked up here: a DNS lookup that fails at start fails the store's start (STORE_UNAVAILABLE, like a
     *     database that does not answer)
     */
    static Module forConfig(StorageConfig config, ResolverSection resolver) {
        SrvResolver dns = new SrvResolver(resolver);
        // No default branch (Trino DEVELOPMENT.md): a new StorageType must be wired before this compiles.
        return switch (config.type()) {
            case EMBEDDED -> new EmbeddedStorageModule(new EmbeddedConfig(config.embedded().directory()));
            case MYSQL -> mysqlWithCache(config, dns);
            case REDIS -> new RedisStorageModule(redis(config.redis(), dns));
        };
    }

    private static Module mysqlWithCache(StorageConfig config, SrvResolver dns) {
        MysqlConfig mysql = mysql(config.mysql(), dns);
        Module cache = switch (config.cacheType()) {
            case REDIS -> new RedisCacheModule(redis(config.redis(), dns));
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

    /**
     * Validated at once, so a bad value is a configuration error (exit 2) even when the host is "srv+". With
     * "srv+name" the SRV record gives host and port (server.mysql.port is then not used), at every new connection.
     */
    private static MysqlConfig mysql(MysqlSection section, SrvResolver dns) {
        String host = section.host().isEmpty() ? "localhost" : section.host();
        try {
            MysqlConfig config = MysqlConfig.withDefaultTimeouts(host, section.port(), section.user(),
                            section.password().value(), section.database(), section.connectionMaxIdle(),
                            section.connectionMaxOpen(), section.connectionMaxLifetime())
                    .withTimeouts(MysqlConfig.DEFAULT_CONNECT_TIMEOUT, MYSQL_SOCKET_TIMEOUT,
                            MysqlConfig.DEFAULT_VALIDATION_TIMEOUT);
            if (!host.startsWith(ServiceLookup.SRV_PREFIX)) {
                return config;
            }
            ServiceLookup lookup = new ServiceLookup("server.mysql.host", dns);
            return config.withEndpoint(lookup.endpoint(host.substring(ServiceLookup.SRV_PREFIX.length())));
        } catch (IllegalArgumentException invalid) {
            throw KnotException.invalid("server.mysql: " + invalid.getMessage());
        }
    }

    /** "srv+name" entries are looked up by the adapter through a {@link ServiceLookup}, at start and while running. */
    private static RedisConfig redis(RedisSection section, SrvResolver dns) {
        try {
            return RedisConfig.of(section.hosts(), section.password().value(), section.database(),
                            section.masterName(), section.keyPrefix())
                    .withServiceLookup(new ServiceLookup("server.redis.hosts", dns));
        } catch (IllegalArgumentException invalid) {
            throw KnotException.invalid(invalid.getMessage());
        }
    }
}
