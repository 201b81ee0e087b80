package dev.knot.testkit.fake;

import static java.util.Objects.requireNonNull;

import dev.knot.ports.model.User;
import dev.knot.ports.out.UserRepository;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** A {@link UserRepository} in memory: usernames and emails unique case-insensitively. Thread-safe. */
public final class InMemoryUserRepository extends InMemoryUniqueRepository<User> implements UserRepository {
    public InMemoryUserRepository() {
        super("user", User::id);
    }

    @Override
    public synchronized boolean createIfNoUsers(User user) {
        requireNonNull(user, "user is null");
        if (hasUsers()) {
            return false;
        }
        create(user);
        return true;
    }

    @Override
    public Optional<User> findByEmail(String email) {
        return findByKey(emailKey(requireNonNull(email, "email is null")));
    }

    @Override
    public Optional<User> findByUsername(String username) {
        return findByKey(usernameKey(requireNonNull(username, "username is null")));
    }

    @Override
    public boolean hasUsers() {
        return !findAll().isEmpty();
    }

    @Override
    Set<String> uniqueKeys(User user) {
        return Set.of(usernameKey(user.username()), emailKey(user.email()));
    }

    private static String usernameKey(String username) {
        return "username:" + username.toLowerCase(Locale.ROOT);
    }

    private static String emailKey(String email) {
        return "email:" + email.toLowerCase(Locale.ROOT);
    }
}
