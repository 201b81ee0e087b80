package dev.knot.adapter.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
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
import dev.knot.testkit.fixture.UserFixtures;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedStorageModuleTest {
    @TempDir
    Path directory;

    @Test
    void bindsEveryPortUnderStrictGuiceAndTheStoreAsAManagedService() {
        Injector injector = Guice.createInjector(Stage.PRODUCTION, new AbstractModule() {
            @Override
            protected void configure() {
                binder().requireExplicitBindings();
                binder().requireAtInjectOnConstructors();
                binder().requireExactBindingAnnotations();
                binder().disableCircularProxies();
                bind(Clock.class).toInstance(TestStores.SYSTEM_CLOCK);
                install(new EmbeddedStorageModule(new EmbeddedConfig(directory)));
            }
        });
        Set<ManagedService> services = injector.getInstance(Key.get(new TypeLiteral<Set<ManagedService>>() {}));
        assertThat(services).singleElement().isInstanceOf(EmbeddedStore.class);
        ManagedService store = services.iterator().next();

        store.start();
        try {
            UserRepository users = injector.getInstance(UserRepository.class);
            users.create(UserFixtures.aUser().build());
            assertThat(users).isSameAs(injector.getInstance(UserRepository.class));
            assertThat(users.hasUsers()).isTrue();
            for (Class<?> port : Set.of(GroupRepository.class, TemplateRepository.class, TemplateVarRepository.class,
                    SpaceRepository.class, VolumeRepository.class, TokenRepository.class, SessionStore.class,
                    AgentStateStore.class)) {
                assertThat(injector.getInstance(port)).isInstanceOf(port);
            }
        } finally {
            store.close();
        }
    }
}
