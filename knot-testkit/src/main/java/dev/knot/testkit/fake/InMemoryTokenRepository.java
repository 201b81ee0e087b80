package dev.knot.testkit.fake;

import static java.util.Objects.requireNonNull;

import dev.knot.ports.model.Id;
import dev.knot.ports.model.Token;
import dev.knot.ports.model.User;
import dev.knot.ports.out.TokenRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A {@link TokenRepository} in memory. Thread-safe. */
public final class InMemoryTokenRepository extends InMemorySimpleRepository<Token> implements TokenRepository {
    public InMemoryTokenRepository() {
        super(Token::id);
    }

    @Override
    public Optional<Token> findBySecretHash(String secretHash) {
        requireNonNull(secretHash, "secretHash is null");
        return findFirstWhere(token -> token.secretHash().equals(secretHash));
    }

    @Override
    public List<Token> findByUser(Id<User> userId) {
        requireNonNull(userId, "userId is null");
        return findWhere(token -> token.userId().equals(userId));
    }

    @Override
    public int deleteByUser(Id<User> userId) {
        requireNonNull(userId, "userId is null");
        return deleteWhere(token -> token.userId().equals(userId));
    }

    @Override
    public int deleteExpired(Instant now) {
        requireNonNull(now, "now is null");
        return deleteWhere(token -> token.expiresAt().isBefore(now));
    }
}
