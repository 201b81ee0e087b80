package dev.knot.adapter.redis;

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
import dev.knot.testkit.fixture.SessionFixtures;
import dev.knot.testkit.fixture.UserFixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The storage module as knot-app runs it: start the managed service, use the ports, close it. */
class RedisStorageModuleIT {
    @RegisterExtension
    final RedisKeyspace redis = new RedisKeyspace();

    @Test
    void startedServiceServesEveryPortUnderTheConfiguredPrefix() {
        Instant now = Instant.now();
        Injector injector = Guice.createInjector(Stage.PRODUCTION, new AbstractModule() {
            @Override
            protected void configure() {
                binder().requireExplicitBindings();
                binder().requireAtInjectOnConstructors();
                Clock clock = () -> now;
                bind(Clock.class).toInstance(clock);
                install(new RedisStorageModule(redis.config()));
            }
        });
        ManagedService service = injector.getInstance(Key.get(new TypeLiteral<Set<ManagedService>>() {}))
                .iterator().next();

        service.start();
        try {
            UserRepository users = injector.getInstance(UserRepository.class);
            SessionStore sessions = injector.getInstance(SessionStore.class);
            User user = UserFixtures.aUser().build();
            Session session = SessionFixtures.aSession().withUser(user.id()).withExpiresAt(now.plus(Duration.ofHours(2)))
                    .build();

            assertThat(users.createIfNoUsers(user)).isTrue();
            sessions.save(session);

            assertThat(users.findByUsername(user.username())).contains(user);
            assertThat(sessions.findBySecretHash(session.secretHash())).contains(session);
            assertThat(redis.keyCount()).as("keys under the test's prefix").isPositive();
        } finally {
            service.close();
        }
    }
}
