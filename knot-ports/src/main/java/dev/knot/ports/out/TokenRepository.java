package dev.knot.ports.out;

import dev.knot.ports.model.Id;
import dev.knot.ports.model.Token;
import dev.knot.ports.model.User;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Durable storage of API {@link Token}s, found by the hash of their secret. Expiry is the caller's to check. */
public interface TokenRepository extends SimpleRepository<Token> {
    /** The token whose secret hashes to {@code secretHash}, expired or not, or empty. */
    Optional<Token> findBySecretHash(String secretHash);

    List<Token> findByUser(Id<User> userId);

    /** @return how many tokens were removed */
    int deleteByUser(Id<User> userId);

    /** Removes every token that expired before {@code now}. @return how many were removed */
    int deleteExpired(Instant now);
}
