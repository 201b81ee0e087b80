package dev.knot.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.knot.ports.model.Id;
import dev.knot.ports.model.Token;
import dev.knot.ports.model.User;
import dev.knot.ports.out.TokenRepository;
import dev.knot.testkit.fixture.FixtureDefaults;
import dev.knot.testkit.fixture.TokenFixtures;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The contract of {@link TokenRepository}: found by secret hash and by user; expiry is the caller's to check. */
public abstract class TokenRepositoryContract extends SimpleRepositoryContract<Token, TokenRepository> {
    private static final Instant NOW = FixtureDefaults.NOW;

    protected TokenRepositoryContract() {
        super(TokenRepository.class);
    }

    @Override
    protected final Token anEntity() {
        return TokenFixtures.aToken().build();
    }

    @Override
    protected final Id<Token> idOf(Token token) {
        return token.id();
    }

    @Override
    protected final Token changed(Token token) {
        return TokenFixtures.copyOf(token)
                .withSecretHash(token.secretHash() + "-changed")
                .withSuffix("wxyz")
                .withUser(FixtureDefaults.anId())
                .withName(token.name() + " renamed")
                .withCreatedAt(token.createdAt().plusSeconds(1))
                .withExpiresAt(token.expiresAt().plusSeconds(3600))
                .build();
    }

    @Test
    public void unicodeNameAndEmptySuffixSurviveTheRoundTrip() {
        Token token = TokenFixtures.aToken().withName("Zoë's laptop 💻").withSuffix("").build();

        repository().save(token);

        assertThat(repository().findById(token.id())).contains(token);
    }

    @Test
    public void findBySecretHashFindsTheToken() {
        Token token = TokenFixtures.aToken().build();
        repository().save(token);
        repository().save(TokenFixtures.aToken().build());

        assertThat(repository().findBySecretHash(token.secretHash())).contains(token);
    }

    @Test
    public void findBySecretHashOfAnUnknownHashIsEmpty() {
        repository().save(TokenFixtures.aToken().build());

        assertThat(repository().findBySecretHash("no-such-hash")).isEmpty();
    }

    @Test
    public void findBySecretHashFindsExpiredTokensToo() {
        Token expired = TokenFixtures.aToken().withExpiresAt(NOW.minus(Duration.ofDays(1))).build();
        repository().save(expired);

        assertThat(repository().findBySecretHash(expired.secretHash())).contains(expired);
    }

    @Test
    public void replacingATokenMovesItsSecretHashAndUserIndexes() {
        Token original = TokenFixtures.aToken().build();
        repository().save(original);
        Token replacement = changed(original);

        repository().save(replacement);

        assertThat(repository().findBySecretHash(original.secretHash())).isEmpty();
        assertThat(repository().findBySecretHash(replacement.secretHash())).contains(replacement);
        assertThat(repository().findByUser(original.userId())).isEmpty();
        assertThat(repository().findByUser(replacement.userId())).containsExactly(replacement);
    }

    @Test
    public void deleteRemovesTheSecretHashAndUserIndexes() {
        Token token = TokenFixtures.aToken().build();
        repository().save(token);

        repository().delete(token.id());

        assertThat(repository().findBySecretHash(token.secretHash())).isEmpty();
        assertThat(repository().findByUser(token.userId())).isEmpty();
    }

    @Test
    public void findByUserReturnsOnlyThatUsersTokens() {
        Id<User> alice = FixtureDefaults.anId();
        Id<User> bob = FixtureDefaults.anId();
        Token first = TokenFixtures.aToken().withUser(alice).build();
        Token second = TokenFixtures.aToken().withUser(alice).withExpiresAt(NOW.minusSeconds(1)).build();
        Token bobs = TokenFixtures.aToken().withUser(bob).build();
        repository().save(first);
        repository().save(second);
        repository().save(bobs);

        assertThat(repository().findByUser(alice)).containsExactlyInAnyOrder(first, second);
        assertThat(repository().findByUser(bob)).containsExactly(bobs);
        assertThat(repository().findByUser(FixtureDefaults.anId())).isEmpty();
    }

    @Test
    public void deleteByUserRemovesOnlyThatUsersTokensAndCountsThem() {
        Id<User> alice = FixtureDefaults.anId();
        Token first = TokenFixtures.aToken().withUser(alice).build();
        Token second = TokenFixtures.aToken().withUser(alice).build();
        Token others = TokenFixtures.aToken().build();
        repository().save(first);
        repository().save(second);
        repository().save(others);

        assertThat(repository().deleteByUser(alice)).isEqualTo(2);

        assertThat(repository().findByUser(alice)).isEmpty();
        assertThat(repository().findBySecretHash(first.secretHash())).isEmpty();
        assertThat(repository().findBySecretHash(second.secretHash())).isEmpty();
        assertThat(repository().findById(first.id())).isEmpty();
        assertThat(repository().findAll()).containsExactly(others);
    }

    @Test
    public void deleteByUserWithoutTokensRemovesNothing() {
        Token token = TokenFixtures.aToken().build();
        repository().save(token);

        assertThat(repository().deleteByUser(FixtureDefaults.anId())).isZero();
        assertThat(repository().findAll()).containsExactly(token);
    }

    @Test
    public void deleteExpiredRemovesOnlyTokensThatExpiredBeforeNowAndCountsThem() {
        Token longExpired = TokenFixtures.aToken().withExpiresAt(NOW.minus(Duration.ofDays(10))).build();
        Token justExpired = TokenFixtures.aToken().withExpiresAt(NOW.minusMillis(1)).build();
        Token stillValid = TokenFixtures.aToken().withExpiresAt(NOW.plusMillis(1)).build();
        Token longValid = TokenFixtures.aToken().withExpiresAt(NOW.plus(Duration.ofDays(10))).build();
        repository().save(longExpired);
        repository().save(justExpired);
        repository().save(stillValid);
        repository().save(longValid);

        assertThat(repository().deleteExpired(NOW)).isEqualTo(2);

        assertThat(repository().findAll()).containsExactlyInAnyOrder(stillValid, longValid);
        assertThat(repository().findBySecretHash(justExpired.secretHash())).isEmpty();
        assertThat(repository().findByUser(longExpired.userId())).isEmpty();
    }

    @Test
    public void deleteExpiredOnAStoreWithoutExpiredTokensRemovesNothing() {
        Token token = TokenFixtures.aToken().build();
        repository().save(token);

        assertThat(repository().deleteExpired(NOW)).isZero();
        assertThat(repository().findAll()).containsExactly(token);
    }
}
