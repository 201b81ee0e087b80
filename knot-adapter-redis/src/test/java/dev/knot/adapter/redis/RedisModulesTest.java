package dev.knot.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.Stage;
import com.google.inject.TypeLiteral;
import dev.knot.ports.out.AgentStateStore;
import dev.knot.ports.out.Clock;
import dev.knot.ports.out.GroupRepository;
import dev.knot.ports.out.SessionStore;
import dev.knot.ports.out.SpaceRepository;
import dev.knot.ports.out.TemplateRepository;
import dev.knot.ports.out.TemplateVarRepository;
import dev.knot.ports.out.TokenRepository;
import dev.knot.ports.out.UserRepository;
import dev.knot.ports.out.VolumeRepository;
import dev.knot.ports.runtime.ManagedService;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The modules under knot-app's strict Guice settings; nothing connects, so no Redis is needed. */
class RedisModulesTest {
    private static final RedisConfig CONFIG = RedisConfig.of(List.of("127.0.0.1:6379"), "", 0, "", "knot");
    private static final List<Class<?>> DURABLE_PORTS = List.of(UserRepository.class, GroupRepository.class,
            TemplateRepository.class, TemplateVarRepository.class, SpaceRepository.class, VolumeRepository.class,
            TokenRepository.class);

    @Test
    void storageModuleBindsEveryPortAndOneManagedService() {
        Injector injector = strictInjector(new RedisStorageModule(CONFIG));

        for (Class<?> port : DURABLE_PORTS) {
            assertThat(injector.getInstance(port)).isInstanceOf(port).isSameAs(injector.getInstance(port));
        }
        assertThat(injector.getInstance(SessionStore.class)).isInstanceOf(RedisSessionStore.class);
        assertThat(injector.getInstance(AgentStateStore.class)).isInstanceOf(RedisAgentStateStore.class);
        assertThat(managedServices(injector)).singleElement().isInstanceOf(RedisConnection.class);
    }

    @Test
    void cacheModuleBindsOnlySessionsAndAgentStateAndOneManagedService() {
        Injector injector = strictInjector(new RedisCacheModule(CONFIG));

        assertThat(injector.getInstance(SessionStore.class)).isInstanceOf(RedisSessionStore.class);
        assertThat(injector.getInstance(AgentStateStore.class)).isInstanceOf(RedisAgentStateStore.class);
        for (Class<?> port : DURABLE_PORTS) {
            assertThat(injector.getExistingBinding(Key.get(port))).as("binding of %s", port).isNull();
        }
        assertThat(managedServices(injector)).singleElement().isInstanceOf(RedisConnection.class);
    }

    @Test
    void bothModulesWithTheSameConfigShareOneConnection() {
        Injector injector = strictInjector(new RedisStorageModule(CONFIG), new RedisCacheModule(CONFIG),
                new RedisCacheModule(CONFIG));

        assertThat(managedServices(injector)).singleElement().isSameAs(injector.getInstance(RedisConnection.class));
    }

    @Test
    void configToStringHidesThePassword() {
        RedisConfig config = RedisConfig.of(List.of("redis:6379"), "hunter2-secret", 0, "", "");

        assertThat(config.toString()).doesNotContain("hunter2-secret").contains("(redacted)");
        assertThat(new RedisStorageModule(config)).isEqualTo(new RedisStorageModule(config));
    }

    private static Set<ManagedService> managedServices(Injector injector) {
        return injector.getInstance(Key.get(new TypeLiteral<Set<ManagedService>>() {}));
    }

    private static Injector strictInjector(Module... modules) {
        return Guice.createInjector(Stage.PRODUCTION, new AbstractModule() {
            @Override
            protected void configure() {
                binder().requireExplicitBindings();
                binder().requireAtInjectOnConstructors();
                binder().requireExactBindingAnnotations();
                binder().disableCircularProxies();
                Clock clock = Instant::now;
                bind(Clock.class).toInstance(clock);
                for (Module module : modules) {
                    install(module);
                }
            }
        });
    }
}
