package dev.knot.adapter.http;

import static java.util.Objects.requireNonNull;

import dev.knot.ports.in.AuthUseCases;
import dev.knot.ports.in.Authenticated;
import dev.knot.ports.in.IssuedSecret;
import dev.knot.ports.in.LoginCommand;
import dev.knot.ports.model.ErrorCode;
import dev.knot.ports.model.Id;
import dev.knot.ports.model.KnotException;
import dev.knot.ports.model.Session;
import dev.knot.ports.model.Token;
import dev.knot.ports.model.User;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * The real auth use cases, with every authentication counted (one permit each, whatever its outcome), and failing
 * as when the store is down while {@link #storeDown} is set. Lets a test wait for a number of re-checks instead of
 * for a time.
 */
final class ObservedAuth implements AuthUseCases {
    final Semaphore authentications = new Semaphore(0);
    private final Map<String, Semaphore> byCredential = new ConcurrentHashMap<>();
    volatile boolean storeDown;

    private final AuthUseCases real;

    ObservedAuth(AuthUseCases real) {
        this.real = requireNonNull(real, "real is null");
    }

    @Override
    public Authenticated authenticate(String credential) {
        try {
            if (storeDown) {
                throw new KnotException(ErrorCode.STORE_UNAVAILABLE, "the session store cannot be reached");
            }
            return real.authenticate(credential);
        } finally {
            authentications.release();
            authenticationsOf(credential).release();
        }
    }

    /** The authentications of one credential, counted apart from the others'. */
    Semaphore authenticationsOf(String credential) {
        return byCredential.computeIfAbsent(credential, unused -> new Semaphore(0));
    }

    @Override
    public IssuedSecret<Session> login(LoginCommand command) {
        return real.login(command);
    }

    @Override
    public boolean logout(String sessionSecret) {
        return real.logout(sessionSecret);
    }

    @Override
    public boolean isSessionSecret(String credential) {
        return real.isSessionSecret(credential);
    }

    @Override
    public List<Session> listSessions(User actor) {
        return real.listSessions(actor);
    }

    @Override
    public void deleteSession(User actor, Id<Session> sessionId) {
        real.deleteSession(actor, sessionId);
    }

    @Override
    public IssuedSecret<Token> createToken(User actor, String name) {
        return real.createToken(actor, name);
    }

    @Override
    public List<Token> listTokens(User actor) {
        return real.listTokens(actor);
    }

    @Override
    public void deleteToken(User actor, Id<Token> tokenId) {
        real.deleteToken(actor, tokenId);
    }
}
