package dev.knot.adapter.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Stage;
import com.google.inject.TypeLiteral;
import dev.knot.ports.model.Session;
import dev.knot.ports.model.User;
import dev.knot.ports.out.Clock;
import dev.knot.ports.out.SessionStore;
import dev.knot.ports.out.UserRepository;
import dev.knot.ports.runtime.ManagedService;
import dev.knot.testkit.fixture.MutableClock;
import dev.knot.testkit.fixture.SessionFixtures;
import dev.knot.testkit.fixture.UserFixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The modules as knot-app uses them: a production injector, the managed service started, the ports used. */
class MysqlStorageModuleIT {
    @Test
    void startedServiceOpensTheDatabaseForEveryBoundPort() {
        try (ThrowawayDatabase throwaway = ThrowawayDatabase.created()) {
            Injector injector = Guice.createInjector(Stage.PRODUCTION,
                    binder -> {
                        binder.requireExplicitBindings();
                        binder.requireAtInjectOnConstructors();
                    },
                    new MysqlStorageModule(throwaway.config()),
                    new MysqlCacheModule(),
                    new AbstractModule() {
                        @Override
                        protected void configure() {
                            bind(Clock.class).toInstance(new MutableClock());
                        }
                    });
            List<ManagedService> services =
                    new ArrayList<>(injector.getInstance(Key.get(new TypeLiteral<Set<ManagedService>>() {})));
            assertThat(services).extracting(ManagedService::name).containsExactly("mysql database");
            services.forEach(ManagedService::start);
            try {
                User user = UserFixtures.aUser().build();
                Session session = SessionFixtures.aSession().withUser(user.id()).build();

                injector.getInstance(UserRepository.class).create(user);
                injector.getInstance(SessionStore.class).save(session);

                assertThat(injector.getInstance(UserRepository.class).findById(user.id())).contains(user);
                assertThat(injector.getInstance(SessionStore.class).findByUser(user.id())).containsExactly(session);
                assertThat(injector.getInstance(UserRepository.class))
                        .isSameAs(injector.getInstance(UserRepository.class));
            } finally {
                services.forEach(ManagedService::close);
            }
        }
    }
}
