package dev.knot.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.knot.ports.model.Id;
import dev.knot.ports.model.Session;
import dev.knot.ports.model.User;
import dev.knot.ports.out.SessionStore;
import dev.knot.testkit.fixture.FixtureDefaults;
import dev.knot.testkit.fixture.SessionFixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link SessionStore}: sessions are found by secret hash, id and user, and an expired session is
 * never returned, removed yet or not. Expiry is measured by the clock given to {@link #newStore}.
 */
public abstract class SessionStoreContract extends ExpiringStoreContract<SessionStore> {
    private static final Instant NOW = FixtureDefaults.NOW;

    private final Id<User> alice = FixtureDefaults.anId();

    protected SessionStoreContract() {
        super(SessionStore.class);
    }

    @Test
    public void savedSessionIsFoundBySecretHashAndIdWithEveryField() {
        Session session = SessionFixtures.aSession()
                .withUser(alice)
                .withIp("2001:db8::1")
                .withUserAgent("Mozilla/5.0 (X11; Linux) «knöt» 🚀")
                .withCreatedAt(NOW.minusSeconds(60))
                .withExpiresAt(NOW.plus(Duration.ofHours(1)))
                .build();

        store().save(session);

        assertThat(store().findBySecretHash(session.secretHash())).contains(session);
        assertThat(store().findById(session.id())).contains(session);
    }

    @Test
    public void emptyIpAndUserAgentSurviveTheRoundTrip() {
        Session session = SessionFixtures.aSession().withIp("").withUserAgent("").build();

        store().save(session);

        assertThat(store().findById(session.id())).contains(session);
    }

    @Test
    public void unknownSessionsAreNotFound() {
        store().save(SessionFixtures.aSession().build());

        assertThat(store().findBySecretHash("no-such-hash")).isEmpty();
        assertThat(store().findById(FixtureDefaults.anId())).isEmpty();
        assertThat(store().findByUser(FixtureDefaults.anId())).isEmpty();
    }

    @Test
    public void findByUserReturnsOnlyThatUsersLiveSessions() {
        Session first = SessionFixtures.aSession().withUser(alice).build();
        Session second = SessionFixtures.aSession().withUser(alice).build();
        Session expiring = SessionFixtures.aSession().withUser(alice).withExpiresAt(NOW.plusSeconds(10)).build();
        Session others = SessionFixtures.aSession().build();
        store().save(first);
        store().save(second);
        store().save(expiring);
        store().save(others);

        clock().advance(Duration.ofSeconds(10));

        assertThat(store().findByUser(alice)).containsExactlyInAnyOrder(first, second);
    }

    @Test
    public void sessionIsReturnedUntilJustBeforeItExpiresAndNeverFromThen() {
        Session session = SessionFixtures.aSession().withUser(alice).withExpiresAt(NOW.plusSeconds(60)).build();
        store().save(session);

        clock().set(session.expiresAt().minusMillis(1));
        assertThat(store().findBySecretHash(session.secretHash())).contains(session);
        assertThat(store().findById(session.id())).contains(session);
        assertThat(store().findByUser(alice)).containsExactly(session);

        clock().set(session.expiresAt());
        assertThat(store().findBySecretHash(session.secretHash())).isEmpty();
        assertThat(store().findById(session.id())).isEmpty();
        assertThat(store().findByUser(alice)).isEmpty();

        clock().advance(Duration.ofDays(1));
        assertThat(store().findBySecretHash(session.secretHash())).isEmpty();
        assertThat(store().findById(session.id())).isEmpty();
    }

    @Test
    public void sessionSavedAlreadyExpiredIsNeverReturned() {
        Session expired = SessionFixtures.aSession().withUser(alice).withExpiresAt(NOW.minusSeconds(1)).build();

        store().save(expired);

        assertThat(store().findBySecretHash(expired.secretHash())).isEmpty();
        assertThat(store().findById(expired.id())).isEmpty();
        assertThat(store().findByUser(alice)).isEmpty();
    }

    @Test
    public void savingAgainWithALaterExpiryExtendsTheSession() {
        Session session = SessionFixtures.aSession().withExpiresAt(NOW.plusSeconds(60)).build();
        store().save(session);
        clock().advance(Duration.ofSeconds(30));
        Session extended = session.withExpiry(clock().now().plusSeconds(60));

        store().save(extended);
        clock().advance(Duration.ofSeconds(45));

        assertThat(store().findById(session.id())).contains(extended);
        assertThat(store().findBySecretHash(session.secretHash())).contains(extended);
    }

    @Test
    public void savingAgainReplacesTheSessionWithTheSameId() {
        Session original = SessionFixtures.aSession().withUser(alice).build();
        store().save(original);
        Id<User> bob = FixtureDefaults.anId();
        Session replacement = SessionFixtures.copyOf(original)
                .withSecretHash(original.secretHash() + "-rotated")
                .withUser(bob)
                .withIp("10.0.0.2")
                .build();

        store().save(replacement);

        assertThat(store().findById(original.id())).contains(replacement);
        assertThat(store().findBySecretHash(replacement.secretHash())).contains(replacement);
        assertThat(store().findBySecretHash(original.secretHash())).isEmpty();
        assertThat(store().findByUser(alice)).isEmpty();
        assertThat(store().findByUser(bob)).containsExactly(replacement);
    }

    @Test
    public void deleteRemovesTheSessionFromEveryLookup() {
        Session deleted = SessionFixtures.aSession().withUser(alice).build();
        Session kept = SessionFixtures.aSession().withUser(alice).build();
        store().save(deleted);
        store().save(kept);

        assertThat(store().delete(deleted.id())).isTrue();

        assertThat(store().findById(deleted.id())).isEmpty();
        assertThat(store().findBySecretHash(deleted.secretHash())).isEmpty();
        assertThat(store().findByUser(alice)).containsExactly(kept);
    }

    @Test
    public void deleteOfAnUnknownSessionReturnsFalse() {
        assertThat(store().delete(FixtureDefaults.anId())).isFalse();
    }

    @Test
    public void deleteOfAnExpiredSessionReturnsFalse() {
        Session session = SessionFixtures.aSession().withExpiresAt(NOW.plusSeconds(10)).build();
        store().save(session);
        clock().advance(Duration.ofSeconds(10));

        assertThat(store().delete(session.id())).isFalse();
        assertThat(store().findById(session.id())).isEmpty();
    }

    @Test
    public void secondDeleteReturnsFalse() {
        Session session = SessionFixtures.aSession().build();
        store().save(session);

        assertThat(store().delete(session.id())).isTrue();
        assertThat(store().delete(session.id())).isFalse();
    }

    @Test
    public void deleteByUserEndsEveryLiveSessionOfThatUserAndCountsThem() {
        Session first = SessionFixtures.aSession().withUser(alice).build();
        Session second = SessionFixtures.aSession().withUser(alice).build();
        Session others = SessionFixtures.aSession().build();
        store().save(first);
        store().save(second);
        store().save(others);

        assertThat(store().deleteByUser(alice)).isEqualTo(2);

        assertThat(store().findByUser(alice)).isEmpty();
        assertThat(store().findById(first.id())).isEmpty();
        assertThat(store().findBySecretHash(second.secretHash())).isEmpty();
        assertThat(store().findById(others.id())).contains(others);
    }

    @Test
    public void deleteByUserWithoutSessionsRemovesNothing() {
        Session session = SessionFixtures.aSession().build();
        store().save(session);

        assertThat(store().deleteByUser(alice)).isZero();
        assertThat(store().findById(session.id())).contains(session);
    }

    @Test
    public void concurrentSavesOfDifferentSessionsAreAllKept() {
        SessionStore shared = store();
        List<Session> sessions = IntStream.range(0, 20)
                .mapToObj(index -> SessionFixtures.aSession().withUser(alice).build())
                .toList();

        Race.run(sessions.size(), index -> {
            shared.save(sessions.get(index));
            return index;
        });

        assertThat(shared.findByUser(alice)).containsExactlyInAnyOrderElementsOf(sessions);
    }
}
