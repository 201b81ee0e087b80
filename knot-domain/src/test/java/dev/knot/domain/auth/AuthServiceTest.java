package dev.knot.domain.auth;

import static dev.knot.domain.TestErrors.assertCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.knot.domain.DomainFixture;
import dev.knot.domain.crypto.SecretDigest;
import dev.knot.ports.in.Authenticated;
import dev.knot.ports.in.IssuedSecret;
import dev.knot.ports.in.LoginCommand;
import dev.knot.ports.in.UpdateUserCommand;
import dev.knot.ports.model.ErrorCode;
import dev.knot.ports.model.KnotException;
import dev.knot.ports.model.RateLimitedException;
import dev.knot.ports.model.Session;
import dev.knot.ports.model.Token;
import dev.knot.ports.model.User;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AuthServiceTest {
    private static final String PASSWORD = "correct horse battery";

    private final DomainFixture domain = new DomainFixture();
    private final User admin = domain.admin();
    private final AuthService auth = domain.authService;

    @Test
    void loginOpensASessionWhoseSecretIsNeverStored() {
        IssuedSecret<Session> issued = auth.login(login("admin@example.com", PASSWORD));

        assertThat(issued.secret()).startsWith("knot_s_").hasSizeGreaterThan(40);
        Session stored = domain.sessions.findById(issued.record().id()).orElseThrow();
        assertThat(stored.secretHash()).isEqualTo(SecretDigest.of(issued.secret())).doesNotContain(issued.secret());
        assertThat(auth.authenticate(issued.secret()).user().id()).isEqualTo(admin.id());
        assertThat(domain.users.findById(admin.id()).orElseThrow().lastLogin()).contains(domain.clock.now());
    }

    @Test
    void everyLoginGetsAFreshSession() {
        String first = auth.login(login("admin@example.com", PASSWORD)).secret();
        String second = auth.login(login("admin@example.com", PASSWORD)).secret();

        assertThat(first).isNotEqualTo(second);
        assertThat(auth.listSessions(admin)).hasSize(2);
    }

    @Test
    void anUnknownEmailAWrongPasswordAndAnInactiveUserLookTheSame() {
        User plain = domain.userWith(admin, "plain");
        domain.userService.updateUser(admin, plain.id(), new UpdateUserCommand(plain.email(), "", "", plain.roles(),
                plain.groups(), false, 0, 0, "", "", plain.preferredShell(), plain.timezone()));

        String unknown = failureMessage(login("nobody@example.com", PASSWORD));
        String wrongPassword = failureMessage(login("admin@example.com", "wrong password"));
        String inactive = failureMessage(login("plain@example.com", PASSWORD));

        assertThat(unknown).isEqualTo(wrongPassword).isEqualTo(inactive).isEqualTo("invalid email or password");
    }

    @Test
    void repeatedFailuresForOneAccountAreThrottledThenForgiven() {
        for (int attempt = 0; attempt < 5; attempt++) {
            assertCode(() -> auth.login(login("admin@example.com", "wrong password")), ErrorCode.UNAUTHENTICATED);
        }

        assertThatThrownBy(() -> auth.login(login("admin@example.com", PASSWORD)))
                .isInstanceOfSatisfying(RateLimitedException.class,
                        limited -> assertThat(limited.retryAfter()).isPositive()
                                .isLessThanOrEqualTo(Duration.ofMinutes(15)));

        domain.clock.advance(Duration.ofMinutes(15));
        assertThat(auth.login(login("admin@example.com", PASSWORD)).secret()).startsWith("knot_s_");
    }

    @Test
    void oneAddressSprayingManyAccountsIsThrottled() {
        for (int attempt = 0; attempt < 20; attempt++) {
            String email = "user" + attempt + "@example.com";
            assertCode(() -> auth.login(login(email, "wrong password")), ErrorCode.UNAUTHENTICATED);
        }

        assertCode(() -> auth.login(login("admin@example.com", PASSWORD)), ErrorCode.RATE_LIMITED);
        assertThat(auth.login(new LoginCommand("admin@example.com", PASSWORD, "192.0.2.99", "test")).secret())
                .startsWith("knot_s_");
    }

    @Test
    void sessionsSlideAndExpire() {
        String secret = auth.login(login("admin@example.com", PASSWORD)).secret();

        domain.clock.advance(Duration.ofMinutes(90));
        auth.authenticate(secret);
        domain.clock.advance(Duration.ofMinutes(90));
        assertThat(auth.authenticate(secret).user().id()).isEqualTo(admin.id());

        domain.clock.advance(Duration.ofHours(2));
        assertCode(() -> auth.authenticate(secret), ErrorCode.UNAUTHENTICATED);
    }

    @Test
    void logoutEndsTheSessionServerSide() {
        String secret = auth.login(login("admin@example.com", PASSWORD)).secret();

        assertThat(auth.logout(secret)).isTrue();

        assertCode(() -> auth.authenticate(secret), ErrorCode.UNAUTHENTICATED);
        assertThat(auth.logout(secret)).isFalse();
    }

    @Test
    void anApiTokenIsShownOnceStoredAsAHashAndSlidesForSevenDays() {
        IssuedSecret<Token> issued = auth.createToken(admin, "ci");

        assertThat(issued.secret()).startsWith("knot_t_");
        Token stored = domain.tokens.findById(issued.record().id()).orElseThrow();
        assertThat(stored.secretHash()).isEqualTo(SecretDigest.of(issued.secret()));
        assertThat(issued.secret()).endsWith(stored.suffix());
        Authenticated authenticated = auth.authenticate(issued.secret());
        assertThat(authenticated.user().id()).isEqualTo(admin.id());
        assertThat(authenticated.session()).isEmpty();

        domain.clock.advance(Duration.ofDays(6));
        auth.authenticate(issued.secret());
        domain.clock.advance(Duration.ofDays(6));
        auth.authenticate(issued.secret());
        domain.clock.advance(Duration.ofDays(8));
        assertCode(() -> auth.authenticate(issued.secret()), ErrorCode.UNAUTHENTICATED);
        assertThat(auth.listTokens(admin)).isEmpty();
    }

    @Test
    void deactivatingAUserMakesTheirTokensFailAtOnce() {
        User plain = domain.userWith(admin, "plain");
        String token = auth.createToken(plain, "script").secret();

        domain.userService.updateUser(admin, plain.id(), new UpdateUserCommand(plain.email(), "", "", plain.roles(),
                plain.groups(), false, 0, 0, "", "", plain.preferredShell(), plain.timezone()));

        assertCode(() -> auth.authenticate(token), ErrorCode.UNAUTHENTICATED);
    }

    @Test
    void aUserCannotSeeOrDeleteAnotherUsersSessionsOrTokens() {
        User plain = domain.userWith(admin, "plain");
        Session adminSession = auth.login(login("admin@example.com", PASSWORD)).record();
        Token adminToken = auth.createToken(admin, "mine").record();

        assertThat(auth.listSessions(plain)).isEmpty();
        assertThat(auth.listTokens(plain)).isEmpty();
        assertCode(() -> auth.deleteSession(plain, adminSession.id()), ErrorCode.NOT_FOUND);
        assertCode(() -> auth.deleteToken(plain, adminToken.id()), ErrorCode.NOT_FOUND);
        assertThat(domain.sessions.findById(adminSession.id())).isPresent();
        assertThat(domain.tokens.findById(adminToken.id())).isPresent();
    }

    @Test
    void garbageAndLookAlikeCredentialsAreRefused() {
        for (String credential : new String[] {"", "knot_s_", "knot_t_guess", "00000000-0000-7000-8000-000000000000"}) {
            assertCode(() -> auth.authenticate(credential), ErrorCode.UNAUTHENTICATED);
        }
    }

    private static LoginCommand login(String email, String password) {
        return new LoginCommand(email, password, "192.0.2.1", "test");
    }

    private String failureMessage(LoginCommand command) {
        try {
            auth.login(command);
            throw new AssertionError("login succeeded");
        } catch (KnotException refused) {
            assertThat(refused.code()).isEqualTo(ErrorCode.UNAUTHENTICATED);
            return refused.getMessage();
        }
    }
}
