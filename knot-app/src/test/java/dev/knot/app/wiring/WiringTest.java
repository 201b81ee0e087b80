package dev.knot.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.Stage;
import com.google.inject.TypeLiteral;
import dev.knot.app.config.ConfigEnvironment;
import dev.knot.app.config.ConfigLoader;
import dev.knot.app.config.KnotConfig;
import dev.knot.app.config.StorageType;
import dev.knot.app.dns.FakeDnsServer;
import dev.knot.ports.model.ErrorCode;
import dev.knot.ports.model.KnotException;
import dev.knot.ports.out.AgentStateStore;
import dev.knot.ports.out.Clock;
import dev.knot.ports.out.GroupRepository;
import dev.knot.ports.out.JobScheduler;
import dev.knot.ports.out.SessionStore;
import dev.knot.ports.out.SpaceRepository;
import dev.knot.ports.out.TemplateRepository;
import dev.knot.ports.out.TemplateVarRepository;
import dev.knot.ports.out.TokenRepository;
import dev.knot.ports.out.UserRepository;
import dev.knot.ports.out.VolumeScheduler;
import dev.knot.ports.out.VolumeRepository;
import dev.knot.ports.runtime.ManagedService;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Builds the injector for each store in Stage.TOOL: every binding is checked, nothing is instantiated or opened. */
class WiringTest {
    private static final List<Class<?>> DRIVEN_PORTS = List.of(
            UserRepository.class, GroupRepository.class, TemplateRepository.class, TemplateVarRepository.class,
            SpaceRepository.class, VolumeRepository.class, TokenRepository.class, SessionStore.class,
            AgentStateStore.class, Clock.class, JobScheduler.class, VolumeScheduler.class);

    private static final String KEY = "0123456789abcdefghijABCDEFGHIJ01";
    /** What ServerModules binds beside the storage modules, which need a clock. */
    private static final Module CLOCK = binder -> binder.bind(Clock.class).toInstance(new SystemClock());

    @TempDir
    Path working;

    @ParameterizedTest
    @EnumSource(StorageType.class)
    void everyDrivenPortIsBoundForEveryStore(StorageType type) {
        assertEveryPortBound(Guice.createInjector(Stage.TOOL, ServerModules.forConfig(configFor(type))));
    }

    @Test
    void mysqlWithRedisKeepsDurableDataInMysqlAndTheCacheInRedis() {
        KnotConfig config = load("server: {encrypt: " + KEY + ", mysql: {enabled: true}, redis: {enabled: true}}");

        assertThat(config.server().storage().type()).isEqualTo(StorageType.MYSQL);
        assertThat(config.server().storage().cacheType()).isEqualTo(StorageType.REDIS);
        assertEveryPortBound(Guice.createInjector(Stage.TOOL, ServerModules.forConfig(config)));
    }

    @Test
    void srvHostsAreLookedUpWhenTheStoresStartNotWhenTheInjectorIsBuilt() {
        try (FakeDnsServer dns = FakeDnsServer.start()
                .withSrv("mysql.service.consul", 1, 1, 3306, "db.node.consul").withA("db.node.consul", "127.0.0.1")
                .withSrv("redis.service.consul", 1, 1, 6379, "cache.node.consul").withA("cache.node.consul", "127.0.0.1")) {
            KnotConfig config = load("server: {encrypt: " + KEY + ", mysql: {enabled: true, host: srv+mysql.service.consul},"
                    + " redis: {enabled: true, host: srv+redis.service.consul}}\nresolver: {nameservers: [" + dns.address() + "]}");

            Injector injector = Guice.createInjector(Stage.TOOL,
                    StorageModules.forConfig(config.server().storage(), config.resolver()), CLOCK);

            assertThat(injector.getExistingBinding(Key.get(UserRepository.class))).isNotNull();
            assertThat(injector.getExistingBinding(Key.get(SessionStore.class))).isNotNull();
            assertThat(dns.questions()).as("the adapters look the names up when they connect").isZero();
        }
    }

    @Test
    void aFailedSrvLookupFailsTheStoresStartNamingTheKeyTheNameAndTheNameServers() {
        try (FakeDnsServer dns = FakeDnsServer.start()) {
            KnotConfig config = load("server: {encrypt: " + KEY + ", redis: {enabled: true, hosts: [srv+redis.service.consul]}}"
                    + "\nresolver: {nameservers: [" + dns.address() + "]}");
            Injector injector = Guice.createInjector(Stage.DEVELOPMENT,
                    StorageModules.forConfig(config.server().storage(), config.resolver()), CLOCK);
            Set<ManagedService> services = injector.getInstance(Key.get(new TypeLiteral<Set<ManagedService>>() {}));

            assertThat(services).hasSize(1);
            assertThatThrownBy(() -> services.iterator().next().start())
                    .isInstanceOfSatisfying(KnotException.class,
                            failure -> assertThat(failure.code()).isEqualTo(ErrorCode.STORE_UNAVAILABLE))
                    .hasMessageContaining("server.redis.hosts entry srv+redis.service.consul: DNS SRV lookup of "
                            + "redis.service.consul via " + dns.address() + " failed: no such name");
        }
    }

    private static void assertEveryPortBound(Injector injector) {
        for (Class<?> port : DRIVEN_PORTS) {
            assertThat(injector.getExistingBinding(Key.get(port))).as(port.getSimpleName()).isNotNull();
        }
        assertThat(injector.getExistingBinding(Key.get(new TypeLiteral<Set<ManagedService>>() {}))).isNotNull();
    }

    private KnotConfig configFor(StorageType type) {
        String section = switch (type) {
            case EMBEDDED -> "embedded";
            case MYSQL -> "mysql";
            case REDIS -> "redis";
        };
        KnotConfig config = load("server: {encrypt: " + KEY + ", " + section + ": {enabled: true}}");
        assertThat(config.server().storage().type()).isEqualTo(type);
        return config;
    }

    private KnotConfig load(String yaml) {
        ConfigEnvironment environment = new ConfigEnvironment(Map.of(), working, Optional.empty(), () -> "test-host");
        return new ConfigLoader(environment).fromYaml(yaml);
    }
}
