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
import dev.knot.app.dns.ServiceAddress;
import dev.knot.app.dns.SrvResolver;
import dev.knot.ports.model.KnotException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks the storage adapters for the configured layout (architecture.md's table): the durable store, and the cache
 * for sessions and agent state, which is Redis whenever Redis is enabled beside MySQL. "srv+name" hosts are looked
 * up in DNS when the injector is built, so at every start (the adapters take a fixed address; a server that loses
 * its database for good is restarted by its scheduler and looks the name up again).
 */
final class StorageModules {
    private static final Logger LOG = LoggerFactory.getLogger(StorageModules.class);
    private static final String SRV_PREFIX = "srv+";
    /**
     * How long one MySQL statement may wait for an answer. The adapter's default (30 s) would hold a request thread
     * and the caller that long when the database hangs; 10 s still carries a 10 MB template on any working network,
     * and the schema migration has a timeout of its own.
     */
    private static final Duration MYSQL_SOCKET_TIMEOUT = Duration.ofSeconds(10);

    private StorageModules() {}

    /** With the system resolver for "srv+" hosts. */
    /**
     * @param resolver the name servers for "srv+" hosts
     * @throws KnotException when a section cannot be turned into a working adapter configuration; a failed DNS
     *     lookup fails the injector's creation instead (STORE_UNAVAILABLE, like a database that does not answer)
     */
    static Module forConfig(StorageConfig config, ResolverSection resolver) {
        SrvResolver dns = new SrvResolver(resolver);
        // No default branch (Trino DEVELOPMENT.md): a new StorageType must be wired before this compiles.
        return switch (config.type()) {
            case EMBEDDED -> new EmbeddedStorageModule(new EmbeddedConfig(config.embedded().directory()));
            case MYSQL -> mysqlWithCache(config, dns);
            case REDIS -> {
                RedisConfig redis = redis(config.redis());
                yield whenBuilt(() -> new RedisStorageModule(resolved(redis, dns)));
            }
        };
    }

    private static Module mysqlWithCache(StorageConfig config, SrvResolver dns) {
        MysqlConfig mysql = mysql(config.mysql());
        Module cache = switch (config.cacheType()) {
            case REDIS -> {
                RedisConfig redis = redis(config.redis());
                yield whenBuilt(() -> new RedisCacheModule(resolved(redis, dns)));
            }
            case MYSQL -> new MysqlCacheModule();
            case EMBEDDED -> throw new IllegalStateException("MySQL never caches in the embedded store");
        };
        return new AbstractModule() {
            @Override
            protected void configure() {
                install(whenBuilt(() -> new MysqlStorageModule(resolved(mysql, dns))));
                install(cache);
            }
        };
    }

    /**
     * Makes the module only when the injector is built: a DNS lookup that fails then fails the start (exit 1, "could
     * not be assembled") rather than reading as a configuration mistake.
     */
    private static Module whenBuilt(Supplier<Module> module) {
        return binder -> binder.install(module.get());
    }

    /** Validated at once, so a bad value is a configuration error (exit 2) even when the host is "srv+". */
    private static MysqlConfig mysql(MysqlSection section) {
        String host = section.host().isEmpty() ? "localhost" : section.host();
        try {
            return MysqlConfig.withDefaultTimeouts(host, section.port(), section.user(), section.password().value(),
                            section.database(), section.connectionMaxIdle(), section.connectionMaxOpen(),
                            section.connectionMaxLifetime())
                    .withTimeouts(MysqlConfig.DEFAULT_CONNECT_TIMEOUT, MYSQL_SOCKET_TIMEOUT,
                            MysqlConfig.DEFAULT_VALIDATION_TIMEOUT);
        } catch (IllegalArgumentException invalid) {
            throw KnotException.invalid("server.mysql: " + invalid.getMessage());
        }
    }

    private static RedisConfig redis(RedisSection section) {
        try {
            return RedisConfig.of(section.hosts(), section.password().value(), section.database(),
                    section.masterName(), section.keyPrefix());
        } catch (IllegalArgumentException invalid) {
            throw KnotException.invalid(invalid.getMessage());
        }
    }

    /** "srv+name" as host: the SRV record gives host and port (server.mysql.port is then not used). */
    private static MysqlConfig resolved(MysqlConfig config, SrvResolver dns) {
        if (!config.host().startsWith(SRV_PREFIX)) {
            return config;
        }
        ServiceAddress found = lookup(dns, "server.mysql.host", config.host());
        LOG.info("server.mysql.host {} is {}", config.host(), found.hostAndPort());
        return new MysqlConfig(found.host(), found.port(), config.user(), config.password(), config.database(),
                config.connectionMaxIdle(), config.connectionMaxOpen(), config.connectionMaxLifetime(),
                config.connectTimeout(), config.socketTimeout(), config.validationTimeout());
    }

    private static RedisConfig resolved(RedisConfig config, SrvResolver dns) {
        if (config.hosts().stream().noneMatch(host -> host.startsWith(SRV_PREFIX))) {
            return config;
        }
        List<String> hosts = new ArrayList<>();
        for (String host : config.hosts()) {
            if (host.startsWith(SRV_PREFIX)) {
                ServiceAddress found = lookup(dns, "server.redis.hosts", host);
                LOG.info("server.redis.hosts entry {} is {}", host, found.hostAndPort());
                hosts.add(found.hostAndPort());
            } else {
                hosts.add(host);
            }
        }
        return new RedisConfig(hosts, config.password(), config.database(), config.masterName(), config.keyPrefix(),
                config.connectTimeout(), config.commandTimeout());
    }

    private static ServiceAddress lookup(SrvResolver dns, String key, String host) {
        try {
            return dns.lookup(host.substring(SRV_PREFIX.length()));
        } catch (KnotException failed) {
            throw new KnotException(failed.code(), key + " " + host + ": " + failed.getMessage(), failed);
        }
    }
}
