package dev.knot.testkit.fake;

import static java.util.Objects.requireNonNull;

import dev.knot.ports.model.Id;
import dev.knot.ports.model.Session;
import dev.knot.ports.model.User;
import dev.knot.ports.out.Clock;
import dev.knot.ports.out.SessionStore;
import java.util.List;
import java.util.Optional;

/** A {@link SessionStore} in memory, expiring sessions by the given clock. Thread-safe. */
public final class InMemorySessionStore implements SessionStore {
    private final ExpiringEntries<Id<Session>, Session> sessions;

    public InMemorySessionStore(Clock clock) {
        this.sessions = new ExpiringEntries<>(clock, Session::id, Session::isExpiredAt);
    }

    @Override
    public void save(Session session) {
        sessions.put(session);
    }

    @Override
    public Optional<Session> findBySecretHash(String secretHash) {
        requireNonNull(secretHash, "secretHash is null");
        return sessions.liveWhere(session -> session.secretHash().equals(secretHash)).stream().findFirst();
    }

    @Override
    public Optional<Session> findById(Id<Session> id) {
        return sessions.get(id);
    }

    @Override
    public List<Session> findByUser(Id<User> userId) {
        requireNonNull(userId, "userId is null");
        return sessions.liveWhere(session -> session.userId().equals(userId));
    }

    @Override
    public boolean delete(Id<Session> id) {
        return sessions.removeLive(id);
    }

    @Override
    public int deleteByUser(Id<User> userId) {
        requireNonNull(userId, "userId is null");
        return sessions.removeLiveWhere(session -> session.userId().equals(userId));
    }
}
