package dev.knot.adapter.embedded;

import static java.util.Objects.requireNonNull;

import dev.knot.ports.model.Id;
import dev.knot.ports.model.User;
import dev.knot.ports.out.UserRepository;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Users in the embedded store, unique by username and by email (case-insensitive). */
final class ChronicleUserRepository implements UserRepository {
    static final Index<User> BY_USERNAME = Index.unique("username",
            user -> Set.of(Keys.caseInsensitive(user.username())), "a user with this username already exists");
    static final Index<User> BY_EMAIL = Index.unique("email",
            user -> Set.of(Keys.caseInsensitive(user.email())), "a user with this email already exists");
    static final List<Index<User>> INDEXES = List.of(BY_USERNAME, BY_EMAIL);

    private final EmbeddedStore store;

    @Inject
    ChronicleUserRepository(EmbeddedStore store) {
        this.store = requireNonNull(store, "store is null");
    }

    @Override
    public void create(User user) {
        users().insert(requireNonNull(user, "user is null"));
    }

    @Override
    public boolean createIfNoUsers(User user) {
        return users().insertIfEmpty(requireNonNull(user, "user is null"));
    }

    @Override
    public void update(User user) {
        users().update(requireNonNull(user, "user is null"));
    }

    @Override
    public Optional<User> findById(Id<User> id) {
        return users().find(id.value());
    }

    @Override
    public List<User> findAll() {
        return users().findAll();
    }

    @Override
    public boolean delete(Id<User> id) {
        return users().remove(id.value()).isPresent();
    }

    @Override
    public Optional<User> findByEmail(String email) {
        return users().findBy(BY_EMAIL, Keys.caseInsensitive(email)).stream().findFirst();
    }

    @Override
    public Optional<User> findByUsername(String username) {
        return users().findBy(BY_USERNAME, Keys.caseInsensitive(username)).stream().findFirst();
    }

    @Override
    public boolean hasUsers() {
        return !users().isEmpty();
    }

    private RecordCollection<User> users() {
        return store.collections().users();
    }
}
