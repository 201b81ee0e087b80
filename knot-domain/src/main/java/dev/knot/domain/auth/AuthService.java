package dev.knot.domain.auth;

import static java.util.Objects.requireNonNull;

import dev.knot.domain.crypto.RandomSecrets;
import dev.knot.domain.crypto.SecretDigest;
import dev.knot.ports.in.AuthUseCases;
import dev.knot.ports.in.Authenticated;
import dev.knot.ports.in.IssuedSecret;
import dev.knot.ports.in.LoginCommand;
import dev.knot.ports.model.ErrorCode;
import dev.knot.ports.model.Id;
import dev.knot.ports.model.KnotException;
import dev.knot.ports.model.PasswordHash;
import dev.knot.ports.model.Session;
import dev.knot.ports.model.Token;
import dev.knot.ports.model.User;
import dev.knot.ports.out.Clock;
import dev.knot.ports.out.IdGenerator;
import dev.knot.ports.out.PasswordHasher;
import dev.knot.ports.out.SessionStore;
import dev.knot.ports.out.TokenRepository;
import dev.knot.ports.out.UserRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Login, sessions and API tokens. */
public final class AuthService implements AuthUseCases {
    static final String SESSION_PREFIX = "knot_s_";
    static final String TOKEN_PREFIX = "knot_t_";
    private static final int SUFFIX_LENGTH = 4;
    /** Sliding expiry is written at most this often per credential, not on every request. */
    private static final Duration REFRESH_GRANULARITY = Duration.ofMinutes(1);

    private final UserRepository users;
    private final SessionStore sessions;
    private final TokenRepository tokens;
    private final PasswordHasher hasher;
    private final IdGenerator ids;
    private final Clock clock;
    private final AuthSettings settings;
    private final LoginThrottle throttle;
    /** Verified against when the email is unknown, so that case costs what a wrong password costs. */
    private volatile PasswordHash dummyHash;

    public AuthService(
            UserRepository users,
            SessionStore sessions,
            TokenRepository tokens,
            PasswordHasher hasher,
            IdGenerator ids,
            Clock clock,
            AuthSettings settings) {
        this.users = requireNonNull(users, "users is null");
        this.sessions = requireNonNull(sessions, "sessions is null");
        this.tokens = requireNonNull(tokens, "tokens is null");
        this.hasher = requireNonNull(hasher, "hasher is null");
        this.ids = requireNonNull(ids, "ids is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.throttle = new LoginThrottle(clock, settings);
    }

    @Override
    public IssuedSecret<Session> login(LoginCommand command) {
        throttle.check(command.email(), command.clientAddress());
        Optional<User> found = users.findByEmail(command.email());
        boolean passwordMatches = hasher.verify(command.password(), found.map(User::passwordHash).orElseGet(this::dummyHash));
        if (found.isEmpty() || !passwordMatches || !found.get().active()) {
            throttle.recordFailure(command.email(), command.clientAddress());
            throw invalidLogin();
        }
        throttle.recordSuccess(command.email());
        User user = found.get();
        Instant now = clock.now();
        User loggedIn = user.withLastLogin(now);
        if (hasher.needsRehash(user.passwordHash())) {
            loggedIn = loggedIn.withPasswordHash(hasher.hash(command.password()), now);
        }
        users.update(loggedIn);

        String secret = RandomSecrets.withPrefix(SESSION_PREFIX);
        Session session = new Session(ids.next(), SecretDigest.of(secret), user.id(), command.clientAddress(),
                truncate(command.userAgent(), 1024), now, now.plus(settings.sessionLifetime()));
        sessions.save(session);
        return new IssuedSecret<>(session, secret);
    }

    @Override
    public boolean logout(String sessionSecret) {
        return sessions.findBySecretHash(SecretDigest.of(sessionSecret))
                .map(session -> sessions.delete(session.id()))
                .orElse(false);
    }

    @Override
    public Authenticated authenticate(String credential) {
        requireNonNull(credential, "credential is null");
        if (isSessionSecret(credential)) {
            Session session = sessions.findBySecretHash(SecretDigest.of(credential)).orElseThrow(AuthService::invalid);
            User user = activeUser(session.userId());
            Instant refreshed = clock.now().plus(settings.sessionLifetime());
            if (dueForRefresh(session.expiresAt(), refreshed)) {
                sessions.save(session.withExpiry(refreshed));
            }
            return new Authenticated(user, Optional.of(session.id()));
        }
        if (credential.startsWith(TOKEN_PREFIX)) {
            Token token = tokens.findBySecretHash(SecretDigest.of(credential)).orElseThrow(AuthService::invalid);
            Instant now = clock.now();
            if (token.isExpiredAt(now)) {
                throw invalid();
            }
            User user = activeUser(token.userId());
            Instant refreshed = now.plus(settings.tokenLifetime());
            if (dueForRefresh(token.expiresAt(), refreshed)) {
                tokens.save(token.withExpiry(refreshed));
            }
            return new Authenticated(user, Optional.empty());
        }
        throw invalid();
    }

    @Override
    public boolean isSessionSecret(String credential) {
        return credential.startsWith(SESSION_PREFIX);
    }

    @Override
    public List<Session> listSessions(User actor) {
        return sessions.findByUser(actor.id());
    }

    @Override
    public void deleteSession(User actor, Id<Session> sessionId) {
        Session session = sessions.findById(sessionId)
                .filter(found -> found.userId().equals(actor.id()))
                .orElseThrow(() -> KnotException.notFound("session not found"));
        sessions.delete(session.id());
    }

    @Override
    public IssuedSecret<Token> createToken(User actor, String name) {
        String secret = RandomSecrets.withPrefix(TOKEN_PREFIX);
        Instant now = clock.now();
        Token token = new Token(ids.next(), SecretDigest.of(secret), secret.substring(secret.length() - SUFFIX_LENGTH),
                actor.id(), name, now, now.plus(settings.tokenLifetime()));
        tokens.save(token);
        return new IssuedSecret<>(token, secret);
    }

    @Override
    public List<Token> listTokens(User actor) {
        Instant now = clock.now();
        return tokens.findByUser(actor.id()).stream().filter(token -> !token.isExpiredAt(now)).toList();
    }

    @Override
    public void deleteToken(User actor, Id<Token> tokenId) {
        Token token = tokens.findById(tokenId)
                .filter(found -> found.userId().equals(actor.id()))
                .orElseThrow(() -> KnotException.notFound("token not found"));
        tokens.delete(token.id());
    }

    /** Made on first use rather than at start: a deliberately slow hash would otherwise delay every start. */
    private PasswordHash dummyHash() {
        PasswordHash hash = dummyHash;
        if (hash == null) {
            hash = hasher.hash(RandomSecrets.withPrefix("dummy"));
            dummyHash = hash;
        }
        return hash;
    }

    private User activeUser(Id<User> userId) {
        return users.findById(userId).filter(User::active).orElseThrow(AuthService::invalid);
    }

    private static boolean dueForRefresh(Instant currentExpiry, Instant refreshedExpiry) {
        return Duration.between(currentExpiry, refreshedExpiry).compareTo(REFRESH_GRANULARITY) >= 0;
    }

    private static String truncate(String text, int maximum) {
        return text.length() <= maximum ? text : text.substring(0, maximum);
    }

    private static KnotException invalidLogin() {
        return new KnotException(ErrorCode.UNAUTHENTICATED, "invalid email or password");
    }

    /** The original's one 401 message, whatever was wrong with the credential. */
    private static KnotException invalid() {
        return new KnotException(ErrorCode.UNAUTHENTICATED, "Authentication token is not valid");
    }
}
