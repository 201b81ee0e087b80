package dev.knot.adapter.embedded;

import static java.util.Objects.requireNonNull;

import dev.knot.ports.model.Id;
import dev.knot.ports.model.Session;
import dev.knot.ports.model.User;
import dev.knot.ports.out.Clock;
import dev.knot.ports.out.SessionStore;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Sessions in the embedded store. An expired session is never returned; one met while reading is removed then,
 * the rest by the store's periodic purge.
 */
final class ChronicleSessionStore implements SessionStore {
    static final Index<Session> BY_SECRET_HASH = Index.shared("secret hash", session -> Set.of(session.secretHash()));
    static final Index<Session> BY_USER = Index.shared("user", session -> Set.of(session.userId().value()));
    static final List<Index<Session>> INDEXES = List.of(BY_SECRET_HASH, BY_USER);

    private final EmbeddedStore store;
    private final Clock clock;

    @Inject
    ChronicleSessionStore(EmbeddedStore store, Clock clock) {
        this.store = requireNonNull(store, "store is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public void save(Session session) {
        sessions().save(requireNonNull(session, "session is null"));
    }

    @Override
    public Optional<Session> findBySecretHash(String secretHash) {
        return live(sessions().findBy(BY_SECRET_HASH, secretHash)).stream().findFirst();
    }

    @Override
    public Optional<Session> findById(Id<Session> id) {
        return live(sessions().find(id.value()).stream().toList()).stream().findFirst();
    }

    @Override
    public List<Session> findByUser(Id<User> userId) {
        return live(sessions().findBy(BY_USER, userId.value()));
    }

    @Override
    public boolean delete(Id<Session> id) {
        return sessions().remove(id.value()).filter(this::isLive).isPresent();
    }

    @Override
    public int deleteByUser(Id<User> userId) {
        int removed = 0;
        for (Session session : sessions().findBy(BY_USER, userId.value())) {
            removed += sessions().remove(session.id().value()).filter(this::isLive).isPresent() ? 1 : 0;
        }
        return removed;
    }

    /** The live ones among {@code found}; the expired ones are removed on the way, if they still are expired. */
    private List<Session> live(List<Session> found) {
        found.stream()
                .filter(session -> !isLive(session))
                .forEach(session -> sessions().removeIf(session.id().value(), stored -> !isLive(stored)));
        return found.stream().filter(this::isLive).toList();
    }

    private boolean isLive(Session session) {
        return !session.isExpiredAt(clock.now());
    }

    private RecordCollection<Session> sessions() {
        return store.collections().sessions();
    }
}
