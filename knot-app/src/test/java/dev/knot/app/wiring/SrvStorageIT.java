package dev.knot.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.Stage;
import com.google.inject.TypeLiteral;
import dev.knot.app.ThrowawayStores;
import dev.knot.app.config.ConfigEnvironment;
import dev.knot.app.config.ConfigLoader;
import dev.knot.app.config.KnotConfig;
import dev.knot.app.dns.FakeDnsServer;
import dev.knot.ports.model.Id;
import dev.knot.ports.out.Clock;
import dev.knot.ports.out.SessionStore;
import dev.knot.ports.out.UserRepository;
import dev.knot.ports.runtime.ManagedService;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * "srv+" hosts for MySQL and Redis, looked up in a name server of the test whose SRV records point at the local
 * MariaDB and Redis, while the configured ports are wrong: the stores open only if the SRV record's port is used.
 */
class SrvStorageIT {
    private static final String KEY = "0123456789abcdefghijABCDEFGHIJ01";
    private static final Module CLOCK = binder -> binder.bind(Clock.class).toInstance(new SystemClock());

    @TempDir
    Path working;

    @RegisterExtension
    final ThrowawayStores throwaway = new ThrowawayStores();

    @Test
    void mysqlAndTheRedisCacheAreReachedAtTheHostAndPortTheirSrvRecordsGive() {
        try (FakeDnsServer dns = FakeDnsServer.start()
                .withSrv("mysql.service.consul", 1, 1, 3306, "db.node.consul").withA("db.node.consul", "127.0.0.1")
                .withSrv("redis.service.consul", 1, 1, 6379, "cache.node.consul").withA("cache.node.consul", "127.0.0.1")) {
            KnotConfig config = load("server: {encrypt: " + KEY + ", "
                    + "mysql: {enabled: true, host: srv+mysql.service.consul, port: 1, user: root, database: " + throwaway.database() + "}, "
                    + "redis: {enabled: true, host: srv+redis.service.consul, key_prefix: \"" + throwaway.keyPrefix() + "\"}}\n"
                    + "resolver: {nameservers: [" + dns.address() + "]}");

            Injector injector = Guice.createInjector(Stage.PRODUCTION,
                    StorageModules.forConfig(config.server().storage(), config.resolver()), CLOCK);

            try (ServiceLifecycle lifecycle = new ServiceLifecycle(List.copyOf(
                    injector.getInstance(Key.get(new TypeLiteral<Set<ManagedService>>() {}))))) {
                lifecycle.start();
                assertThat(injector.getInstance(UserRepository.class).hasUsers()).isFalse();
                assertThat(injector.getInstance(SessionStore.class).findByUser(Id.of(UUID.randomUUID().toString())))
                        .isEmpty();
            }
        }
    }

    private KnotConfig load(String yaml) {
        ConfigEnvironment environment = new ConfigEnvironment(Map.of(), working, Optional.empty(), () -> "test-host");
        return new ConfigLoader(environment).fromYaml(yaml);
    }
}
