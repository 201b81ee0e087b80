package dev.knot.adapter.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.AbstractModule;
import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.Stage;
import com.google.inject.TypeLiteral;
import com.google.inject.util.Modules;
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
import dev.knot.testkit.fixture.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The modules' bindings under knot-app's strict injector settings, checked in Stage.TOOL: Guice validates every
 * binding and builds nothing, so no connection is attempted and no server is needed.
 */
class MysqlStorageModuleTest {
    private static final MysqlConfig CONFIG = MysqlConfig.withDefaultTimeouts(
            "db.example.com", 3306, "knot", "secret", "knot", 10, 100, Duration.ofMinutes(5));
    private static final List<Class<?>> DURABLE_PORTS = List.of(UserRepository.class, GroupRepository.class,
            TemplateRepository.class, TemplateVarRepository.class, SpaceRepository.class, VolumeRepository.class,
            TokenRepository.class);
    private static final Key<Set<ManagedService>> SERVICES = Key.get(new TypeLiteral<Set<ManagedService>>() {});

    @Test
    void storageModuleBindsEveryDurablePortAndTheDatabaseService() {
        Injector injector = strictInjector(new MysqlStorageModule(CONFIG), clock());

        for (Class<?> port : DURABLE_PORTS) {
            assertThat(injector.getExistingBinding(Key.get(port))).as(port.getSimpleName()).isNotNull();
        }
        assertThat(injector.getExistingBinding(SERVICES)).isNotNull();
        assertThat(injector.getExistingBinding(Key.get(SessionStore.class))).isNull();
        assertThat(injector.getExistingBinding(Key.get(AgentStateStore.class))).isNull();
    }

    @Test
    void cacheModuleAddsSessionsAndAgentStateOnTheSameDatabase() {
        Injector injector = strictInjector(new MysqlStorageModule(CONFIG), new MysqlCacheModule(), clock());

        assertThat(injector.getExistingBinding(Key.get(SessionStore.class))).isNotNull();
        assertThat(injector.getExistingBinding(Key.get(AgentStateStore.class))).isNotNull();
        for (Class<?> port : DURABLE_PORTS) {
            assertThat(injector.getExistingBinding(Key.get(port))).as(port.getSimpleName()).isNotNull();
        }
    }

    @Test
    void storageModuleNeedsAClockFromOutside() {
        assertThatThrownBy(() -> strictInjector(new MysqlStorageModule(CONFIG)))
                .isInstanceOf(CreationException.class)
                .hasMessageContaining(Clock.class.getName());
    }

    private static Injector strictInjector(Module... modules) {
        Module strict = binder -> {
            binder.requireExplicitBindings();
            binder.requireAtInjectOnConstructors();
            binder.requireExactBindingAnnotations();
            binder.disableCircularProxies();
        };
        return Guice.createInjector(Stage.TOOL, strict, Modules.combine(modules));
    }

    private static Module clock() {
        return new AbstractModule() {
            @Override
            protected void configure() {
                bind(Clock.class).toInstance(new MutableClock());
            }
        };
    }
}
