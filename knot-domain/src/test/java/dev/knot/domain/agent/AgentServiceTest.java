package dev.knot.domain.agent;

import static dev.knot.domain.TestErrors.assertCode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.knot.domain.DomainFixture;
import dev.knot.domain.crypto.AgentRegistrationKeys;
import dev.knot.domain.crypto.AgentServerTokens;
import dev.knot.domain.crypto.SecretDigest;
import dev.knot.ports.in.AgentEndpoint;
import dev.knot.ports.in.AgentRegistration;
import dev.knot.ports.in.AgentReport;
import dev.knot.ports.in.UpdateUserCommand;
import dev.knot.ports.model.AgentState;
import dev.knot.ports.model.ErrorCode;
import dev.knot.ports.model.Id;
import dev.knot.ports.model.Role;
import dev.knot.ports.model.Space;
import dev.knot.ports.model.SpaceState;
import dev.knot.ports.model.Template;
import dev.knot.ports.model.User;
import dev.knot.ports.out.AgentStateStore;
import dev.knot.testkit.contract.AgentClientContract.KeysDelivery;
import dev.knot.testkit.fake.InMemoryAgentStateStore;
import dev.knot.testkit.fake.RecordingAgentClient;
import dev.knot.testkit.fixture.SpaceFixtures;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AgentServiceTest {
    private static final String KEY = "0123456789abcdef0123456789abcdef";
    private static final String ADDRESS = "10.1.2.3:3000";

    private final DomainFixture domain = new DomainFixture();
    private final CountingStore agentStates = new CountingStore(new InMemoryAgentStateStore(domain.clock));
    private final RecordingAgentClient agentClient = new RecordingAgentClient();
    private final AgentServerTokens serverTokens = new AgentServerTokens(KEY);
    private final AgentRegistrationKeys registrationKeys = new AgentRegistrationKeys(KEY);
    private final AgentService agents = new AgentService(domain.spaces, domain.templates, domain.users, agentStates,
            agentClient, serverTokens, registrationKeys, domain.clock);
    private final User admin = domain.admin();
    private final User alice = domain.userWith(admin, "alice");
    private final User bob = domain.userWith(admin, "bob");
    private final User spaceManager = domain.userWith(admin, "manager", Role.SPACE_MANAGER);

    @Test
    void registrationGivesTokensAndStoresOnlyAHashOfTheAccessToken() {
        Space space = runningSpaceOf(alice);

        AgentRegistration registration = agents.register(space.id(), ADDRESS, "0.9.6", keyOf(space.id()));

        assertThat(registration.accessToken()).startsWith("knot_a_").hasSizeGreaterThan(40);
        AgentState stored = agentStates.find(space.id()).orElseThrow();
        assertThat(stored.accessTokenHash()).isEqualTo(SecretDigest.of(registration.accessToken()));
        assertThat(stored.toString()).doesNotContain(registration.accessToken());
        assertThat(stored.address()).isEqualTo(ADDRESS);
        assertThat(stored.agentVersion()).isEqualTo("0.9.6");
        assertThat(registration.serverToken()).startsWith("knot_as_").isEqualTo(serverTokens.tokenFor(stored))
                .isNotEqualTo(registration.accessToken());
        assertThat(registration.toString()).doesNotContain(registration.accessToken(), registration.serverToken());
    }

    @Test
    void aMissingOrWrongRegistrationKeyIsRefusedAndNothingIsStoredOrReplaced() {
        Space space = runningSpaceOf(alice);
        Space other = runningSpaceOf(bob);
        String key = keyOf(space.id());
        agents.register(space.id(), ADDRESS, "0.9.6", key);
        AgentState registered = agentStates.find(space.id()).orElseThrow();
        int writes = agentStates.saves.get();

        for (String wrong : new String[] {null, "", keyOf(other.id()), key.substring(0, key.length() - 1), key + "x",
            new AgentRegistrationKeys("another key of thirty-two bytes!").keyFor(space.id()),
            serverTokens.tokenFor(registered)}) {
            assertCode(() -> agents.register(space.id(), "10.6.6.6:3000", "0.9.6", wrong), ErrorCode.UNAUTHENTICATED);
        }

        assertThat(agentStates.saves.get()).as("nothing written").isEqualTo(writes);
        assertThat(agentStates.find(space.id())).contains(registered);
    }

    @Test
    void withoutItsKeyASpaceCannotBeProbed() {
        Space stopped = save(SpaceFixtures.aStoppedSpace().withOwner(alice.id()).build());
        Id<Space> unknown = Id.of("01900000-0000-7000-8000-000000000001");

        assertCode(() -> agents.register(unknown, ADDRESS, "0.9.6", keyOf(stopped.id())), ErrorCode.UNAUTHENTICATED);
        assertCode(() -> agents.register(stopped.id(), ADDRESS, "0.9.6", keyOf(unknown)), ErrorCode.UNAUTHENTICATED);
        assertCode(() -> agents.register(unknown, "not an address", "0.9.6", null), ErrorCode.UNAUTHENTICATED);
    }

    @Test
    void aManualSpaceNeedsItsKeyToo() {
        domain.templateService.ensureManualTemplate();
        Space manual = save(SpaceFixtures.aStoppedSpace().withOwner(alice.id()).withTemplate(Template.MANUAL_ID)
                .build());

        assertCode(() -> agents.register(manual.id(), ADDRESS, "0.9.6", null), ErrorCode.UNAUTHENTICATED);
        assertThat(agentStates.find(manual.id())).isEmpty();
        assertThat(agents.register(manual.id(), ADDRESS, "0.9.6", keyOf(manual.id())).accessToken()).isNotEmpty();
    }

    @Test
    void registrationCarriesTheOwnersKeys() {
        User withKeys = domain.userService.updateUser(alice, alice.id(), keys(alice, "ssh-ed25519 AAAA alice", "al"));
        Space space = runningSpaceOf(withKeys);

        AgentRegistration registration = agents.register(space.id(), ADDRESS, "0.9.6", keyOf(space.id()));

        assertThat(registration.sshPublicKey()).isEqualTo("ssh-ed25519 AAAA alice");
        assertThat(registration.githubUsername()).isEqualTo("al");
    }

    @Test
    void onlyAStartedSpaceOrAManualOneAcceptsAnAgent() {
        Space stopped = save(SpaceFixtures.aStoppedSpace().withOwner(alice.id()).build());
        Space starting = save(SpaceFixtures.aSpace().withOwner(alice.id()).withState(SpaceState.STARTING).build());
        domain.templateService.ensureManualTemplate();
        Space manual = save(SpaceFixtures.aStoppedSpace().withOwner(alice.id()).withTemplate(Template.MANUAL_ID)
                .build());

        assertCode(() -> agents.register(stopped.id(), ADDRESS, "0.9.6", keyOf(stopped.id())), ErrorCode.LOCKED);
        assertThat(agentStates.find(stopped.id())).isEmpty();
        assertThat(agents.register(starting.id(), ADDRESS, "0.9.6", keyOf(starting.id())).accessToken()).isNotEmpty();
        assertThat(agents.register(manual.id(), ADDRESS, "0.9.6", keyOf(manual.id())).accessToken()).isNotEmpty();
    }

    @Test
    void unknownSpacesAndInactiveOwnersAreRefused() {
        Space space = runningSpaceOf(alice);
        domain.userService.updateUser(admin, alice.id(), update(alice, alice.sshPublicKey(), alice.githubUsername(), false, alice.timezone()));

        Id<Space> unknown = Id.of("01900000-0000-7000-8000-000000000001");
        assertCode(() -> agents.register(unknown, ADDRESS, "0.9.6", keyOf(unknown)), ErrorCode.NOT_FOUND);
        assertCode(() -> agents.register(space.id(), ADDRESS, "0.9.6", keyOf(space.id())), ErrorCode.LOCKED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "10.1.2.3", "10.1.2.3:", "10.1.2.3:0", "10.1.2.3:65536", "10.1.2.3:080",
        "10.1.2.3:+80", "http://10.1.2.3:80", "10.1.2.3:80/x", "a b:80", "host:80\nX: y", "[::1:80", "-host:80",
        "user@host:80"})
    void aMalformedAddressIsRefusedAndNothingIsStored(String address) {
        Space space = runningSpaceOf(alice);

        assertCode(() -> agents.register(space.id(), address, "0.9.6", keyOf(space.id())), ErrorCode.INVALID_ARGUMENT);
        assertThat(agentStates.find(space.id())).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.1.2.3:1", "agent.service.consul:65535", "[fd00::1]:3000", "localhost:3000"})
    void wellFormedAddressesAreAccepted(String address) {
        Space space = runningSpaceOf(alice);

        agents.register(space.id(), address, "0.9.6", keyOf(space.id()));

        assertThat(agentStates.find(space.id()).orElseThrow().address()).isEqualTo(address);
    }

    @Test
    void onlyTheCurrentTokenOfThatSpaceAuthenticates() {
        Space space = runningSpaceOf(alice);
        Space other = runningSpaceOf(bob);
        String first = agents.register(space.id(), ADDRESS, "0.9.6", keyOf(space.id())).accessToken();
        String foreign = agents.register(other.id(), ADDRESS, "0.9.6", keyOf(other.id())).accessToken();

        assertThat(agents.authenticate(space.id(), first).spaceId()).isEqualTo(space.id());
        for (String refused : new String[] {foreign, "", "knot_a_", first + "x", first.substring(7), null}) {
            assertCode(() -> agents.authenticate(space.id(), refused), ErrorCode.UNAUTHENTICATED);
        }

        String second = agents.register(space.id(), ADDRESS, "0.9.6", keyOf(space.id())).accessToken();

        assertCode(() -> agents.authenticate(space.id(), first), ErrorCode.UNAUTHENTICATED);
        assertThat(agents.authenticate(space.id(), second).spaceId()).isEqualTo(space.id());
    }

    @Test
    void anExpiredRegistrationNoLongerAuthenticates() {
        Space space = runningSpaceOf(alice);
        String token = agents.register(space.id(), ADDRESS, "0.9.6", keyOf(space.id())).accessToken();

        domain.clock.advance(AgentService.TTL);

        assertCode(() -> agents.authenticate(space.id(), token), ErrorCode.UNAUTHENTICATED);
    }

    @Test
    void aReportIsStoredWithTheRegisteredAddressAndToken() {
        Space space = runningSpaceOf(alice);
        String token = agents.register(space.id(), ADDRESS, "0.9.6", keyOf(space.id())).accessToken();

        agents.report(agents.authenticate(space.id(), token), report(Map.of(8080, "web")));

        AgentState stored = agentStates.find(space.id()).orElseThrow();
        assertThat(stored.httpPorts()).isEqualTo(Map.of(8080, "web"));
        assertThat(stored.sshPort()).isEqualTo(22);
        assertThat(stored.hasTerminal()).isTrue();
        assertThat(stored.address()).isEqualTo(ADDRESS);
        assertThat(stored.accessTokenHash()).isEqualTo(SecretDigest.of(token));
    }

    @Test
    void reportsKeepTheStateAliveAndUnchangedOnesAreCoalesced() {
        Space space = runningSpaceOf(alice);
        String token = agents.register(space.id(), ADDRESS, "0.9.6", keyOf(space.id())).accessToken();
        agents.report(agents.authenticate(space.id(), token), report(Map.of()));
        int writesBefore = agentStates.saves.get();

        // Two minutes of reports every 2 s: the state never lapses, but far fewer than 60 writes reach the store.
        for (int second = 2; second <= 120; second += 2) {
            domain.clock.advance(Duration.ofSeconds(2));
            agents.report(agents.authenticate(space.id(), token), report(Map.of()));
        }

        int writes = agentStates.saves.get() - writesBefore;
        assertThat(writes).isBetween(120 / 8, 120 / 6);
        assertThat(agentStates.find(space.id())).isPresent();
    }

    @Test
    void theCountersTellReceivedReportsFromWrittenOnes() {
        Space space = runningSpaceOf(alice);
        String token = agents.register(space.id(), ADDRESS, "0.9.6", keyOf(space.id())).accessToken();
        int savesAfterRegistration = agentStates.saves.get();
        assertThat(agents.reportsReceived()).isZero();
        assertThat(agents.reportsWritten()).isZero();

        agents.report(agents.authenticate(space.id(), token), report(Map.of()));
        domain.clock.advance(Duration.ofSeconds(2));
        agents.report(agents.authenticate(space.id(), token), report(Map.of()));
        domain.clock.advance(Duration.ofSeconds(2));
        agents.report(agents.authenticate(space.id(), token), report(Map.of(3000, "app")));

        assertThat(agents.reportsReceived()).isEqualTo(3);
        assertThat(agents.reportsWritten()).isEqualTo(2)
                .isEqualTo(agentStates.saves.get() - savesAfterRegistration);
    }

    @Test
    void aChangedReportIsWrittenAtOnce() {
        Space space = runningSpaceOf(alice);
        String token = agents.register(space.id(), ADDRESS, "0.9.6", keyOf(space.id())).accessToken();
        agents.report(agents.authenticate(space.id(), token), report(Map.of()));
        domain.clock.advance(Duration.ofSeconds(1));

        agents.report(agents.authenticate(space.id(), token), report(Map.of(3000, "app")));

        assertThat(agentStates.find(space.id()).orElseThrow().httpPorts()).isEqualTo(Map.of(3000, "app"));
    }

    @Test
    void anAgentThatStopsReportingGoesOfflineWithinTheTtl() {
        Space space = runningSpaceOf(alice);
        String token = agents.register(space.id(), ADDRESS, "0.9.6", keyOf(space.id())).accessToken();
        agents.report(agents.authenticate(space.id(), token), report(Map.of()));

        domain.clock.advance(AgentService.TTL);

        assertThat(agentStates.find(space.id())).isEmpty();
    }

    @Test
    void theEndpointIsForTheOwnerAndSpaceManagersOnly() {
        Space space = runningSpaceOf(alice);
        agents.register(space.id(), ADDRESS, "0.9.6", keyOf(space.id()));

        AgentEndpoint forOwner = agents.endpoint(alice, space.id());
        AgentEndpoint forManager = agents.endpoint(spaceManager, space.id());

        assertThat(forOwner.address()).isEqualTo(ADDRESS);
        assertThat(forOwner.bearer()).isEqualTo(serverTokens.tokenFor(agentStates.find(space.id()).orElseThrow()));
        assertThat(forManager.bearer()).isEqualTo(forOwner.bearer());
        assertCode(() -> agents.endpoint(bob, space.id()), ErrorCode.NOT_FOUND);
    }

    @Test
    void aSpaceWithoutAnAgentHasNoEndpoint() {
        Space space = runningSpaceOf(alice);

        assertCode(() -> agents.endpoint(alice, space.id()), ErrorCode.NOT_FOUND);
    }

    @Test
    void theEndpointByNameIsForTheActorsOwnSpaceByNameOrAltNameInAnyCase() {
        Space space = save(SpaceFixtures.aRunningSpace().withOwner(alice.id()).withName("web-api")
                .withAltNames("api-2").build());
        agents.register(space.id(), ADDRESS, "0.9.6", keyOf(space.id()));
        String bearer = agents.endpoint(alice, space.id()).bearer();

        for (String name : new String[] {"web-api", "WEB-Api", "api-2", "API-2"}) {
            AgentEndpoint found = agents.endpointByName(alice, name);
            assertThat(found.space().id()).as(name).isEqualTo(space.id());
            assertThat(found.address()).isEqualTo(ADDRESS);
            assertThat(found.bearer()).isEqualTo(bearer);
        }
    }

    @Test
    void theEndpointByNameLooksOnlyAmongTheActorsSpaces() {
        Space alices = save(SpaceFixtures.aRunningSpace().withOwner(alice.id()).withName("shared-name").build());
        agents.register(alices.id(), ADDRESS, "0.9.6", keyOf(alices.id()));

        assertCode(() -> agents.endpointByName(bob, "shared-name"), ErrorCode.NOT_FOUND);
        assertCode(() -> agents.endpointByName(spaceManager, "shared-name"), ErrorCode.NOT_FOUND);
        assertCode(() -> agents.endpointByName(admin, "shared-name"), ErrorCode.NOT_FOUND);

        Space bobs = save(SpaceFixtures.aRunningSpace().withOwner(bob.id()).withName("shared-name").build());
        agents.register(bobs.id(), "10.9.9.9:3000", "0.9.6", keyOf(bobs.id()));
        assertThat(agents.endpointByName(bob, "shared-name").space().id()).isEqualTo(bobs.id());
        assertThat(agents.endpointByName(alice, "shared-name").space().id()).isEqualTo(alices.id());
    }

    @Test
    void aNamedSpaceWithoutAnAgentHasNoEndpoint() {
        save(SpaceFixtures.aRunningSpace().withOwner(alice.id()).withName("quiet").build());

        assertCode(() -> agents.endpointByName(alice, "quiet"), ErrorCode.NOT_FOUND);
        assertCode(() -> agents.endpointByName(alice, "no-such-space"), ErrorCode.NOT_FOUND);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a", "1abc", "-abc", "ab_c", "ab c", "ab/c", "ab.c", "ab%2Fc", "caf\u00e9",
        "a1234567890123456789012345678901234567890123456789012345678901234"})
    void aNameNoSpaceCanHaveIsNotFound(String name) {
        Space space = save(SpaceFixtures.aRunningSpace().withOwner(alice.id()).withName("abc").build());
        agents.register(space.id(), ADDRESS, "0.9.6", keyOf(space.id()));

        assertCode(() -> agents.endpointByName(alice, name), ErrorCode.NOT_FOUND);
    }

    @Test
    void aNewRegistrationChangesTheServersBearer() {
        Space space = runningSpaceOf(alice);
        agents.register(space.id(), ADDRESS, "0.9.6", keyOf(space.id()));
        String before = agents.endpoint(alice, space.id()).bearer();

        agents.register(space.id(), ADDRESS, "0.9.6", keyOf(space.id()));

        assertThat(agents.endpoint(alice, space.id()).bearer()).isNotEqualTo(before);
    }

    @Test
    void serverTokensDependOnTheServerKey() {
        Space space = runningSpaceOf(alice);
        agents.register(space.id(), ADDRESS, "0.9.6", keyOf(space.id()));
        AgentState state = agentStates.find(space.id()).orElseThrow();

        assertThat(new AgentServerTokens(KEY).tokenFor(state)).isEqualTo(serverTokens.tokenFor(state));
        assertThat(new AgentServerTokens("another key of thirty-two bytes!").tokenFor(state))
                .isNotEqualTo(serverTokens.tokenFor(state));
    }

    @Test
    void changedKeysReachTheRunningAgentsThatServeSsh() {
        Space withSsh = runningSpaceOf(alice);
        Space withoutSsh = runningSpaceOf(alice);
        Space bobs = runningSpaceOf(bob);
        reportWithSsh(withSsh, "10.0.0.1:3000", 22);
        reportWithSsh(withoutSsh, "10.0.0.2:3000", 0);
        reportWithSsh(bobs, "10.0.0.3:3000", 22);
        AgentService pushing = agents;
        User updated = domain.userService.updateUser(alice, alice.id(), keys(alice, "ssh-ed25519 NEW", "octo"));

        domain.keysChanged.forEach(pushing::keysChanged);

        assertThat(domain.keysChanged).containsExactly(updated);
        assertThat(agentClient.addresses()).containsExactly("10.0.0.1:3000");
        assertThat(agentClient.deliveredTo("10.0.0.1:3000")).containsExactly(new KeysDelivery(
                agents.endpoint(alice, withSsh.id()).bearer(), "ssh-ed25519 NEW", "octo"));
    }

    @Test
    void anUpdateThatLeavesTheKeysAloneTellsNobody() {
        domain.userService.updateUser(alice, alice.id(), update(alice, alice.sshPublicKey(), alice.githubUsername(), true, "Europe/Paris"));

        assertThat(domain.keysChanged).isEmpty();
    }

    private void reportWithSsh(Space space, String address, int sshPort) {
        String token = agents.register(space.id(), address, "0.9.6", keyOf(space.id())).accessToken();
        agents.report(agents.authenticate(space.id(), token),
                new AgentReport("0.9.6", false, sshPort, 0, true, Map.of(), Map.of()));
    }

    private static AgentReport report(Map<Integer, String> httpPorts) {
        return new AgentReport("0.9.6", false, 22, 0, true, Map.of(22, "SSH"), httpPorts);
    }

    private static UpdateUserCommand keys(User user, String sshKey, String github) {
        return update(user, sshKey, github, true, user.timezone());
    }

    private static UpdateUserCommand update(User user, String sshKey, String github, boolean active, String zone) {
        return new UpdateUserCommand(user.email(), "", "", user.roles(), user.groups(), active, user.maxSpaces(),
                user.maxDiskSpace(), sshKey, github, user.preferredShell(), zone);
    }

    private String keyOf(Id<Space> spaceId) {
        return registrationKeys.keyFor(spaceId);
    }

    private Space runningSpaceOf(User owner) {
        return save(SpaceFixtures.aRunningSpace().withOwner(owner.id()).build());
    }

    private Space save(Space space) {
        domain.spaces.create(space);
        return space;
    }

    /** Counts the writes that reach the store. */
    private static final class CountingStore implements AgentStateStore {
        private final AgentStateStore store;
        final AtomicInteger saves = new AtomicInteger();

        CountingStore(AgentStateStore store) {
            this.store = store;
        }

        @Override
        public void save(AgentState state) {
            saves.incrementAndGet();
            store.save(state);
        }

        @Override
        public Optional<AgentState> find(Id<Space> spaceId) {
            return store.find(spaceId);
        }

        @Override
        public boolean delete(Id<Space> spaceId) {
            return store.delete(spaceId);
        }
    }
}
