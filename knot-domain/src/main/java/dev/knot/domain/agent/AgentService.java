package dev.knot.domain.agent;

import static dev.knot.domain.access.AccessPolicy.mayUseSpace;
import static java.util.Objects.requireNonNull;

import dev.knot.domain.crypto.AgentRegistrationKeys;
import dev.knot.domain.crypto.AgentServerTokens;
import dev.knot.domain.crypto.RandomSecrets;
import dev.knot.domain.crypto.SecretDigest;
import dev.knot.domain.user.UserKeysListener;
import dev.knot.ports.in.AgentEndpoint;
import dev.knot.ports.in.AgentRegistration;
import dev.knot.ports.in.AgentReport;
import dev.knot.ports.in.AgentUseCases;
import dev.knot.ports.model.AgentState;
import dev.knot.ports.model.ErrorCode;
import dev.knot.ports.model.Id;
import dev.knot.ports.model.KnotException;
import dev.knot.ports.model.Space;
import dev.knot.ports.model.SpaceState;
import dev.knot.ports.model.Template;
import dev.knot.ports.model.User;
import dev.knot.ports.out.AgentClient;
import dev.knot.ports.out.AgentStateStore;
import dev.knot.ports.out.Clock;
import dev.knot.ports.out.SpaceRepository;
import dev.knot.ports.out.TemplateRepository;
import dev.knot.ports.out.UserRepository;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;

/**
 * Agents' registrations and reports. A report that changes nothing is not written while the stored state has
 * more than {@link #REFRESH_BELOW} to live: reports are the server's steadiest load, and this cuts the store's
 * writes to about one per agent every {@code TTL - REFRESH_BELOW}, however often agents report.
 */
public final class AgentService implements AgentUseCases, UserKeysListener {
    /** An agent that stops reporting shows offline after at most this long (the original's 15 s). */
    public static final Duration TTL = Duration.ofSeconds(15);
    static final Duration REFRESH_BELOW = Duration.ofSeconds(8);
    static final String ACCESS_TOKEN_PREFIX = "knot_a_";
    private static final Set<SpaceState> STARTED = Set.of(SpaceState.STARTING, SpaceState.RUNNING);
    /** The shape of a space name (and alternative name); hyphens included, unlike the original's proxy routes. */
    private static final Pattern SPACE_NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9-]{1,63}");

    private final SpaceRepository spaces;
    private final TemplateRepository templates;
    private final UserRepository users;
    private final AgentStateStore agentStates;
    private final AgentClient agentClient;
    private final AgentServerTokens serverTokens;
    private final AgentRegistrationKeys registrationKeys;
    private final Clock clock;
    // Running totals for the server's periodic log line: how many reports came and how many reached the store.
    private final LongAdder reportsReceived = new LongAdder();
    private final LongAdder reportsWritten = new LongAdder();

    public AgentService(SpaceRepository spaces, TemplateRepository templates, UserRepository users,
            AgentStateStore agentStates, AgentClient agentClient, AgentServerTokens serverTokens,
            AgentRegistrationKeys registrationKeys, Clock clock) {
        this.spaces = requireNonNull(spaces, "spaces is null");
        this.templates = requireNonNull(templates, "templates is null");
        this.users = requireNonNull(users, "users is null");
        this.agentStates = requireNonNull(agentStates, "agentStates is null");
        this.agentClient = requireNonNull(agentClient, "agentClient is null");
        this.serverTokens = requireNonNull(serverTokens, "serverTokens is null");
        this.registrationKeys = requireNonNull(registrationKeys, "registrationKeys is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public AgentRegistration register(Id<Space> spaceId, String address, String agentVersion,
            String registrationKey) {
        requireNonNull(spaceId, "spaceId is null");
        requireNonNull(agentVersion, "agentVersion is null");
        // First, so that whoever lacks the key learns nothing about the space, not even whether it exists.
        if (!registrationKeys.matches(spaceId, registrationKey)) {
            throw new KnotException(ErrorCode.UNAUTHENTICATED, "agent registration key is not valid");
        }
        String checkedAddress = AgentAddress.check(address);
        Space space = spaces.findById(spaceId).orElseThrow(() -> KnotException.notFound("space not found"));
        User owner = users.findById(space.userId()).orElseThrow(() -> KnotException.notFound("user not found"));
        if (!owner.active()) {
            throw new KnotException(ErrorCode.LOCKED, "the space's owner is inactive");
        }
        if (!STARTED.contains(space.state()) && !isManual(space)) {
            // A stopped space's job is gone: whatever registers for it is not its agent.
            throw new KnotException(ErrorCode.LOCKED, "space is not started");
        }
        String accessToken = RandomSecrets.withPrefix(ACCESS_TOKEN_PREFIX);
        AgentState registered = new AgentState(spaceId, agentVersion, SecretDigest.of(accessToken), checkedAddress,
                false, 0, 0, false, Map.of(), Map.of(), clock.now().plus(TTL));
        agentStates.save(registered);
        return new AgentRegistration(accessToken, serverTokens.tokenFor(registered), owner.sshPublicKey(),
                owner.githubUsername());
    }

    @Override
    public AgentState authenticate(Id<Space> spaceId, String accessToken) {
        requireNonNull(spaceId, "spaceId is null");
        if (accessToken == null || !accessToken.startsWith(ACCESS_TOKEN_PREFIX)) {
            throw unauthenticated();
        }
        AgentState state = agentStates.find(spaceId).orElseThrow(AgentService::unauthenticated);
        byte[] presented = SecretDigest.of(accessToken).getBytes(StandardCharsets.US_ASCII);
        byte[] expected = state.accessTokenHash().getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(presented, expected)) {
            throw unauthenticated();
        }
        return state;
    }

    @Override
    public void report(AgentState authenticated, AgentReport report) {
        requireNonNull(authenticated, "authenticated is null");
        requireNonNull(report, "report is null");
        reportsReceived.increment();
        Instant now = clock.now();
        AgentState reported = new AgentState(authenticated.spaceId(), report.agentVersion(),
                authenticated.accessTokenHash(), authenticated.address(), report.hasCodeServer(), report.sshPort(),
                report.vncHttpPort(), report.hasTerminal(), report.tcpPorts(), report.httpPorts(), now.plus(TTL));
        boolean unchanged = reported.withExpiry(authenticated.expiresAt()).equals(authenticated);
        if (unchanged && authenticated.expiresAt().isAfter(now.plus(REFRESH_BELOW))) {
            return;
        }
        agentStates.save(reported);
        reportsWritten.increment();
    }

    /** Reports accepted by {@link #report} since this service was made. */
    public long reportsReceived() {
        return reportsReceived.sum();
    }

    /** Of those, the ones written to the store (the rest were coalesced); registrations are not counted. */
    public long reportsWritten() {
        return reportsWritten.sum();
    }

    @Override
    public AgentEndpoint endpoint(User actor, Id<Space> spaceId) {
        requireNonNull(actor, "actor is null");
        requireNonNull(spaceId, "spaceId is null");
        Space space = spaces.findById(spaceId)
                .filter(found -> mayUseSpace(actor, found))
                .orElseThrow(() -> KnotException.notFound("space not found"));
        return connectedEndpoint(space);
    }

    @Override
    public AgentEndpoint endpointByName(User actor, String spaceName) {
        requireNonNull(actor, "actor is null");
        requireNonNull(spaceName, "spaceName is null");
        // A name no space can have is not looked up: it comes straight from a URL path.
        if (!SPACE_NAME.matcher(spaceName).matches()) {
            throw KnotException.notFound("space not found");
        }
        Space space = spaces.findByName(actor.id(), spaceName)
                .orElseThrow(() -> KnotException.notFound("space not found"));
        return connectedEndpoint(space);
    }

    private AgentEndpoint connectedEndpoint(Space space) {
        AgentState agent = agentStates.find(space.id())
                .orElseThrow(() -> KnotException.notFound("the space's agent is not connected"));
        return new AgentEndpoint(space, agent, serverTokens.tokenFor(agent));
    }

    /** Sends the user's new keys to the agents of their running spaces that serve SSH. */
    @Override
    public void keysChanged(User user) {
        requireNonNull(user, "user is null");
        for (Space space : spaces.findByUser(user.id())) {
            agentStates.find(space.id())
                    .filter(agent -> agent.sshPort() > 0)
                    .ifPresent(agent -> agentClient.updateAuthorizedKeys(
                            new AgentEndpoint(space, agent, serverTokens.tokenFor(agent)),
                            user.sshPublicKey(), user.githubUsername()));
        }
    }

    private boolean isManual(Space space) {
        return templates.findById(space.templateId()).map(Template::isManual).orElse(false);
    }

    private static KnotException unauthenticated() {
        return new KnotException(ErrorCode.UNAUTHENTICATED, "agent token is not valid");
    }
}
