package dev.knot.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.knot.ports.in.AgentRegistration;
import dev.knot.ports.in.AgentReport;
import dev.knot.ports.in.IssuedSecret;
import dev.knot.ports.model.Role;
import dev.knot.ports.model.Space;
import dev.knot.ports.model.Token;
import dev.knot.ports.model.User;
import dev.knot.testkit.fixture.SpaceFixtures;
import java.io.ByteArrayOutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The tunnels of {@code knot forward} end to end: a real listener relaying to a fake agent on a real socket, which
 * echoes what it receives, driven by a websocket client as {@code knot forward} is. The domain is the real one over
 * in-memory stores.
 */
class TunnelRoutesTest {
    private static final URI PUBLIC_URL = URI.create("https://knot.example.com");
    private static final String ORIGIN = "https://knot.example.com";
    private static final long WAIT_SECONDS = ClientWebSocketEnd.WAIT_SECONDS;
    /** Open tunnels' access is asked again this often here, where production waits 15 s. */
    private static final Duration RECHECK = Duration.ofMillis(200);
    private static final int SSH_PORT = 2222;
    private static final int DB_PORT = 5432;
    private static final String NAME = "my-web-app";
    private static final String ALT_NAME = "db-box";
    /** The agent's limit for a tunnel's messages (docs/agent.md), which the server's must equal. */
    private static final int AGENT_LIMIT = 1024 * 1024;

    private World world;
    private User admin;
    private User alice;
    private String aliceToken;
    private Space space;
    private AgentRegistration registration;
    private FakeAgentTunnel agent;
    private HttpServer server;

    @BeforeEach
    void start() {
        world = new World();
        admin = world.admin();
        alice = world.user(admin, "alice");
        aliceToken = world.token(alice);
        space = runningSpace(alice, NAME, ALT_NAME);
        agent = new FakeAgentTunnel("not registered yet");
        registration = connectAgent(space, "127.0.0.1:" + agent.port(), SSH_PORT, Map.of(DB_PORT, "Postgres"));
        agent.expectBearer(registration.serverToken());
        server = listen();
    }

    @AfterEach
    void stop() {
        server.close();
        agent.close();
    }

    @Test
    void bytes_pass_both_ways_through_a_registered_port() throws Exception {
        Tunnel tunnel = open("/port/" + DB_PORT, bearer(alice));

        tunnel.send(bytes(100));

        assertThat(tunnel.awaitReceived(100)).isEqualTo(bytes(100));
        assertThat(agent.ports).containsExactly(String.valueOf(DB_PORT));
        assertThat(agent.proxyMarks).containsExactly("knot");
    }

    @Test
    void ssh_goes_to_the_port_the_agent_reported_for_ssh() throws Exception {
        assertSshReachedThrough("/ssh");
    }

    @Test
    void the_original_clients_trailing_slash_reaches_ssh_too() throws Exception {
        assertSshReachedThrough("/ssh/");
    }

    @Test
    void more_than_a_mebibyte_in_chunks_passes_both_ways_intact() throws Exception {
        byte[] stream = new byte[3 * AGENT_LIMIT + 12_345];
        new Random(42).nextBytes(stream);
        Tunnel tunnel = open("/port/" + DB_PORT, bearer(alice));

        for (int offset = 0; offset < stream.length; offset += 32 * 1024) {
            tunnel.send(Arrays.copyOfRange(stream, offset, Math.min(stream.length, offset + 32 * 1024)));
        }

        assertThat(tunnel.awaitReceived(stream.length)).isEqualTo(stream);
        assertThat(tunnel.closed).isNotDone();
    }

    @Test
    void a_message_of_exactly_the_tunnel_limit_passes_both_ways() throws Exception {
        byte[] largest = new byte[AGENT_LIMIT];
        new Random(7).nextBytes(largest);
        Tunnel tunnel = open("/port/" + DB_PORT, bearer(alice));

        tunnel.send(largest);

        assertThat(agent.messageSizes.poll(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo(largest.length);
        assertThat(tunnel.awaitReceived(largest.length)).isEqualTo(largest);
    }

    @Test
    void a_message_over_the_tunnel_limit_closes_both_sides() throws Exception {
        Tunnel tunnel = open("/port/" + DB_PORT, bearer(alice));

        tunnel.socket.sendBinary(ByteBuffer.allocate(AGENT_LIMIT + 1), true);

        assertThat(tunnel.closedWith()).isEqualTo(1009);
        assertThat(agent.closeCodes.poll(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo(1008);
        assertThat(agent.messageSizes).isEmpty();
    }

    @Test
    void a_message_over_the_tunnel_limit_from_the_agent_closes_both_sides() throws Exception {
        Tunnel tunnel = open("/port/" + DB_PORT, bearer(alice));

        tunnel.socket.sendText("flood", true).get(WAIT_SECONDS, TimeUnit.SECONDS);

        assertThat(tunnel.closedWith()).isEqualTo(1009);
        assertThat(agent.closeCodes.poll(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo(1008);
        synchronized (tunnel.received) {
            assertThat(tunnel.received.size()).isZero();
        }
    }

    @Test
    void an_empty_keepalive_message_passes_both_ways_and_the_tunnel_goes_on() throws Exception {
        Tunnel tunnel = open("/port/" + DB_PORT, bearer(alice));

        tunnel.send(new byte[0]);

        assertThat(agent.messageSizes.poll(WAIT_SECONDS, TimeUnit.SECONDS)).isZero();
        assertThat(tunnel.emptyMessages.poll(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        tunnel.send(bytes(5));
        assertThat(tunnel.awaitReceived(5)).isEqualTo(bytes(5));
        assertThat(agent.messageSizes.poll(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo(5);
    }

    @ParameterizedTest
    @ValueSource(strings = {NAME, "MY-Web-App", ALT_NAME, "DB-BOX"})
    void the_space_is_found_by_its_name_or_alt_name_in_any_case(String name) throws Exception {
        Tunnel tunnel = openOn(name, "/port/" + DB_PORT, bearer(alice));

        tunnel.send(bytes(3));

        assertThat(tunnel.awaitReceived(3)).isEqualTo(bytes(3));
    }

    @Test
    void the_name_is_looked_up_among_the_callers_own_spaces_only() throws Exception {
        User bob = world.user(admin, "bob");
        User manager = world.user(admin, "manager", Role.SPACE_MANAGER);

        assertThat(refusalOn(NAME, "/port/" + DB_PORT, bearer(bob))).isEqualTo(404);
        assertThat(refusalOn(NAME, "/ssh", bearer(manager))).isEqualTo(404);
        assertThat(refusalOn(NAME, "/ssh", bearer(admin))).isEqualTo(404);
        assertThat(agent.connections).hasValue(0);
    }

    @Test
    void another_users_space_of_the_same_name_is_their_own() throws Exception {
        User bob = world.user(admin, "bob");
        Space bobs = runningSpace(bob, NAME);
        try (FakeAgentTunnel bobsAgent = new FakeAgentTunnel("not registered yet")) {
            bobsAgent.expectBearer(connectAgent(bobs, "127.0.0.1:" + bobsAgent.port(), 0, Map.of(DB_PORT, "db"))
                    .serverToken());

            openOn(NAME, "/port/" + DB_PORT, bearer(bob)).send(bytes(1));

            assertThat(bobsAgent.messageSizes.poll(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(agent.connections).hasValue(0);
        }
    }

    @Test
    void a_port_the_agent_did_not_report_gets_404() throws Exception {
        assertThat(refusal("/port/5433", bearer(alice))).isEqualTo(404);
        assertThat(refusal("/port/" + SSH_PORT + "0", bearer(alice))).isEqualTo(404);
        assertThat(agent.connections).hasValue(0);
    }

    @Test
    void ssh_of_a_space_whose_agent_reports_no_ssh_gets_404() throws Exception {
        Space noSsh = runningSpace(alice, "no-ssh");
        connectAgent(noSsh, "127.0.0.1:" + agent.port(), 0, Map.of(DB_PORT, "Postgres"));

        assertThat(refusalOn("no-ssh", "/ssh", bearer(alice))).isEqualTo(404);
        assertThat(agent.connections).hasValue(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "65536", "99999", "123456", "05432", "+5432", "-1", "5432a", "0x1538", "abc",
        "5432.0", "%205432"})
    void a_port_that_is_not_plain_decimal_1_to_65535_gets_404(String port) throws Exception {
        HttpResponse<String> response = get(path(NAME, "/port/" + port), "Authorization", "Bearer " + aliceToken);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(agent.connections).hasValue(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "-my-web-app", "1abc", "my_web_app", "my.web.app", "my%20web", "my%2Fweb"})
    void a_name_no_space_can_have_gets_404(String name) throws Exception {
        assertThat(refusalOn(name, "/ssh", bearer(alice))).isEqualTo(404);
        assertThat(agent.connections).hasValue(0);
    }

    @Test
    void a_space_without_an_agent_gets_404() throws Exception {
        runningSpace(alice, "quiet");

        assertThat(refusalOn("quiet", "/ssh", bearer(alice))).isEqualTo(404);
        assertThat(refusalOn("quiet", "/port/" + DB_PORT, bearer(alice))).isEqualTo(404);
    }

    @Test
    void no_credential_gets_401() throws Exception {
        assertThat(refusal("/ssh")).isEqualTo(401);
        assertThat(refusal("/port/" + DB_PORT, "Origin", ORIGIN)).isEqualTo(401);
        assertThat(agent.connections).hasValue(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example", "null", "https://alice--my-web-app--5432.knot.example.com",
        "http://knot.example.com"})
    void a_cookie_from_another_origin_gets_403_and_the_agent_is_not_called(String origin) throws Exception {
        String[] cookie = cookie(alice);

        assertThat(refusal("/port/" + DB_PORT, cookie[0], cookie[1], "Origin", origin)).isEqualTo(403);
        assertThat(refusal("/ssh", cookie[0], cookie[1])).isEqualTo(403);
        assertThat(agent.connections).hasValue(0);
    }

    @Test
    void a_cookie_from_knots_own_origin_opens_a_tunnel() throws Exception {
        String[] cookie = cookie(alice);
        Tunnel tunnel = open("/port/" + DB_PORT, cookie[0], cookie[1], "Origin", ORIGIN);

        tunnel.send(bytes(4));

        assertThat(tunnel.awaitReceived(4)).isEqualTo(bytes(4));
    }

    @Test
    void a_plain_get_gets_400() throws Exception {
        HttpResponse<String> response = get(path(NAME, "/ssh"), "Authorization", "Bearer " + aliceToken);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("a tunnel is opened with a websocket handshake");
        assertThat(agent.connections).hasValue(0);
    }

    @Test
    void an_agent_that_refuses_gets_502_and_one_that_cannot_be_reached_503() throws Exception {
        agent.expectBearer("some other bearer");

        HttpResponse<?> refused = refusedHandshake(NAME, "/ssh", bearer(alice));

        assertThat(refused.statusCode()).isEqualTo(502);
        assertThat(refused.body()).isEqualTo(
                "{\"error\":\"the space's agent refused the tunnel\",\"code\":\"AGENT_REFUSED\"}");
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        connectAgent(runningSpace(alice, "gone"), "127.0.0.1:" + closedPort, SSH_PORT, Map.of());
        assertThat(refusalOn("gone", "/ssh", bearer(alice))).isEqualTo(503);
    }

    @Test
    void closing_the_client_side_closes_the_agent_side() throws Exception {
        Tunnel tunnel = open("/port/" + DB_PORT, bearer(alice));

        tunnel.socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(WAIT_SECONDS, TimeUnit.SECONDS);

        assertThat(agent.closeCodes.poll(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo(WebSocket.NORMAL_CLOSURE);
        assertThat(agent.ended.poll(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(tunnel.closedWith()).isEqualTo(WebSocket.NORMAL_CLOSURE);
    }

    @Test
    void the_agent_ending_the_tunnel_closes_the_client_side() throws Exception {
        Tunnel tunnel = open("/port/" + DB_PORT, bearer(alice));

        // Like the real agent, the fake ends a tunnel on a text message.
        tunnel.socket.sendText("end", true).get(WAIT_SECONDS, TimeUnit.SECONDS);

        assertThat(tunnel.closedWith()).isEqualTo(WebSocket.NORMAL_CLOSURE);
        assertThat(agent.ended.poll(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void deleting_the_api_token_closes_an_open_tunnel_with_1008_and_the_agent_side_normally() throws Exception {
        IssuedSecret<Token> forwarding = world.authService.createToken(alice, "knot forward");
        Tunnel tunnel = open("/port/" + DB_PORT, "Authorization", "Bearer " + forwarding.secret());
        tunnel.send(bytes(10));
        assertThat(tunnel.awaitReceived(10)).isEqualTo(bytes(10));

        world.authService.deleteToken(alice, forwarding.record().id());

        assertThat(tunnel.closedWith()).isEqualTo(1008);
        assertThat(tunnel.closeReason).isEqualTo("the session or token has ended");
        assertThat(agent.closeCodes.poll(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo(WebSocket.NORMAL_CLOSURE);
        assertThat(agent.ended.poll(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void a_tunnel_whose_space_is_gone_is_closed_with_1008() throws Exception {
        Tunnel tunnel = open("/ssh", bearer(alice));

        world.spaces.delete(space.id());

        assertThat(tunnel.closedWith()).isEqualTo(1008);
        assertThat(tunnel.closeReason).isEqualTo("access to the space has ended");
    }

    @Test
    void neither_credentials_nor_what_the_tunnel_carries_are_logged() throws Exception {
        byte[] secret = "secret-payload".getBytes(StandardCharsets.UTF_8);
        try (CapturedLog log = new CapturedLog()) {
            Tunnel tunnel = open("/port/" + DB_PORT, bearer(alice));
            tunnel.send(secret);
            assertThat(tunnel.awaitReceived(secret.length)).isEqualTo(secret);
            tunnel.socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(WAIT_SECONDS, TimeUnit.SECONDS);
            assertThat(agent.ended.poll(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
            agent.expectBearer("some other bearer");
            assertThat(refusal("/ssh", bearer(alice))).isEqualTo(502);

            assertThat(log.lines()).isNotEmpty();
            for (String line : log.lines()) {
                assertThat(line).doesNotContain(registration.serverToken(), aliceToken, "secret-payload");
            }
        }
    }

    // ---- helpers ----

    /** Bytes sent through {@code rest} come back, and went to the port the agent reported for ssh. */
    private void assertSshReachedThrough(String rest) throws Exception {
        Tunnel tunnel = open(rest, bearer(alice));

        tunnel.send(bytes(10));

        assertThat(tunnel.awaitReceived(10)).isEqualTo(bytes(10));
        assertThat(agent.ports).containsExactly(String.valueOf(SSH_PORT));
    }

    private HttpServer listen() {
        HttpConfig config = HttpConfig.defaults("127.0.0.1", 0, PUBLIC_URL);
        RouteTable.Builder routes = RouteTable.builder(config.maxRequestBodyBytes());
        new TunnelRoutes(world.agentService, world.authService, new JsonCodec(), config.idleTimeout(), RECHECK)
                .addTo(routes);
        AccessControl access = new AccessControl(world.authService, world.agentService,
                new SetupState(world.userService), new SameOriginPolicy(config.publicUrl()));
        HttpServer started = new HttpServer(config, routes.build(), new JsonCodec(), access);
        started.start();
        return started;
    }

    private Space runningSpace(User owner, String name, String... altNames) {
        Space running = SpaceFixtures.aRunningSpace().withOwner(owner.id()).withName(name).withAltNames(altNames)
                .build();
        world.spaces.create(running);
        return running;
    }

    /** Registers an agent for the space and reports its ports, as a real agent does after registering. */
    private AgentRegistration connectAgent(Space target, String address, int sshPort, Map<Integer, String> tcpPorts) {
        AgentRegistration registered = world.agentService.register(target.id(), address, "test",
                world.agentKeys.keyFor(target.id()));
        world.agentService.report(world.agentService.authenticate(target.id(), registered.accessToken()),
                new AgentReport("test", false, sshPort, 0, true, tcpPorts, Map.of()));
        return registered;
    }

    private String[] cookie(User user) {
        return new String[] {"Cookie", Credentials.SESSION_COOKIE + "=" + world.session(user)};
    }

    private String[] bearer(User user) {
        return new String[] {"Authorization", "Bearer " + (user.equals(alice) ? aliceToken : world.token(user))};
    }

    private static String path(String spaceName, String rest) {
        return "/proxy/spaces/" + spaceName + rest;
    }

    private URI websocketUri(String spaceName, String rest) {
        return URI.create("ws://127.0.0.1:" + server.address().getPort() + path(spaceName, rest));
    }

    private static byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        for (int index = 0; index < count; index++) {
            bytes[index] = (byte) (index * 31 + 7);
        }
        return bytes;
    }

    private Tunnel open(String rest, String... headers) throws Exception {
        return openOn(NAME, rest, headers);
    }

    private Tunnel openOn(String spaceName, String rest, String... headers) throws Exception {
        return ClientWebSocketEnd.open(new Tunnel(), websocketUri(spaceName, rest), headers);
    }

    private int refusal(String rest, String... headers) throws Exception {
        return refusalOn(NAME, rest, headers);
    }

    /** The status with which the server refuses the handshake; fails if it accepts it. */
    private int refusalOn(String spaceName, String rest, String... headers) throws Exception {
        return refusedHandshake(spaceName, rest, headers).statusCode();
    }

    /** The server's answer to a handshake it refuses (the body as a string); fails if it accepts it. */
    private HttpResponse<?> refusedHandshake(String spaceName, String rest, String... headers) throws Exception {
        return ClientWebSocketEnd.refusedHandshake(new Tunnel(), websocketUri(spaceName, rest), headers);
    }

    private HttpResponse<String> get(String target, String... headers) throws Exception {
        return ClientWebSocketEnd.get(URI.create("http://127.0.0.1:" + server.address().getPort() + target), headers);
    }

    /** The client's end, as {@code knot forward} uses it: a byte stream, with the empty messages counted apart. */
    private static final class Tunnel extends ClientWebSocketEnd {
        final ByteArrayOutputStream received = new ByteArrayOutputStream();
        final BlockingQueue<Boolean> emptyMessages = new LinkedBlockingQueue<>();

        void send(byte[] chunk) throws Exception {
            socket.sendBinary(ByteBuffer.wrap(chunk), true).get(WAIT_SECONDS, TimeUnit.SECONDS);
        }

        /** The first {@code count} bytes received, once they are there. */
        byte[] awaitReceived(int count) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
            synchronized (received) {
                while (received.size() < count) {
                    long left = deadline - System.nanoTime();
                    assertThat(left).as("%s bytes within %s s, got %s", count, WAIT_SECONDS, received.size())
                            .isPositive();
                    received.wait(TimeUnit.NANOSECONDS.toMillis(left) + 1);
                }
                return Arrays.copyOf(received.toByteArray(), count);
            }
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            if (!data.hasRemaining() && last) {
                emptyMessages.add(true);
            }
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            synchronized (received) {
                received.writeBytes(bytes);
                received.notifyAll();
            }
            webSocket.request(1);
            return null;
        }
    }
}
