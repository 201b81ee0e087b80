package dev.knot.ports.in;

import dev.knot.ports.model.Id;
import dev.knot.ports.model.Session;
import dev.knot.ports.model.Token;
import dev.knot.ports.model.User;
import java.util.List;

/**
 * Logging in and out, and the credentials that follow: sessions (browser cookie or bearer) and API tokens. Secrets
 * are random, shown once, and stored only as hashes.
 */
public interface AuthUseCases {
    /**
     * Checks the email and password and opens a session.
     *
     * @throws dev.knot.ports.model.KnotException UNAUTHENTICATED "invalid email or password" for an unknown email,
     *     a wrong password or an inactive user alike (same message, same work);
     *     {@link dev.knot.ports.model.RateLimitedException} after too many failures for the account or the address
     */
    IssuedSecret<Session> login(LoginCommand command);

    /** Ends the session the secret belongs to. @return true if there was one */
    boolean logout(String sessionSecret);

    /**
     * The user a credential (a session secret or an API token) belongs to, extending its sliding expiry.
     *
     * @throws dev.knot.ports.model.KnotException UNAUTHENTICATED when the credential is unknown, expired, or its
     *     user is gone or inactive
     */
    Authenticated authenticate(String credential);

    /** Whether {@code credential} has the shape of a session secret (as opposed to an API token). */
    boolean isSessionSecret(String credential);

    List<Session> listSessions(User actor);

    /** Ends one of the actor's own sessions. NOT_FOUND when it is not theirs. */
    void deleteSession(User actor, Id<Session> sessionId);

    IssuedSecret<Token> createToken(User actor, String name);

    List<Token> listTokens(User actor);

    /** Deletes one of the actor's own tokens. NOT_FOUND when it is not theirs. */
    void deleteToken(User actor, Id<Token> tokenId);
}
