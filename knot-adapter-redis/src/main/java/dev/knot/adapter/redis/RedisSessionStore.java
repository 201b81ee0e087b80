package dev.knot.adapter.redis;

import static java.util.Objects.requireNonNull;

import dev.knot.ports.model.Id;
import dev.knot.ports.model.KnotException;
import dev.knot.ports.model.Session;
import dev.knot.ports.model.User;
import dev.knot.ports.out.Clock;
import dev.knot.ports.out.SessionStore;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Sessions under {@code Sessions:<id>}, found by {@code SessionsBySecretHash:<hash>} and listed per user by the
 * set {@code SessionsByUserId:<user>}. Each read checks the stored expiry against the Clock; Redis drops the
 * record and its hash entry a little after that (see {@link NativeExpiry}), and the user's set lives as long
 * as its longest session, its dead members being pruned whenever it is read.
 */
final class RedisSessionStore implements SessionStore {
    private static final String BY_SECRET_HASH = "SessionsBySecretHash";
    private static final String BY_USER = "SessionsByUserId";

    private final KeyLayout keys;
    private final Clock clock;
    private final IndexedRecords<Session> sessions;

    @Inject
    RedisSessionStore(RedisOperations redis, KeyLayout keys, Clock clock) {
        this.keys = requireNonNull(keys, "keys is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.sessions =
                new IndexedRecords<>(redis, keys, KeyLayout.Collection.SESSIONS, new SessionCodec(), new Indexing());
    }

    @Override
    public void save(Session session) {
        if (sessions.save(session).result() == RecordWrite.Result.CLAIM_TAKEN) {
            throw KnotException.alreadyExists("another session has the same secret");
        }
    }

    @Override
    public Optional<Session> findBySecretHash(String secretHash) {
        return sessions.findByUniqueKey(secretHashKey(secretHash))
                .filter(session -> session.secretHash().equals(secretHash))
                .filter(this::isLive);
    }

    @Override
    public Optional<Session> findById(Id<Session> id) {
        return sessions.find(id.value()).filter(this::isLive);
    }

    @Override
    public List<Session> findByUser(Id<User> userId) {
        return sessions.findMembersPruning(userKey(userId)).stream()
                .filter(session -> session.userId().equals(userId))
                .filter(this::isLive)
                .toList();
    }

    @Override
    public boolean delete(Id<Session> id) {
        return sessions.delete(id.value()).filter(this::isLive).isPresent();
    }

    @Override
    public int deleteByUser(Id<User> userId) {
        int removed = 0;
        for (Session session : sessions.findMembersPruning(userKey(userId))) {
            boolean live = sessions.deleteIf(session.id().value(), current -> current.userId().equals(userId))
                    .filter(this::isLive)
                    .isPresent();
            if (live) {
                removed++;
            }
        }
        return removed;
    }

    private boolean isLive(Session session) {
        return !session.isExpiredAt(clock.now());
    }

    private String secretHashKey(String secretHash) {
        return keys.uniqueIndex(BY_SECRET_HASH, secretHash);
    }

    private String userKey(Id<User> userId) {
        return keys.membersIndex(BY_USER, userId.value());
    }

    private final class Indexing implements IndexedRecords.Indexing<Session> {
        @Override
        public String idOf(Session session) {
            return session.id().value();
        }

        @Override
        public Set<String> uniqueKeys(Session session) {
            return Set.of(secretHashKey(session.secretHash()));
        }

        @Override
        public Set<String> sets(Session session) {
            return Set.of(userKey(session.userId()));
        }

        @Override
        public Optional<Duration> timeToLive(Session session) {
            return Optional.of(NativeExpiry.timeToLive(session.expiresAt(), clock.now()));
        }
    }
}
