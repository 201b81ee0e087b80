package dev.knot.adapter.http;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.knot.ports.in.AgentRegistration;
import dev.knot.ports.model.Role;
import dev.knot.ports.model.Space;
import dev.knot.ports.model.User;
import dev.knot.testkit.fixture.SpaceFixtures;
import java.io.ByteArrayOutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The browser terminal end to end: a real listener relaying to a fake agent on a real socket, driven by a
 * websocket client as a browser or a script would. The domain is the real one over in-memory stores.
 */
class TerminalRoutesTest {
    private static final URI PUBLIC_URL = URI.create("https://knot.example.com");
    private static final String ORIGIN = "https://knot.example.com";
    private static final long WAIT_SECONDS = ClientWebSocketEnd.WAIT_SECONDS;
    /** Open terminals' access is asked again this often here, where production waits 15 s. */
    private static final Duration RECHECK = Duration.ofMillis(200);
    private static final byte[] RESIZE = "\u0001{\"cols\":120,\"rows\":40}".getBytes(UTF_8);

    private World world;
    private User admin;
    private User alice;
    private String aliceToken;
    private Space space;
    private AgentRegistration registration;
    private FakeAgentTerminal agent;
    private ObservedAuth recheckAuth;
    private HttpServer server;

    @BeforeEach
    void start() {
        world = new World();
        admin = world.admin();
        alice = world.user(admin, "alice");
        aliceToken = world.token(alice);
        space = runningSpace(alice);
        agent = new FakeAgentTerminal("not registered yet");
        registration = world.agentService.register(space.id(), "127.0.0.1:" + agent.port(), "test",
                world.agentKeys.keyFor(space.id()));
        agent.expectBearer(registration.serverToken());
        recheckAuth = new ObservedAuth(world.authService);
        server = listen(HttpConfig.defaults("127.0.0.1", 0, PUBLIC_URL));
    }

    @AfterEach
    void stop() {
        server.close();
        agent.close();
    }

    @Test
    void the_owner_with_a_session_cookie_and_our_origin_gets_a_shell() throws Exception {
        Browser browser = open(space, "bash", cookie(alice), "Origin", ORIGIN);

        browser.type("echo hi\n");

        assertThat(browser.next()).isEqualTo(Received.binary("echo hi\n"));
        assertThat(agent.shells).containsExactly("bash");
        assertThat(agent.proxyMarks).containsExactly("knot");
    }

    @Test
    void the_owner_with_an_api_token_gets_a_shell() throws Exception {
        Browser browser = open(space, "zsh", "Authorization", "Bearer " + aliceToken);

        browser.type("echo hi\n");

        assertThat(browser.next()).isEqualTo(Received.binary("echo hi\n"));
        assertThat(agent.shells).containsExactly("zsh");
    }

    @Test
    void a_space_manager_gets_a_shell_in_another_users_space() throws Exception {
        User manager = world.user(admin, "manager", Role.SPACE_MANAGER);

        Browser browser = open(space, "bash", "Authorization", "Bearer " + world.token(manager));
        browser.type("echo managed\n");

        assertThat(browser.next()).isEqualTo(Received.binary("echo managed\n"));
    }

    @Test
    void a_resize_message_reaches_the_agent_byte_for_byte() throws Exception {
        Browser browser = open(space, "bash", bearer(alice));

        browser.sendBinary(RESIZE);

        assertThat(agent.binaryReceived.poll(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo(RESIZE);
    }

    @Test
    void messages_keep_their_type_and_fragments_arrive_as_one_message() throws Exception {
        Browser browser = open(space, "bash", bearer(alice));

        browser.socket.sendText("ech", false).get(WAIT_SECONDS, TimeUnit.SECONDS);
        browser.socket.sendText("o frag\n", true).get(WAIT_SECONDS, TimeUnit.SECONDS);
        browser.type("say hello");

        assertThat(browser.next()).isEqualTo(Received.binary("echo frag\n"));
        assertThat(browser.next()).isEqualTo(Received.text("hello"));
    }

    @Test
    void a_message_of_exactly_the_limit_passes() throws Exception {
        Browser browser = open(space, "bash", bearer(alice));
        byte[] largest = new byte[TerminalRoutes.MAX_MESSAGE_BYTES];
        largest[0] = 0x01;
        largest[largest.length - 1] = 0x7f;

        browser.sendBinary(largest);

        assertThat(agent.binaryReceived.poll(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo(largest);
    }

    @Test
    void another_user_gets_404_and_the_agent_is_not_called() throws Exception {
        User bob = world.user(admin, "bob");

        assertThat(refusal(space, "bash", cookie(bob), "Origin", ORIGIN)).isEqualTo(404);
        assertThat(refusal(space, "bash", bearer(bob))).isEqualTo(404);
        assertThat(agent.connections).hasValue(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example", "null", "https://knot.example.com.evil.tld",
        "https://alice--web--8080.knot.example.com", "https://sub.knot.example.com", "http://knot.example.com",
        "https://knot.example.com:8443"})
    void a_cookie_from_any_other_origin_gets_403_and_the_agent_is_not_called(String origin) throws Exception {
        assertThat(refusal(space, "bash", cookie(alice), "Origin", origin)).isEqualTo(403);
        assertThat(agent.connections).hasValue(0);
    }

    @Test
    void a_cookie_without_an_origin_gets_403_and_the_agent_is_not_called() throws Exception {
        assertThat(refusal(space, "bash", cookie(alice))).isEqualTo(403);
        assertThat(agent.connections).hasValue(0);
    }

    @Test
    void no_credential_gets_401() throws Exception {
        assertThat(refusal(space, "bash", "Origin", ORIGIN)).isEqualTo(401);
        assertThat(agent.connections).hasValue(0);
    }

    @Test
    void a_space_without_an_agent_gets_404() throws Exception {
        assertThat(refusal(runningSpace(alice), "bash", bearer(alice))).isEqualTo(404);
    }

    @Test
    void an_agent_that_cannot_be_reached_gets_503_without_an_upgrade() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Space unreachable = runningSpace(alice);
        world.agentService.register(unreachable.id(), "127.0.0.1:" + closedPort, "test",
                world.agentKeys.keyFor(unreachable.id()));

        HttpResponse<?> refused = refusedHandshake(unreachable, "bash", bearer(alice));

        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.body()).isEqualTo(
                "{\"error\":\"the space's agent cannot be reached\",\"code\":\"AGENT_UNREACHABLE\"}");
    }

    @Test
    void an_agent_that_refuses_gets_502_without_an_upgrade() throws Exception {
        agent.expectBearer("some other bearer");

        HttpResponse<?> refused = refusedHandshake(space, "bash", bearer(alice));

        assertThat(refused.statusCode()).isEqualTo(502);
        assertThat(refused.body()).isEqualTo(
                "{\"error\":\"the space's agent refused the terminal\",\"code\":\"AGENT_REFUSED\"}");
    }

    @Test
    void a_plain_get_gets_400() throws Exception {
        HttpResponse<String> response = get(path(space, "bash"), "Authorization", "Bearer " + aliceToken);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("websocket");
        assertThat(agent.connections).hasValue(0);
    }

    @Test
    void a_shell_name_that_is_not_letters_and_digits_gets_400() throws Exception {
        HttpResponse<String> response = get(path(space, "ba%2Fsh"), "Authorization", "Bearer " + aliceToken);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(refusal(space, "ba-sh", bearer(alice))).isEqualTo(400);
        assertThat(agent.connections).hasValue(0);
    }

    @Test
    void a_malformed_space_id_gets_404() throws Exception {
        HttpResponse<String> response =
                get("/proxy/spaces/not-an-id/terminal/bash", "Authorization", "Bearer " + aliceToken);

        assertThat(response.statusCode()).isEqualTo(404);
    }

    @Test
    void closing_the_browser_side_closes_the_agent_side() throws Exception {
        Browser browser = open(space, "bash", bearer(alice));

        browser.socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(WAIT_SECONDS, TimeUnit.SECONDS);

        assertThat(agent.closeCodes.poll(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo(WebSocket.NORMAL_CLOSURE);
        assertThat(agent.ended.poll(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(browser.closedWith()).isEqualTo(WebSocket.NORMAL_CLOSURE);
    }

    @Test
    void a_browser_that_vanishes_closes_the_agent_side() throws Exception {
        Browser browser = open(space, "bash", bearer(alice));

        browser.socket.abort();

        assertThat(agent.closeCodes.poll(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo(1001);
        assertThat(agent.ended.poll(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void closing_the_agent_side_closes_the_browser_side_with_its_code_and_reason() throws Exception {
        Browser browser = open(space, "bash", bearer(alice));

        browser.type("exit");

        assertThat(browser.closedWith()).isEqualTo(WebSocket.NORMAL_CLOSURE);
        assertThat(browser.closeReason).isEqualTo("shell exited");
        assertThat(agent.ended.poll(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void an_oversized_message_from_the_browser_closes_both_sides() throws Exception {
        Browser browser = open(space, "bash", bearer(alice));

        browser.socket.sendText("x".repeat(TerminalRoutes.MAX_MESSAGE_BYTES + 1), true);

        assertThat(browser.closedWith()).isEqualTo(1009);
        assertThat(agent.closeCodes.poll(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo(1008);
        assertThat(agent.ended.poll(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(browser.received).isEmpty();
    }

    @Test
    void an_oversized_message_from_the_agent_closes_both_sides() throws Exception {
        Browser browser = open(space, "bash", bearer(alice));

        browser.type("flood");

        assertThat(browser.closedWith()).isEqualTo(1009);
        assertThat(agent.closeCodes.poll(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo(1008);
        assertThat(browser.received).isEmpty();
    }

    @Test
    void an_open_terminal_is_pinged_so_that_it_is_never_idle() throws Exception {
        server.close();
        HttpConfig defaults = HttpConfig.defaults("127.0.0.1", 0, PUBLIC_URL);
        server = listen(new HttpConfig(defaults.host(), 0, PUBLIC_URL, defaults.maxRequestBodyBytes(),
                defaults.maxHeaderBytes(), defaults.maxHeaders(), defaults.requestParseTimeout(),
                Duration.ofMillis(400), defaults.drainTimeout(), defaults.ioThreads(), defaults.workerThreads(),
                List.of(), defaults.tls(), defaults.wildcardDomain()));
        Browser browser = open(space, "bash", bearer(alice));

        assertThat(browser.pings.poll(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(browser.pings.poll(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        browser.type("still here\n");

        assertThat(browser.next()).isEqualTo(Received.binary("still here\n"));
        assertThat(browser.closed).isNotDone();
    }

    @Test
    void logging_out_closes_an_open_terminal_with_1008_and_the_agent_side_normally() throws Exception {
        String session = session(alice);
        Browser browser = open(space, "bash", "Cookie", Credentials.SESSION_COOKIE + "=" + session, "Origin", ORIGIN);
        browser.type("echo hi\n");
        assertThat(browser.next()).isEqualTo(Received.binary("echo hi\n"));

        world.authService.logout(session);

        assertThat(browser.closedWith()).isEqualTo(1008);
        assertThat(browser.closeReason).isEqualTo("the session or token has ended");
        assertThat(agent.closeCodes.poll(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo(WebSocket.NORMAL_CLOSURE);
        assertThat(agent.ended.poll(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void deactivating_the_user_closes_an_open_terminal_with_1008() throws Exception {
        Browser browser = open(space, "bash", bearer(alice));

        world.changeAccess(admin, alice, false, alice.roles());

        assertThat(browser.closedWith()).isEqualTo(1008);
        assertThat(browser.closeReason).isEqualTo("the session or token has ended");
        assertThat(agent.closeCodes.poll(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo(WebSocket.NORMAL_CLOSURE);
    }

    @Test
    void losing_manage_spaces_closes_a_managers_terminal_in_another_users_space_with_1008() throws Exception {
        User manager = world.user(admin, "manager", Role.SPACE_MANAGER);
        Browser browser = open(space, "bash", "Authorization", "Bearer " + world.token(manager));

        world.changeAccess(admin, manager, true, Set.of());

        assertThat(browser.closedWith()).isEqualTo(1008);
        assertThat(browser.closeReason).isEqualTo("access to the space has ended");
        assertThat(agent.closeCodes.poll(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo(WebSocket.NORMAL_CLOSURE);
    }

    @Test
    void an_unchanged_credential_keeps_the_terminal_open_across_several_rechecks() throws Exception {
        Browser browser = open(space, "bash", bearer(alice));

        assertThat(recheckAuth.authentications.tryAcquire(5, WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        browser.type("still here\n");

        assertThat(browser.next()).isEqualTo(Received.binary("still here\n"));
        assertThat(browser.closed).isNotDone();
    }

    @Test
    void a_store_that_is_down_leaves_the_terminal_open_and_the_next_recheck_still_counts() throws Exception {
        String session = session(alice);
        Browser browser = open(space, "bash", "Cookie", Credentials.SESSION_COOKIE + "=" + session, "Origin", ORIGIN);
        try (CapturedLog log = new CapturedLog()) {
            recheckAuth.storeDown = true;
            assertThat(recheckAuth.authentications.tryAcquire(3, WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
            recheckAuth.storeDown = false;

            browser.type("still here\n");
            assertThat(browser.next()).isEqualTo(Received.binary("still here\n"));
            assertThat(browser.closed).isNotDone();
            assertThat(log.lines()).anySatisfy(line -> assertThat(line).contains("cannot re-check the access of alice",
                    "STORE_UNAVAILABLE"));
        }

        world.authService.logout(session);

        assertThat(browser.closedWith()).isEqualTo(1008);
    }

    @Test
    void a_closed_terminal_stops_asking_again() throws Exception {
        Browser browser = open(space, "bash", bearer(alice));
        assertThat(recheckAuth.authentications.tryAcquire(1, WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();

        browser.socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(agent.ended.poll(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        Semaphore closedOnes = recheckAuth.authenticationsOf(aliceToken);
        closedOnes.drainPermits();

        // A second terminal is the clock: once it has been asked again three times, so would the closed one have been.
        String otherToken = world.token(alice);
        open(space, "bash", "Authorization", "Bearer " + otherToken);
        assertThat(recheckAuth.authenticationsOf(otherToken).tryAcquire(3, WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();

        // One re-check may have been under way as the terminal closed; none starts after.
        assertThat(closedOnes.availablePermits()).isLessThanOrEqualTo(1);
    }

    @Test
    void neither_credentials_nor_what_the_terminal_carries_are_logged() throws Exception {
        String cookieSecret = session(alice);
        try (CapturedLog log = new CapturedLog()) {
            Browser browser = open(space, "bash", "Authorization", "Bearer " + aliceToken);
            browser.type("echo secret-keystrokes\n");
            assertThat(browser.next()).isEqualTo(Received.binary("echo secret-keystrokes\n"));
            browser.socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(WAIT_SECONDS, TimeUnit.SECONDS);
            assertThat(agent.ended.poll(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
            open(space, "bash", "Cookie", Credentials.SESSION_COOKIE + "=" + cookieSecret, "Origin", ORIGIN)
                    .socket.abort();
            agent.expectBearer("some other bearer");
            assertThat(refusal(space, "bash", bearer(alice))).isEqualTo(502);

            assertThat(log.lines()).isNotEmpty();
            for (String line : log.lines()) {
                assertThat(line).doesNotContain(registration.serverToken(), aliceToken, cookieSecret,
                        "secret-keystrokes");
            }
        }
    }

    // ---- helpers ----

    private HttpServer listen(HttpConfig config) {
        RouteTable.Builder routes = RouteTable.builder(config.maxRequestBodyBytes());
        // The handshake authenticates through the guard's AuthUseCases, re-checks through recheckAuth: only they count.
        new TerminalRoutes(world.agentService, recheckAuth, new JsonCodec(), config.idleTimeout(), RECHECK)
                .addTo(routes);
        AccessControl access = new AccessControl(world.authService, world.agentService,
                new SetupState(world.userService), new SameOriginPolicy(config.publicUrl()));
        HttpServer started = new HttpServer(config, routes.build(), new JsonCodec(), access);
        started.start();
        return started;
    }

    private Space runningSpace(User owner) {
        Space running = SpaceFixtures.aRunningSpace().withOwner(owner.id()).build();
        world.spaces.create(running);
        return running;
    }

    private String session(User user) {
        return world.session(user);
    }

    private String[] cookie(User user) {
        return new String[] {"Cookie", Credentials.SESSION_COOKIE + "=" + session(user)};
    }

    private String[] bearer(User user) {
        return new String[] {"Authorization", "Bearer " + (user.equals(alice) ? aliceToken : world.token(user))};
    }

    private static String path(Space space, String shell) {
        return "/proxy/spaces/" + space.id().value() + "/terminal/" + shell;
    }

    private URI websocketUri(Space space, String shell) {
        return URI.create("ws://127.0.0.1:" + server.address().getPort() + path(space, shell));
    }

    /** Headers as name, value, name, value...; a String[] pair may stand for two of them. */
    private static String[] headers(Object... namesAndValues) {
        return Arrays.stream(namesAndValues)
                .flatMap(item -> item instanceof String[] pair ? Arrays.stream(pair) : Stream.of((String) item))
                .toArray(String[]::new);
    }

    private Browser open(Space target, String shell, Object... headers) throws Exception {
        return ClientWebSocketEnd.open(new Browser(), websocketUri(target, shell), headers(headers));
    }

    /** The status with which the server refuses the handshake; fails if it accepts it. */
    private int refusal(Space target, String shell, Object... headers) throws Exception {
        return refusedHandshake(target, shell, headers).statusCode();
    }

    /** The server's answer to a handshake it refuses (the body as a string); fails if it accepts it. */
    private HttpResponse<?> refusedHandshake(Space target, String shell, Object... headers) throws Exception {
        return ClientWebSocketEnd.refusedHandshake(new Browser(), websocketUri(target, shell), headers(headers));
    }

    private HttpResponse<String> get(String target, String... headers) throws Exception {
        return ClientWebSocketEnd.get(URI.create("http://127.0.0.1:" + server.address().getPort() + target), headers);
    }

    record Received(boolean text, String content) {
        static Received text(String content) {
            return new Received(true, content);
        }

        static Received binary(String content) {
            return new Received(false, content);
        }
    }

    /** The browser's end: whole messages as they arrive, and how the server closed it. */
    private static final class Browser extends ClientWebSocketEnd {
        final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
        final BlockingQueue<Boolean> pings = new LinkedBlockingQueue<>();
        private final StringBuilder text = new StringBuilder();
        private final ByteArrayOutputStream binary = new ByteArrayOutputStream();

        void type(String keys) throws Exception {
            socket.sendText(keys, true).get(WAIT_SECONDS, TimeUnit.SECONDS);
        }

        void sendBinary(byte[] message) throws Exception {
            socket.sendBinary(ByteBuffer.wrap(message), true).get(WAIT_SECONDS, TimeUnit.SECONDS);
        }

        Received next() throws InterruptedException {
            Received next = received.poll(WAIT_SECONDS, TimeUnit.SECONDS);
            assertThat(next).as("a message within %s s", WAIT_SECONDS).isNotNull();
            return next;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                received.add(Received.text(text.toString()));
                text.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            binary.writeBytes(bytes);
            if (last) {
                received.add(Received.binary(binary.toString(UTF_8)));
                binary.reset();
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
            pings.add(true);
            webSocket.request(1);
            return null;
        }
    }
}
