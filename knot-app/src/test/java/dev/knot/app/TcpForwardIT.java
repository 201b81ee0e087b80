package dev.knot.app;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code knot forward} end to end, every part a real process or socket: `knot server` over plain HTTP, a
 * Manual-template space whose `knot agent` runs here with one TCP port and an SSH port, each a TCP echo server of this
 * test, and the client commands from the jar. Bytes go local socket (or standard input) → client → server → agent →
 * echo server, and back the same way. One server and agent serve every test (they take most of the time); each test
 * starts its own clients.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TcpForwardIT {
    private static final String ADMIN_EMAIL = "admin@example.com";
    private static final String PASSWORD = "correct horse battery";
    private static final String MANUAL_TEMPLATE = "00000000-0000-0000-0000-000000000000";
    /** Hyphens: the original's proxy routes could not reach such a name. */
    private static final String SPACE = "db-box-1";
    private static final String ALT_NAME = "the-db";
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    static Path root;

    private EchoServer service;
    private EchoServer ssh;
    private int port;
    private KnotProcess server;
    private KnotProcess agent;
    private KnotApi api;
    private String token;
    private final List<KnotProcess> clients = new ArrayList<>();

    @BeforeAll
    void startServerSpaceAndAgent() throws IOException {
        service = EchoServer.start();
        ssh = EchoServer.start();
        port = KnotProcess.freePort();
        server = KnotProcess.start(KnotProcess.currentJava(), directory("server"),
                Map.of("KNOT_LISTEN", "127.0.0.1:" + port, "KNOT_USE_TLS", "false"), "server");
        await().atMost(WAIT).until(() -> KnotProcess.healthStatus(port) == 200 || !server.isAlive());
        assertThat(server.isAlive()).as(server.err()).isTrue();
        api = new KnotApi(port);
        assertThat(api.createFirstAdmin("admin", ADMIN_EMAIL, PASSWORD).statusCode()).isEqualTo(201);
        token = api.apiToken(api.sessionSecret(ADMIN_EMAIL, PASSWORD));
        String spaceId = api.expect(201, "POST", "/api/v1/spaces", token, Map.of("name", SPACE,
                "template_id", MANUAL_TEMPLATE, "agent_url", "http://127.0.0.1:1", "shell", "bash",
                "alt_names", List.of(ALT_NAME))).get("space_id").asText();
        // A hand-installed agent is given the key its owner reads from the server.
        String key = api.expect(200, "GET", "/api/v1/spaces/" + spaceId + "/agent-key", token, null)
                .get("registration_key").asText();
        agent = KnotProcess.start(KnotProcess.currentJava(), directory("agent"), Map.of(
                "KNOT_SERVER", url(),
                "KNOT_SPACEID", spaceId,
                "KNOT_AGENT_KEY", key,
                "KNOT_LISTEN", "127.0.0.1:" + KnotProcess.freePort(),
                "KNOT_TCP_PORT", service.port() + "=echo",
                "KNOT_SSH_PORT", Integer.toString(ssh.port())), "agent");
        await().atMost(Duration.ofSeconds(90)).until(() -> {
            assertThat(agent.isAlive()).as(agent.err()).isTrue();
            JsonNode state = api.expect(200, "GET", "/api/v1/spaces/" + spaceId + "/service-state", token, null);
            return state.get("has_ssh").asBoolean() && state.get("tcp_ports").has(Integer.toString(service.port()));
        });
    }

    @BeforeEach
    void countAfresh() {
        service.forgetConnections();
        ssh.forgetConnections();
    }

    @AfterEach
    void stopClients() {
        clients.forEach(KnotProcess::close);
        clients.clear();
    }

    @AfterAll
    void stopEverything() {
        // In reverse order of starting; what a failed start left null was never started.
        for (AutoCloseable started : new AutoCloseable[] {agent, server, ssh, service}) {
            if (started != null) {
                try {
                    started.close();
                } catch (Exception failure) {
                    throw new IllegalStateException(failure);
                }
            }
        }
    }

    @Test
    void forwardPortCarriesBytesBothWaysBetweenALocalSocketAndThePortInTheSpace() throws Exception {
        int local = KnotProcess.freePort();
        KnotProcess forward = client(Map.of(), "forward", "port", Integer.toString(local), SPACE,
                Integer.toString(service.port()), "--server", url(), "--token", token);
        await().atMost(WAIT).until(() -> forward.out().contains("Forwarding") || !forward.isAlive());
        assertThat(forward.isAlive()).as(forward.err()).isTrue();
        // More than the 1 MiB message limit in all, in the client's and the agent's own chunks.
        byte[] stream = new byte[2 * 1024 * 1024 + 4321];
        new Random(11).nextBytes(stream);

        try (Socket first = new Socket(InetAddress.getLoopbackAddress(), local)) {
            assertThat(roundTrip(first, stream)).isEqualTo(stream);
        }
        byte[] small = "a second connection, a tunnel of its own".getBytes(UTF_8);
        try (Socket second = new Socket(InetAddress.getLoopbackAddress(), local)) {
            assertThat(roundTrip(second, small)).isEqualTo(small);
        }

        assertThat(service.connections()).isEqualTo(2);
        assertThat(ssh.connections()).isZero();
        assertThat(forward.isAlive()).isTrue();
    }

    @Test
    void forwardSshConnectsStandardInputAndOutputToTheSpacesSshPortUntilInputEnds() throws Exception {
        KnotProcess forward = client(Map.of("KNOT_SERVER", url(), "KNOT_TOKEN", token), "forward", "ssh", SPACE);

        type(forward, "SSH-2.0-knot-forward-test\r\n");
        type(forward, "a second line\n");
        forward.input().close();

        assertThat(forward.awaitExit(WAIT)).as(forward.err()).isZero();
        assertThat(forward.out()).isEqualTo("SSH-2.0-knot-forward-test\r\na second line\n");
        assertThat(ssh.connections()).isEqualTo(1);
        assertThat(service.connections()).isZero();
    }

    @Test
    void anAltNameInAnyCaseLeadsToTheSameSpace() throws Exception {
        KnotProcess forward = client(Map.of("KNOT_SERVER", url(), "KNOT_TOKEN", token), "forward", "ssh", "The-DB");

        type(forward, "by the alt name\n");
        forward.input().close();

        assertThat(forward.awaitExit(WAIT)).as(forward.err()).isZero();
        assertThat(ssh.connections()).isEqualTo(1);
    }

    @Test
    void anotherUsersTokenABadTokenAndAPortTheAgentDoesNotServeAreRefused() throws Exception {
        api.expect(201, "POST", "/api/v1/users", token,
                Map.of("username", "bob", "email", "bob@example.com", "password", PASSWORD));
        String bob = api.apiToken(api.sessionSecret("bob@example.com", PASSWORD));

        KnotProcess notBobs = client(Map.of("KNOT_SERVER", url(), "KNOT_TOKEN", bob), "forward", "ssh", SPACE);
        assertThat(notBobs.awaitExit(WAIT)).isEqualTo(1);
        assertThat(notBobs.err()).contains("404");
        KnotProcess badToken = client(Map.of("KNOT_SERVER", url(), "KNOT_TOKEN", "not-a-token"), "forward", "ssh",
                SPACE);
        assertThat(badToken.awaitExit(WAIT)).isEqualTo(1);
        assertThat(badToken.err()).contains("401");

        int local = KnotProcess.freePort();
        // Free, so neither of the agent's ports.
        int unserved = KnotProcess.freePort();
        KnotProcess forward = client(Map.of("KNOT_SERVER", url(), "KNOT_TOKEN", token), "forward", "port",
                Integer.toString(local), SPACE, Integer.toString(unserved));
        await().atMost(WAIT).until(() -> forward.out().contains("Forwarding") || !forward.isAlive());
        try (Socket refused = new Socket(InetAddress.getLoopbackAddress(), local)) {
            refused.setSoTimeout((int) WAIT.toMillis());
            // The client closes a connection whose tunnel the server refused, and keeps listening.
            assertThat(refused.getInputStream().read()).isEqualTo(-1);
        }
        await().atMost(WAIT).until(() -> forward.err().contains("404"));
        assertThat(forward.isAlive()).isTrue();
        assertThat(service.connections() + ssh.connections()).isZero();
    }

    // ---- helpers ----

    private String url() {
        return "http://127.0.0.1:" + port;
    }

    private Path directory(String name) throws IOException {
        return Files.createDirectories(root.resolve(name));
    }

    private KnotProcess client(Map<String, String> environment, String... arguments) throws IOException {
        KnotProcess started = KnotProcess.start(KnotProcess.currentJava(),
                directory("client-" + System.nanoTime()), environment, arguments);
        clients.add(started);
        return started;
    }

    /** Writes a line to the forwarder's input and waits for the echo server's answer on its output. */
    private static void type(KnotProcess forward, String line) throws IOException {
        String before = forward.out();
        forward.input().write(line.getBytes(UTF_8));
        forward.input().flush();
        await().atMost(WAIT).until(() -> forward.out().length() >= before.length() + line.length()
                || !forward.isAlive());
        assertThat(forward.out()).as(forward.err()).isEqualTo(before + line);
    }

    /** Writes {@code bytes} on one thread while reading as many back on this one, as a real client would. */
    private static byte[] roundTrip(Socket socket, byte[] bytes) throws Exception {
        socket.setSoTimeout((int) WAIT.toMillis());
        CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> {
            try {
                OutputStream output = socket.getOutputStream();
                for (int offset = 0; offset < bytes.length; offset += 8192) {
                    output.write(bytes, offset, Math.min(8192, bytes.length - offset));
                }
                output.flush();
            } catch (IOException failure) {
                throw new UncheckedIOException(failure);
            }
        });
        byte[] received = socket.getInputStream().readNBytes(bytes.length);
        writing.get(WAIT.toSeconds(), SECONDS);
        return received;
    }

    /** A TCP service that sends back what it receives, on every connection, until the connection ends. */
    private static final class EchoServer implements AutoCloseable {
        private final ServerSocket listener;
        private final AtomicInteger connections = new AtomicInteger();

        private EchoServer(ServerSocket listener) {
            this.listener = listener;
        }

        static EchoServer start() throws IOException {
            EchoServer echo = new EchoServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
            Thread acceptor = new Thread(echo::accept, "echo-" + echo.port());
            acceptor.setDaemon(true);
            acceptor.start();
            return echo;
        }

        int port() {
            return listener.getLocalPort();
        }

        /** Connections that sent at least one byte (the agent's own checks that the port is open send none). */
        int connections() {
            return connections.get();
        }

        void forgetConnections() {
            connections.set(0);
        }

        private void accept() {
            while (!listener.isClosed()) {
                try {
                    Socket connection = listener.accept();
                    Thread echoing = new Thread(() -> echo(connection), "echo-connection");
                    echoing.setDaemon(true);
                    echoing.start();
                } catch (IOException closed) {
                    return;
                }
            }
        }

        private void echo(Socket connection) {
            try (connection; InputStream input = connection.getInputStream();
                    OutputStream output = connection.getOutputStream()) {
                byte[] buffer = new byte[16 * 1024];
                boolean counted = false;
                int read;
                while ((read = input.read(buffer)) >= 0) {
                    if (!counted && read > 0) {
                        connections.incrementAndGet();
                        counted = true;
                    }
                    output.write(buffer, 0, read);
                    output.flush();
                }
            } catch (IOException ended) {
                // The other side went away; nothing to echo any more.
            }
        }

        @Override
        public void close() {
            try {
                listener.close();
            } catch (IOException ignored) {
                // Closing a listener that is closed already.
            }
        }
    }
}
