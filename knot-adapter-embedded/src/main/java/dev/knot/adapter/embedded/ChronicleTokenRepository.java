package dev.knot.adapter.embedded;

import dev.knot.ports.model.Id;
import dev.knot.ports.model.Token;
import dev.knot.ports.model.User;
import dev.knot.ports.out.TokenRepository;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** API tokens in the embedded store, found by the hash of their secret. */
final class ChronicleTokenRepository extends ChronicleSimpleRepository<Token> implements TokenRepository {
    static final Index<Token> BY_SECRET_HASH = Index.shared("secret hash", token -> Set.of(token.secretHash()));
    static final Index<Token> BY_USER = Index.shared("user", token -> Set.of(token.userId().value()));
    static final List<Index<Token>> INDEXES = List.of(BY_SECRET_HASH, BY_USER);

    @Inject
    ChronicleTokenRepository(EmbeddedStore store) {
        super(store, StoreCollections::tokens);
    }

    @Override
    public Optional<Token> findBySecretHash(String secretHash) {
        return records().findBy(BY_SECRET_HASH, secretHash).stream().findFirst();
    }

    @Override
    public List<Token> findByUser(Id<User> userId) {
        return records().findBy(BY_USER, userId.value());
    }

    @Override
    public int deleteByUser(Id<User> userId) {
        int removed = 0;
        for (Token token : findByUser(userId)) {
            removed += records().remove(token.id().value()).isPresent() ? 1 : 0;
        }
        return removed;
    }

    @Override
    public int deleteExpired(Instant now) {
        return records().removeAll(token -> token.isExpiredAt(now));
    }
}
