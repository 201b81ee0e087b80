package dev.knot.adapter.redis;

import static java.util.Objects.requireNonNull;

import dev.knot.ports.model.Id;
import dev.knot.ports.model.KnotException;
import dev.knot.ports.model.User;
import dev.knot.ports.out.UserRepository;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Users under {@code Users:<id>}, found by {@code UsersByEmail:<email>} and {@code UsersByUsername:<username>}
 * (both lowercased: unique whatever the case), listed by the set {@code UserIds}.
 */
final class RedisUserRepository implements UserRepository {
    private static final String BY_EMAIL = "UsersByEmail";
    private static final String BY_USERNAME = "UsersByUsername";

    private final KeyLayout keys;
    private final IndexedRecords<User> users;

    @Inject
    RedisUserRepository(RedisOperations redis, KeyLayout keys) {
        this.keys = requireNonNull(keys, "keys is null");
        this.users = new IndexedRecords<>(redis, keys, KeyLayout.Collection.USERS, new UserCodec(), new Indexing());
    }

    @Override
    public void create(User user) {
        RecordWrite.Outcome outcome = users.insert(user, null);
        if (outcome.result() == RecordWrite.Result.ID_TAKEN) {
            throw KnotException.alreadyExists("duplicate user id");
        }
        refuseTakenClaim(outcome, user);
    }

    @Override
    public boolean createIfNoUsers(User user) {
        RecordWrite.Outcome outcome = users.insert(user, keys.ids(KeyLayout.Collection.USERS));
        if (outcome.result() == RecordWrite.Result.SET_NOT_EMPTY || outcome.result() == RecordWrite.Result.ID_TAKEN) {
            return false;
        }
        refuseTakenClaim(outcome, user);
        return true;
    }

    @Override
    public void update(User user) {
        RecordWrite.Outcome outcome = users.replaceExisting(user)
                .orElseThrow(() -> KnotException.notFound("user not found"));
        refuseTakenClaim(outcome, user);
    }

    @Override
    public Optional<User> findByEmail(String email) {
        return users.findByUniqueKey(emailKey(email));
    }

    @Override
    public Optional<User> findByUsername(String username) {
        return users.findByUniqueKey(usernameKey(username));
    }

    @Override
    public boolean hasUsers() {
        return !users.isEmptySet(keys.ids(KeyLayout.Collection.USERS));
    }

    @Override
    public Optional<User> findById(Id<User> id) {
        return users.find(id.value());
    }

    @Override
    public List<User> findAll() {
        return users.findMembers(keys.ids(KeyLayout.Collection.USERS));
    }

    @Override
    public boolean delete(Id<User> id) {
        return users.delete(id.value()).isPresent();
    }

    private void refuseTakenClaim(RecordWrite.Outcome outcome, User user) {
        if (outcome.result() == RecordWrite.Result.CLAIM_TAKEN) {
            throw KnotException.alreadyExists(outcome.takenKey().equals(emailKey(user.email()))
                    ? "duplicate email address"
                    : "duplicate username");
        }
    }

    private String emailKey(String email) {
        return keys.uniqueIndex(BY_EMAIL, KeyLayout.caseless(email));
    }

    private String usernameKey(String username) {
        return keys.uniqueIndex(BY_USERNAME, KeyLayout.caseless(username));
    }

    private final class Indexing implements IndexedRecords.Indexing<User> {
        @Override
        public String idOf(User user) {
            return user.id().value();
        }

        @Override
        public Set<String> uniqueKeys(User user) {
            return Set.of(emailKey(user.email()), usernameKey(user.username()));
        }

        @Override
        public Set<String> sets(User user) {
            return Set.of(keys.ids(KeyLayout.Collection.USERS));
        }

        @Override
        public Optional<Duration> timeToLive(User user) {
            return Optional.empty();
        }
    }
}
