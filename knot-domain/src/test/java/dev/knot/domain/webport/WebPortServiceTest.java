package dev.knot.domain.webport;

import static dev.knot.domain.TestErrors.assertCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.knot.domain.DomainFixture;
import dev.knot.domain.crypto.AgentServerTokens;
import dev.knot.ports.in.Authenticated;
import dev.knot.ports.in.IssuedSecret;
import dev.knot.ports.in.LoginCommand;
import dev.knot.ports.in.WebPortHost;
import dev.knot.ports.in.WebPortPass;
import dev.knot.ports.in.WebPortTarget;
import dev.knot.ports.model.AgentState;
import dev.knot.ports.model.ErrorCode;
import dev.knot.ports.model.KnotException;
import dev.knot.ports.model.Role;
import dev.knot.ports.model.Session;
import dev.knot.ports.model.Space;
import dev.knot.ports.model.User;
import dev.knot.testkit.fake.InMemoryAgentStateStore;
import dev.knot.testkit.fake.InMemoryUsedNonceStore;
import dev.knot.testkit.fixture.AgentStateFixtures;
import dev.knot.testkit.fixture.SessionFixtures;
import dev.knot.testkit.fixture.SpaceFixtures;
import dev.knot.testkit.fixture.UserFixtures;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class WebPortServiceTest {
    private static final String KEY = "0123456789abcdef0123456789abcdef";
    private static final String WILDCARD = "*.knot.example.com";
    private static final Duration AGENT_LIFETIME = Duration.ofSeconds(15);

    private final DomainFixture domain = new DomainFixture();
    private final InMemoryAgentStateStore agentStates = new InMemoryAgentStateStore(domain.clock);
    /** Shared by every "server" of a test, as the cache is in a deployment. */
    private final InMemoryUsedNonceStore usedNonces = new InMemoryUsedNonceStore(domain.clock);
    private final WebPortService webPorts = server(KEY);
    private final User admin = domain.admin();
    private final User alice = domain.userWith(admin, "alice");
    private final User bob = domain.userWith(admin, "bob");
    private final User manager = domain.userWith(admin, "manager", Role.SPACE_MANAGER);
    private final Space alicesSpace = spaceOf(alice, "web", "site");
    private final AgentState alicesAgent = agentOf(alicesSpace, Map.of(8080, "app", 3000, "api"), 0);

    // resolve

    @Test
    void theOwnerReachesARegisteredPortThroughTheAgentWithTheBearerTheAgentExpects() {
        WebPortTarget target = webPorts.resolve(alice, host("alice--web--8080"));

        assertThat(target.agent().space()).isEqualTo(alicesSpace);
        assertThat(target.agent().agent()).isEqualTo(alicesAgent);
        assertThat(target.agent().bearer()).isEqualTo(new AgentServerTokens(KEY).tokenFor(alicesAgent));
        assertThat(target.agentPathPrefix()).isEqualTo("/http/8080");
        assertThat(webPorts.resolve(alice, host("alice--web--3000")).agentPathPrefix()).isEqualTo("/http/3000");
    }

    @Test
    void spaceManagersReachOtherUsersSpaces() {
        assertThat(webPorts.resolve(manager, host("alice--web--8080")).agent().space()).isEqualTo(alicesSpace);
        assertThat(webPorts.resolve(admin, host("alice--web--8080")).agent().space()).isEqualTo(alicesSpace);
    }

    @Test
    void anAlternativeNameReachesTheSameSpace() {
        assertThat(webPorts.resolve(alice, host("alice--site--8080")).agent().space()).isEqualTo(alicesSpace);
    }

    @Test
    void hostNamesAreCaseInsensitive() {
        User carol = domain.userWith(admin, "Carol");
        Space carolsSpace = spaceOf(carol, "MySpace");
        agentOf(carolsSpace, Map.of(80, "web"), 0);

        WebPortHost host = WebPortHost.parse("CAROL--mySPACE--80.Knot.Example.COM:443", WILDCARD).orElseThrow();

        assertThat(webPorts.resolve(carol, host).agent().space()).isEqualTo(carolsSpace);
        assertThat(webPorts.resolve(carol, host("carol--myspace--80")).agent().space()).isEqualTo(carolsSpace);
    }

    @Test
    void vncGoesToTheAgentsVncPathWhenTheAgentServesIt() {
        Space withVnc = spaceOf(alice, "desktop");
        agentOf(withVnc, Map.of(), 5680);

        WebPortTarget target = webPorts.resolve(alice, host("alice--desktop--vnc"));

        assertThat(target.agent().space()).isEqualTo(withVnc);
        assertThat(target.agentPathPrefix()).isEqualTo("/vnc");
        assertNotFound(() -> webPorts.resolve(alice, host("alice--web--vnc")));
    }

    @Test
    void codeServerGoesToTheAgentsCodeServerPathOnlyWhenTheAgentReportsIt() {
        Space withCodeServer = spaceOf(alice, "editor");
        agentStates.save(AgentStateFixtures.anAgentState().withSpace(withCodeServer.id()).withCodeServer(true)
                .withExpiresAt(domain.clock.now().plus(AGENT_LIFETIME)).build());
        Space without = spaceOf(alice, "plain");
        agentStates.save(AgentStateFixtures.anAgentState().withSpace(without.id()).withCodeServer(false)
                .withHttpPorts(Map.of(8080, "app")).withVncHttpPort(5680)
                .withExpiresAt(domain.clock.now().plus(AGENT_LIFETIME)).build());

        WebPortTarget target = webPorts.resolve(alice, host("alice--editor--code"));

        assertThat(target.agent().space()).isEqualTo(withCodeServer);
        assertThat(target.agentPathPrefix()).isEqualTo("/code-server");
        assertThat(webPorts.resolve(manager, host("alice--editor--code")).agentPathPrefix())
                .isEqualTo("/code-server");
        assertNotFound(() -> webPorts.resolve(alice, host("alice--plain--code")));
        assertNotFound(() -> webPorts.resolve(bob, host("alice--editor--code")));
    }

    @Test
    void theCodeServerHostOfASpaceIsNamedAfterItsOwner() {
        User carol = domain.userWith(admin, "Carol");
        Space carolsSpace = spaceOf(carol, "MySpace");
        Space orphan = SpaceFixtures.aRunningSpace().withName("orphan").build();

        assertThat(webPorts.codeServerHost(carolsSpace, WILDCARD)).isEqualTo(host("carol--myspace--code"));
        assertThat(webPorts.codeServerHost(alicesSpace, WILDCARD)).isEqualTo(host("alice--web--code"));
        assertNotFound(() -> webPorts.codeServerHost(orphan, WILDCARD));
    }

    @Test
    void theHostNamesTheOwnerSoAnotherUsersSpaceOfTheSameNameIsNotReached() {
        Space bobsSpace = spaceOf(bob, "web");
        agentOf(bobsSpace, Map.of(8080, "app"), 0);

        assertThat(webPorts.resolve(bob, host("bob--web--8080")).agent().space()).isEqualTo(bobsSpace);
        assertThat(webPorts.resolve(alice, host("alice--web--8080")).agent().space()).isEqualTo(alicesSpace);
        assertNotFound(() -> webPorts.resolve(bob, host("alice--web--8080")));
        assertNotFound(() -> webPorts.resolve(alice, host("bob--web--8080")));
    }

    @Test
    void everyRefusalIsTheSameNotFound() {
        spaceOf(alice, "idle");
        Space expired = spaceOf(alice, "gone");
        agentStates.save(AgentStateFixtures.anAgentState().withSpace(expired.id()).withHttpPorts(Map.of(8080, "app"))
                .withExpiresAt(domain.clock.now()).build());
        Space tcpOnly = spaceOf(alice, "db");
        agentStates.save(AgentStateFixtures.anAgentState().withSpace(tcpOnly.id()).withTcpPorts(Map.of(5432, "pg"))
                .withExpiresAt(domain.clock.now().plus(AGENT_LIFETIME)).build());
        User inactiveAlice = UserFixtures.copyOf(alice).inactive().build();
        User inactiveManager = UserFixtures.copyOf(manager).inactive().build();

        List<String> messages = List.of(
                notFoundMessage(() -> webPorts.resolve(bob, host("alice--web--8080"))),
                notFoundMessage(() -> webPorts.resolve(alice, host("nobody--web--8080"))),
                notFoundMessage(() -> webPorts.resolve(alice, host("alice--nothing--8080"))),
                notFoundMessage(() -> webPorts.resolve(alice, host("alice--web--8081"))),
                notFoundMessage(() -> webPorts.resolve(alice, host("alice--db--5432"))),
                notFoundMessage(() -> webPorts.resolve(alice, host("alice--idle--8080"))),
                notFoundMessage(() -> webPorts.resolve(alice, host("alice--gone--8080"))),
                notFoundMessage(() -> webPorts.resolve(inactiveAlice, host("alice--web--8080"))),
                notFoundMessage(() -> webPorts.resolve(inactiveManager, host("alice--web--8080"))));

        assertThat(messages).containsOnly(messages.get(0));
    }

    @Test
    void anAgentThatStopsReportingIsNoLongerReached() {
        domain.clock.advance(AGENT_LIFETIME);

        assertNotFound(() -> webPorts.resolve(alice, host("alice--web--8080")));
    }

    // codes and passes

    @Test
    void aCodeIsExchangedForAPassThatAuthenticatesTheUserOnThatHost() {
        IssuedSecret<Session> login = login(alice);
        WebPortHost host = host("alice--web--8080");

        String code = webPorts.issueCode(session(login), host, "/app?tab=1&x=%2F");
        WebPortPass pass = webPorts.redeem(code, host);

        assertThat(pass.next()).isEqualTo("/app?tab=1&x=%2F");
        assertThat(webPorts.authenticate(pass.value(), host).id()).isEqualTo(alice.id());
        assertThat(code).startsWith("knot_wc_").doesNotContain(login.secret());
        assertThat(pass.value()).startsWith("knot_wp_").doesNotContain(login.secret());
        assertThat(pass.toString()).doesNotContain(pass.value());
    }

    @Test
    void aPassLivesTwelveHoursAtMostAndNeverBeyondItsSession() {
        WebPortHost host = host("alice--web--8080");
        Session shortSession = savedSession(alice, Duration.ofHours(2));
        Session longSession = savedSession(alice, Duration.ofHours(20));

        WebPortPass shortPass = webPorts.redeem(webPorts.issueCode(session(shortSession), host, "/"), host);
        WebPortPass longPass = webPorts.redeem(webPorts.issueCode(session(longSession), host, "/"), host);

        assertThat(shortPass.lifetime()).isEqualTo(Duration.ofHours(2));
        assertThat(longPass.lifetime()).isEqualTo(Duration.ofHours(12));
        domain.clock.advance(Duration.ofHours(12).minusSeconds(1));
        assertThat(webPorts.authenticate(longPass.value(), host).id()).isEqualTo(alice.id());
        domain.clock.advance(Duration.ofSeconds(1));
        assertUnauthenticated(() -> webPorts.authenticate(longPass.value(), host));
    }

    @Test
    void aManagerGetsAPassForAnotherUsersSpace() {
        WebPortHost host = host("alice--web--8080");

        WebPortPass pass = webPorts.redeem(webPorts.issueCode(session(login(manager)), host, "/"), host);

        assertThat(webPorts.authenticate(pass.value(), host).id()).isEqualTo(manager.id());
    }

    @Test
    void aCodeIsRedeemedOnce() {
        WebPortHost host = host("alice--web--8080");
        String code = webPorts.issueCode(session(login(alice)), host, "/");

        webPorts.redeem(code, host);

        assertUnauthenticated(() -> webPorts.redeem(code, host));
    }

    @Test
    void aCodeRedeemedOnOneServerIsRefusedOnAnotherSharingTheCache() {
        WebPortService otherServer = server(KEY);
        WebPortHost host = host("alice--web--8080");
        String code = webPorts.issueCode(session(login(alice)), host, "/");

        webPorts.redeem(code, host);

        assertUnauthenticated(() -> otherServer.redeem(code, host));
    }

    @Test
    void racingRedemptionsOfOneCodeGiveOnePass() throws Exception {
        WebPortHost host = host("alice--web--8080");
        String code = webPorts.issueCode(session(login(alice)), host, "/");

        List<Optional<WebPortPass>> outcomes = race(16, () -> {
            try {
                return Optional.of(webPorts.redeem(code, host));
            } catch (KnotException refused) {
                return Optional.empty();
            }
        });

        assertThat(outcomes.stream().filter(Optional::isPresent)).hasSize(1);
    }

    @Test
    void aCodeIsRefusedOnAnotherHostAndStaysUsableOnItsOwn() {
        WebPortHost host = host("alice--web--8080");
        String code = webPorts.issueCode(session(login(alice)), host, "/");

        assertUnauthenticated(() -> webPorts.redeem(code, host("alice--web--3000")));
        assertUnauthenticated(() -> webPorts.redeem(code, host("alice--site--8080")));

        assertThat(webPorts.redeem(code, host).next()).isEqualTo("/");
    }

    @Test
    void aCodeExpiresAfterSixtySeconds() {
        WebPortHost host = host("alice--web--8080");
        Authenticated caller = session(login(alice));
        String early = webPorts.issueCode(caller, host, "/");
        String late = webPorts.issueCode(caller, host, "/");

        domain.clock.advance(Duration.ofSeconds(59));
        webPorts.redeem(early, host);
        domain.clock.advance(Duration.ofSeconds(1));

        assertUnauthenticated(() -> webPorts.redeem(late, host));
    }

    @Test
    void aTamperedCodeOrPassIsRefused() {
        WebPortHost host = host("alice--web--8080");
        String code = webPorts.issueCode(session(login(alice)), host, "/");
        String pass = webPorts.redeem(webPorts.issueCode(session(login(alice)), host, "/"), host).value();

        for (int index = "knot_wc_".length(); index < code.length(); index += 7) {
            String tampered = flip(code, index);
            assertUnauthenticated(() -> webPorts.redeem(tampered, host));
        }
        for (int index = "knot_wp_".length(); index < pass.length(); index += 3) {
            String tampered = flip(pass, index);
            assertUnauthenticated(() -> webPorts.authenticate(tampered, host));
        }
        assertThat(webPorts.redeem(code, host).next()).isEqualTo("/");
        assertThat(webPorts.authenticate(pass, host).id()).isEqualTo(alice.id());
    }

    @Test
    void aCodeIsNotAPassAndAPassIsNotACode() {
        WebPortHost host = host("alice--web--8080");
        String code = webPorts.issueCode(session(login(alice)), host, "/");
        String pass = webPorts.redeem(webPorts.issueCode(session(login(alice)), host, "/"), host).value();
        String passAsCode = "knot_wc_" + pass.substring("knot_wp_".length());
        String codeAsPass = "knot_wp_" + code.substring("knot_wc_".length());

        assertUnauthenticated(() -> webPorts.redeem(pass, host));
        assertUnauthenticated(() -> webPorts.redeem(passAsCode, host));
        assertUnauthenticated(() -> webPorts.authenticate(code, host));
        assertUnauthenticated(() -> webPorts.authenticate(codeAsPass, host));
    }

    @Test
    void garbageIsRefused() {
        WebPortHost host = host("alice--web--8080");

        for (String garbage : new String[] {null, "", "knot_wc_", "knot_wp_", "knot_wc_a.b", "knot_s_x"}) {
            assertUnauthenticated(() -> webPorts.redeem(garbage, host));
            assertUnauthenticated(() -> webPorts.authenticate(garbage, host));
        }
    }

    @Test
    void aPassIsRefusedOnAnotherHost() {
        WebPortHost host = host("alice--web--8080");
        String pass = webPorts.redeem(webPorts.issueCode(session(login(alice)), host, "/"), host).value();

        assertUnauthenticated(() -> webPorts.authenticate(pass, host("alice--web--3000")));
        assertUnauthenticated(() -> webPorts.authenticate(pass, host("alice--site--8080")));
        assertUnauthenticated(() -> webPorts.authenticate(pass, host("alice--web--vnc")));
    }

    @Test
    void loggingOutEndsThePassAndTheCodesOfThatSession() {
        WebPortHost host = host("alice--web--8080");
        IssuedSecret<Session> login = login(alice);
        String pass = webPorts.redeem(webPorts.issueCode(session(login), host, "/"), host).value();
        String pendingCode = webPorts.issueCode(session(login), host, "/");
        IssuedSecret<Session> otherLogin = login(alice);
        String otherPass = webPorts.redeem(webPorts.issueCode(session(otherLogin), host, "/"), host).value();

        domain.authService.logout(login.secret());

        assertUnauthenticated(() -> webPorts.authenticate(pass, host));
        assertUnauthenticated(() -> webPorts.redeem(pendingCode, host));
        assertThat(webPorts.authenticate(otherPass, host).id()).isEqualTo(alice.id());
    }

    @Test
    void aPassEndsWithItsSessionsExpiry() {
        WebPortHost host = host("alice--web--8080");
        String pass = webPorts.redeem(webPorts.issueCode(session(savedSession(alice, Duration.ofHours(1))), host,
                "/"), host).value();

        domain.clock.advance(Duration.ofHours(1));

        assertUnauthenticated(() -> webPorts.authenticate(pass, host));
    }

    @Test
    void deactivatingTheUserEndsThePassAndTheirCodes() {
        WebPortHost host = host("alice--web--8080");
        Authenticated caller = session(savedSession(alice, Duration.ofHours(2)));
        String pass = webPorts.redeem(webPorts.issueCode(caller, host, "/"), host).value();
        String pendingCode = webPorts.issueCode(caller, host, "/");

        inactive(alice);

        assertUnauthenticated(() -> webPorts.authenticate(pass, host));
        assertUnauthenticated(() -> webPorts.redeem(pendingCode, host));
    }

    @Test
    void aSessionOfAnotherUserDoesNotCarryAPass() {
        WebPortHost host = host("alice--web--8080");
        Session bobsSession = savedSession(bob, Duration.ofHours(2));

        // A caller whose session is not theirs is never built by the HTTP side; the pass must still not work.
        String code = webPorts.issueCode(new Authenticated(alice, Optional.of(bobsSession.id())), host, "/");

        assertUnauthenticated(() -> webPorts.redeem(code, host));
    }

    @Test
    void anApiTokenCannotGetACode() {
        String token = domain.authService.createToken(alice, "ci").secret();
        Authenticated caller = domain.authService.authenticate(token);

        assertCode(() -> webPorts.issueCode(caller, host("alice--web--8080"), "/"), ErrorCode.UNAUTHENTICATED);
    }

    @Test
    void noCodeForAHostTheCallerCannotReach() {
        Authenticated bobsSession = session(login(bob));

        assertNotFound(() -> webPorts.issueCode(bobsSession, host("alice--web--8080"), "/"));
        assertNotFound(() -> webPorts.issueCode(bobsSession, host("alice--web--9999"), "/"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"app", "//evil.example", "/\\evil.example", "https://evil.example/",
        "javascript:alert(1)", "/a\tb", "/a\nLocation: x", "/a\rb", "/a\u0000b", "/a b", "/caf\u00e9",
        "/a\u007fb", "/a\u0085b", "\t/x"})
    void anythingButALocalPathReturnsToTheRoot(String next) {
        assertThat(roundTripNext(next)).isEqualTo("/");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/app", "/app/?q=a%20b&r=%2F%2Fx", "/%2F%2Fevil.example", "/%5Cevil.example",
        "/a/../b", "/x#y"})
    void aLocalPathIsKept(String next) {
        assertThat(roundTripNext(next)).isEqualTo(next);
    }

    @Test
    void aNextOfUpTo2048CharactersIsKept() {
        String longest = "/" + "a".repeat(2047);

        assertThat(roundTripNext(longest)).isEqualTo(longest);
        assertThat(roundTripNext(longest + "a")).isEqualTo("/");
    }

    @Test
    void codesAreUnique() {
        Authenticated caller = session(login(alice));
        WebPortHost host = host("alice--web--8080");

        assertThat(webPorts.issueCode(caller, host, "/")).isNotEqualTo(webPorts.issueCode(caller, host, "/"));
    }

    @Test
    void anotherServerWithTheSameKeyAcceptsTheCodesAndPasses() {
        WebPortService otherServer = server(KEY);
        WebPortService otherKey = server(KEY.toUpperCase());
        WebPortHost host = host("alice--web--8080");
        Authenticated caller = session(login(alice));

        String pass = otherServer.redeem(webPorts.issueCode(caller, host, "/"), host).value();

        assertThat(webPorts.authenticate(pass, host).id()).isEqualTo(alice.id());
        assertUnauthenticated(() -> otherKey.authenticate(pass, host));
        assertUnauthenticated(() -> otherKey.redeem(webPorts.issueCode(caller, host, "/"), host));
    }

    private String roundTripNext(String next) {
        WebPortHost host = host("alice--web--8080");
        String code = webPorts.issueCode(session(savedSession(alice, Duration.ofHours(2))), host, next);
        return webPorts.redeem(code, host).next();
    }

    private Space spaceOf(User owner, String name, String... altNames) {
        Space space = SpaceFixtures.aRunningSpace().withOwner(owner.id()).withName(name).withAltNames(altNames)
                .build();
        domain.spaces.create(space);
        return space;
    }

    private AgentState agentOf(Space space, Map<Integer, String> httpPorts, int vncHttpPort) {
        AgentState agent = AgentStateFixtures.anAgentState().withSpace(space.id()).withHttpPorts(httpPorts)
                .withVncHttpPort(vncHttpPort).withExpiresAt(domain.clock.now().plus(AGENT_LIFETIME)).build();
        agentStates.save(agent);
        return agent;
    }

    private User inactive(User user) {
        User deactivated = UserFixtures.copyOf(user).inactive().build();
        domain.users.update(deactivated);
        return deactivated;
    }

    private IssuedSecret<Session> login(User user) {
        return domain.authService.login(
                new LoginCommand(user.email(), "correct horse battery", "192.0.2.1", "test browser"));
    }

    private Session savedSession(User user, Duration lifetime) {
        Session session = SessionFixtures.aSession().withUser(user.id()).withCreatedAt(domain.clock.now())
                .withExpiresAt(domain.clock.now().plus(lifetime)).build();
        domain.sessions.save(session);
        return session;
    }

    private Authenticated session(IssuedSecret<Session> login) {
        Authenticated caller = domain.authService.authenticate(login.secret());
        assertThat(caller.session()).contains(login.record().id());
        return caller;
    }

    private Authenticated session(Session session) {
        User user = domain.users.findById(session.userId()).orElseThrow();
        return new Authenticated(user, Optional.of(session.id()));
    }

    private static WebPortHost host(String label) {
        return WebPortHost.parse(label + ".knot.example.com", WILDCARD).orElseThrow();
    }

    private static String flip(String token, int index) {
        char flipped = token.charAt(index) == 'A' ? 'B' : 'A';
        return token.substring(0, index) + flipped + token.substring(index + 1);
    }

    private static void assertNotFound(Runnable action) {
        assertCode(action, ErrorCode.NOT_FOUND);
    }

    private static void assertUnauthenticated(Runnable action) {
        assertCode(action, ErrorCode.UNAUTHENTICATED);
    }

    private static String notFoundMessage(Runnable action) {
        KnotException refused = catchThrowableOfType(action::run, KnotException.class);
        assertThat(refused).isNotNull();
        assertThat(refused.code()).isEqualTo(ErrorCode.NOT_FOUND);
        return refused.getMessage();
    }

    private static <T> List<T> race(int contenders, Supplier<T> contender) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(contenders);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int index = 0; index < contenders; index++) {
                Callable<T> task = () -> {
                    start.await();
                    return contender.get();
                };
                futures.add(threads.submit(task));
            }
            start.countDown();
            List<T> outcomes = new ArrayList<>();
            for (Future<T> future : futures) {
                outcomes.add(future.get(60, TimeUnit.SECONDS));
            }
            return outcomes;
        } finally {
            threads.shutdownNow();
        }
    }

    private WebPortService server(String key) {
        return new WebPortService(domain.users, domain.spaces, agentStates, domain.sessions, usedNonces, domain.clock,
                key);
    }
}
