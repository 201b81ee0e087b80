package dev.knot.adapter.redis;

import static java.util.Objects.requireNonNull;

import dev.knot.ports.model.Id;
import dev.knot.ports.model.KnotException;
import dev.knot.ports.model.Token;
import dev.knot.ports.model.User;
import dev.knot.ports.out.TokenRepository;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * API tokens under {@code Tokens:<id>}, found by {@code TokensBySecretHash:<hash>} and listed per user by the set
 * {@code TokensByUserId:<user>}. Tokens are durable here: expiry is the caller's to check, and
 * {@link #deleteExpired} removes the expired ones (the original let Redis drop them after 168 h).
 */
final class RedisTokenRepository implements TokenRepository {
    private static final String BY_SECRET_HASH = "TokensBySecretHash";
    private static final String BY_USER = "TokensByUserId";

    private final KeyLayout keys;
    private final IndexedRecords<Token> tokens;

    @Inject
    RedisTokenRepository(RedisOperations redis, KeyLayout keys) {
        this.keys = requireNonNull(keys, "keys is null");
        this.tokens = new IndexedRecords<>(redis, keys, KeyLayout.Collection.TOKENS, new TokenCodec(), new Indexing());
    }

    @Override
    public void save(Token token) {
        if (tokens.save(token).result() == RecordWrite.Result.CLAIM_TAKEN) {
            throw KnotException.alreadyExists("another token has the same secret");
        }
    }

    @Override
    public Optional<Token> findBySecretHash(String secretHash) {
        return tokens.findByUniqueKey(keys.uniqueIndex(BY_SECRET_HASH, secretHash));
    }

    @Override
    public List<Token> findByUser(Id<User> userId) {
        return tokens.findMembers(keys.membersIndex(BY_USER, userId.value()));
    }

    @Override
    public int deleteByUser(Id<User> userId) {
        int removed = 0;
        for (Token token : findByUser(userId)) {
            if (tokens.deleteIf(token.id().value(), current -> current.userId().equals(userId)).isPresent()) {
                removed++;
            }
        }
        return removed;
    }

    @Override
    public int deleteExpired(Instant now) {
        int removed = 0;
        for (Token token : findAll()) {
            if (token.isExpiredAt(now)
                    && tokens.deleteIf(token.id().value(), current -> current.isExpiredAt(now)).isPresent()) {
                removed++;
            }
        }
        return removed;
    }

    @Override
    public Optional<Token> findById(Id<Token> id) {
        return tokens.find(id.value());
    }

    @Override
    public List<Token> findAll() {
        return tokens.findMembers(keys.ids(KeyLayout.Collection.TOKENS));
    }

    @Override
    public boolean delete(Id<Token> id) {
        return tokens.delete(id.value()).isPresent();
    }

    private final class Indexing implements IndexedRecords.Indexing<Token> {
        @Override
        public String idOf(Token token) {
            return token.id().value();
        }

        @Override
        public Set<String> uniqueKeys(Token token) {
            return Set.of(keys.uniqueIndex(BY_SECRET_HASH, token.secretHash()));
        }

        @Override
        public Set<String> sets(Token token) {
            return Set.of(keys.ids(KeyLayout.Collection.TOKENS), keys.membersIndex(BY_USER, token.userId().value()));
        }

        @Override
        public Optional<Duration> timeToLive(Token token) {
            return Optional.empty();
        }
    }
}
