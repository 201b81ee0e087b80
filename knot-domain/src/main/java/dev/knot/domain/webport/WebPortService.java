package dev.knot.domain.webport;

import static dev.knot.domain.access.AccessPolicy.mayUseSpace;
import static java.util.Objects.requireNonNull;

import dev.knot.domain.crypto.AgentServerTokens;
import dev.knot.domain.crypto.RandomText;
import dev.knot.domain.crypto.SignedTokens;
import dev.knot.ports.in.AgentEndpoint;
import dev.knot.ports.in.Authenticated;
import dev.knot.ports.in.WebPortHost;
import dev.knot.ports.in.WebPortPass;
import dev.knot.ports.in.WebPortTarget;
import dev.knot.ports.in.WebPortUseCases;
import dev.knot.ports.model.AgentState;
import dev.knot.ports.model.ErrorCode;
import dev.knot.ports.model.Id;
import dev.knot.ports.model.KnotException;
import dev.knot.ports.model.Session;
import dev.knot.ports.model.Space;
import dev.knot.ports.model.User;
import dev.knot.ports.out.AgentStateStore;
import dev.knot.ports.out.Clock;
import dev.knot.ports.out.SessionStore;
import dev.knot.ports.out.SpaceRepository;
import dev.knot.ports.out.UsedNonceStore;
import dev.knot.ports.out.UserRepository;
import java.time.Duration;
import java.time.Instant;

/**
 * Web ports on the wildcard domain, private to the space's owner and to space managers.
 *
 * <p>Codes and passes are {@link SignedTokens}, each kind under its own key derived from {@code server.encrypt}:
 * they are stored nowhere, every server sharing the key accepts them, and they carry no secret of the session
 * (only its public id). A code lives {@link #CODE_LIFETIME} and is redeemed once: its nonce goes to the
 * {@link UsedNonceStore}, which servers sharing a cache share too. A pass lives at most {@link #PASS_LIFETIME} and never beyond its
 * session's expiry at the time of redeeming; and each use checks again that the session and the user are still
 * valid, so logging out or deactivating the user ends it.
 */
public final class WebPortService implements WebPortUseCases {
    static final Duration CODE_LIFETIME = Duration.ofSeconds(60);
    static final Duration PASS_LIFETIME = Duration.ofHours(12);
    private static final int NONCE_LENGTH = 22;

    private final UserRepository users;
    private final SpaceRepository spaces;
    private final AgentStateStore agentStates;
    private final SessionStore sessions;
    private final UsedNonceStore usedNonces;
    private final AgentServerTokens serverTokens;
    private final Clock clock;
    private final SignedTokens codes;
    private final SignedTokens passes;

    /**
     * @param serverKey {@code server.encrypt}: agents' bearers are derived from it as {@link AgentServerTokens} does,
     *     and codes and passes are signed with keys derived from it
     */
    public WebPortService(UserRepository users, SpaceRepository spaces, AgentStateStore agentStates,
            SessionStore sessions, UsedNonceStore usedNonces, Clock clock, String serverKey) {
        this.users = requireNonNull(users, "users is null");
        this.spaces = requireNonNull(spaces, "spaces is null");
        this.agentStates = requireNonNull(agentStates, "agentStates is null");
        this.sessions = requireNonNull(sessions, "sessions is null");
        this.usedNonces = requireNonNull(usedNonces, "usedNonces is null");
        this.clock = requireNonNull(clock, "clock is null");
        requireNonNull(serverKey, "serverKey is null");
        this.serverTokens = new AgentServerTokens(serverKey);
        this.codes = new SignedTokens(serverKey, "knot web port code v1", "knot_wc_");
        this.passes = new SignedTokens(serverKey, "knot web port pass v1", "knot_wp_");
    }

    @Override
    public WebPortTarget resolve(User actor, WebPortHost host) {
        requireNonNull(actor, "actor is null");
        requireNonNull(host, "host is null");
        return users.findByUsername(host.username())
                .flatMap(owner -> spaces.findByName(owner.id(), host.spaceName()))
                .filter(space -> mayUseSpace(actor, space))
                .flatMap(space -> agentStates.find(space.id())
                        .filter(agent -> serves(agent, host))
                        .map(agent -> new WebPortTarget(new AgentEndpoint(space, agent, serverTokens.tokenFor(agent)),
                                agentPathPrefix(host))))
                .orElseThrow(WebPortService::notFound);
    }

    @Override
    public WebPortHost codeServerHost(Space space, String wildcardDomain) {
        requireNonNull(space, "space is null");
        requireNonNull(wildcardDomain, "wildcardDomain is null");
        return users.findById(space.userId())
                .map(owner -> WebPortHost.codeServer(owner.username(), space.name(), wildcardDomain))
                .orElseThrow(WebPortService::notFound);
    }

    @Override
    public String issueCode(Authenticated caller, WebPortHost host, String next) {
        requireNonNull(caller, "caller is null");
        requireNonNull(host, "host is null");
        Id<Session> sessionId = caller.session().orElseThrow(() -> new KnotException(ErrorCode.UNAUTHENTICATED,
                "web ports need a browser session; an API token cannot open them"));
        resolve(caller.user(), host);
        CodeClaims claims = new CodeClaims(RandomText.alphanumeric(NONCE_LENGTH), sessionId, caller.user().id(),
                host.hostName(), LocalPath.orRoot(next), clock.now().plus(CODE_LIFETIME));
        return codes.sign(claims.payload());
    }

    @Override
    public WebPortPass redeem(String code, WebPortHost host) {
        requireNonNull(host, "host is null");
        Instant now = clock.now();
        CodeClaims claims = codes.verify(code)
                .flatMap(CodeClaims::fromPayload)
                .filter(found -> found.hostName().equals(host.hostName()) && now.isBefore(found.expiresAt()))
                .orElseThrow(WebPortService::unauthenticated);
        Session session = liveSession(claims.sessionId(), claims.userId(), now);
        activeUser(claims.userId());
        if (!usedNonces.markUsed(claims.nonce(), claims.expiresAt())) {
            throw unauthenticated();
        }
        Instant passExpiry = earliest(now.plus(PASS_LIFETIME), session.expiresAt());
        PassClaims pass = new PassClaims(session.id(), claims.userId(), host.hostName(), passExpiry);
        return new WebPortPass(passes.sign(pass.payload()), Duration.between(now, passExpiry), claims.next());
    }

    @Override
    public User authenticate(String pass, WebPortHost host) {
        requireNonNull(host, "host is null");
        Instant now = clock.now();
        PassClaims claims = passes.verify(pass)
                .flatMap(PassClaims::fromPayload)
                .filter(found -> found.hostName().equals(host.hostName()) && now.isBefore(found.expiresAt()))
                .orElseThrow(WebPortService::unauthenticated);
        liveSession(claims.sessionId(), claims.userId(), now);
        return activeUser(claims.userId());
    }

    private static boolean serves(AgentState agent, WebPortHost host) {
        return switch (host.kind()) {
            case PORT -> agent.httpPorts().containsKey(host.port());
            case VNC -> agent.vncHttpPort() > 0;
            case CODE_SERVER -> agent.hasCodeServer();
        };
    }

    private static String agentPathPrefix(WebPortHost host) {
        return switch (host.kind()) {
            case PORT -> "/http/" + host.port();
            case VNC -> "/vnc";
            case CODE_SERVER -> "/code-server";
        };
    }

    private Session liveSession(Id<Session> sessionId, Id<User> userId, Instant now) {
        return sessions.findById(sessionId)
                .filter(session -> session.userId().equals(userId) && !session.isExpiredAt(now))
                .orElseThrow(WebPortService::unauthenticated);
    }

    private User activeUser(Id<User> userId) {
        return users.findById(userId).filter(User::active).orElseThrow(WebPortService::unauthenticated);
    }

    private static Instant earliest(Instant first, Instant second) {
        return first.isBefore(second) ? first : second;
    }

    /** One answer whatever failed, so the answer does not tell which users, spaces or ports exist. */
    private static KnotException notFound() {
        return KnotException.notFound("not found");
    }

    /** One answer whatever was wrong with a code or pass. */
    private static KnotException unauthenticated() {
        return new KnotException(ErrorCode.UNAUTHENTICATED, "web port code or pass is not valid");
    }
}
