package dev.knot.adapter.http;

import static java.util.Objects.requireNonNull;

import dev.knot.ports.in.AgentEndpoint;
import dev.knot.ports.in.AuthUseCases;
import dev.knot.ports.in.Authenticated;
import dev.knot.ports.model.ErrorType;
import dev.knot.ports.model.Id;
import dev.knot.ports.model.KnotException;
import dev.knot.ports.model.Space;
import dev.knot.ports.model.User;
import io.undertow.server.HttpServerExchange;
import java.time.Duration;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an open agent socket (a terminal, a tunnel) stands on, asked again while it is open: the credential it was
 * opened with still authenticates the same user, and that user may still use the space, by the same domain check as
 * the handshake. The handshake checks both once; without asking again, a socket would outlive a logout, a deleted
 * session or token, a deactivated user or a lost role.
 *
 * <p>The credential is kept as it was presented, in memory, for the life of the socket only, and never printed.
 * Asking again goes through the stores, so it blocks: call {@link #recheck} on a worker thread.
 */
final class AgentSocketAccess {
    /**
     * How often an open socket asks again: a terminal outlives a logout, a deleted token or a lost role by at most
     * this much. Each time costs a credential and a space lookup per open socket, a light load next to the agents'
     * own reports (one every 4 s per agent); and it is the time an agent that stops reporting takes to show offline.
     */
    static final Duration RECHECK_INTERVAL = Duration.ofSeconds(15);

    private static final Logger LOG = LoggerFactory.getLogger(AgentSocketAccess.class);

    /** What asking again found, with the reason the browser is given when the socket ends. */
    enum Verdict {
        GRANTED(""),
        CREDENTIAL_ENDED("the session or token has ended"),
        ACCESS_ENDED("access to the space has ended");

        private final String reason;

        Verdict(String reason) {
            this.reason = reason;
        }

        String reason() {
            return reason;
        }
    }

    private final AuthUseCases auth;
    private final String credential;
    private final User user;
    private final Id<Space> spaceId;
    private final Function<User, AgentEndpoint> spaceCheck;

    /**
     * @param credential the secret as the handshake presented it
     * @param user whom the handshake authenticated
     * @param spaceId the space the socket leads into
     * @param spaceCheck the handshake's domain check, for the user as they are now
     */
    AgentSocketAccess(AuthUseCases auth, String credential, User user, Id<Space> spaceId,
            Function<User, AgentEndpoint> spaceCheck) {
        this.auth = requireNonNull(auth, "auth is null");
        this.credential = requireNonNull(credential, "credential is null");
        this.user = requireNonNull(user, "user is null");
        this.spaceId = requireNonNull(spaceId, "spaceId is null");
        this.spaceCheck = requireNonNull(spaceCheck, "spaceCheck is null");
    }

    /**
     * The access of a handshake the access guard let through and the domain granted.
     *
     * @param granted what {@code spaceCheck} answered the handshake
     */
    static AgentSocketAccess of(HttpServerExchange handshake, AuthUseCases auth, AgentEndpoint granted,
            Function<User, AgentEndpoint> spaceCheck) {
        // The guard required this credential and authenticated it; it is read again because the guard keeps only
        // whom it belongs to.
        String credential = Credentials.find(handshake).orElseThrow(Credentials::unauthenticated).secret();
        return new AgentSocketAccess(auth, credential, Caller.of(handshake).user(), granted.space().id(), spaceCheck);
    }

    /** Who opened the socket, for the log. */
    String username() {
        return user.username();
    }

    /**
     * Asks both again. Blocks on the stores. A refusal, or a failure that is knot's own, ends the socket; only a
     * dependency being down does not.
     *
     * @throws KnotException of type EXTERNAL when a store cannot answer: nothing is known, ask again later
     */
    Verdict recheck() {
        User now;
        try {
            Authenticated authenticated = auth.authenticate(credential);
            if (!authenticated.user().id().equals(user.id())) {
                return Verdict.CREDENTIAL_ENDED;
            }
            now = authenticated.user();
        } catch (RuntimeException failure) {
            return refusedUnlessUnavailable(failure, Verdict.CREDENTIAL_ENDED);
        }
        try {
            AgentEndpoint endpoint = spaceCheck.apply(now);
            return endpoint.space().id().equals(spaceId) ? Verdict.GRANTED : Verdict.ACCESS_ENDED;
        } catch (RuntimeException failure) {
            return refusedUnlessUnavailable(failure, Verdict.ACCESS_ENDED);
        }
    }

    private Verdict refusedUnlessUnavailable(RuntimeException failure, Verdict refused) {
        if (failure instanceof KnotException known) {
            if (known.code().type() == ErrorType.EXTERNAL) {
                throw known;
            }
            if (known.code().type() == ErrorType.USER_ERROR) {
                return refused;
            }
        }
        // Not a refusal, but no proof of access either: the socket ends rather than stay open on a fault.
        LOG.error("cannot re-check whether {} may keep a socket open to space {}", user.username(), spaceId, failure);
        return refused;
    }

    @Override
    public String toString() {
        return "AgentSocketAccess[user=" + user.username() + ", space=" + spaceId + "]";
    }
}
