package dev.knot.adapter.http.outbound;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import dev.knot.adapter.http.CapturedLog;
import dev.knot.ports.out.AgentClient;
import dev.knot.testkit.contract.AgentClientContract;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link HttpAgentClient} against a real agent stand-in: a loopback HTTP server that records what arrives on
 * {@code POST /update-authorized-keys}, and a port nobody listens on.
 */
class HttpAgentClientTest extends AgentClientContract {
    private static final String BEARER = "knot_as_never-in-a-log";
    private static final String KEYS_PATH = "/update-authorized-keys";

    private final HttpAgentClient client = new HttpAgentClient();
    private RecordingAgent agent;
    private RecordingAgent redirectTarget;
    private String deadAddress;

    @BeforeEach
    void start() throws IOException {
        agent = RecordingAgent.start();
        redirectTarget = RecordingAgent.start();
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            deadAddress = "127.0.0.1:" + probe.getLocalPort();
        }
    }

    @AfterEach
    void stop() {
        agent.close();
        redirectTarget.close();
    }

    @Override
    protected AgentClient client() {
        return client;
    }

    @Override
    protected String listeningAgentAddress() {
        return agent.address();
    }

    @Override
    protected String deadAgentAddress() {
        return deadAddress;
    }

    @Override
    protected List<KeysDelivery> delivered() {
        return List.copyOf(agent.deliveries);
    }

    @Test
    void a_redirecting_agent_does_not_get_the_bearer_sent_elsewhere_and_the_failure_is_logged_without_it() {
        agent.redirectTo("http://" + redirectTarget.address() + KEYS_PATH);
        try (CapturedLog log = new CapturedLog()) {
            client.updateAuthorizedKeys(endpoint(agent.address(), BEARER), "ssh-ed25519 AAAA", "");

            // The warning is written when the exchange is over, after any redirect would have been followed.
            await().atMost(10, SECONDS).until(() -> log.lines().stream().anyMatch(line -> line.contains("HTTP 307")));
            assertThat(redirectTarget.deliveries).isEmpty();
            assertThat(log.lines()).noneMatch(line -> line.contains(BEARER));
        }
    }

    @Test
    void an_unreachable_agent_is_logged_without_the_bearer() {
        try (CapturedLog log = new CapturedLog()) {
            client.updateAuthorizedKeys(endpoint(deadAddress, BEARER), "ssh-ed25519 AAAA", "");

            await().atMost(10, SECONDS).until(() -> log.lines().stream()
                    .anyMatch(line -> line.contains("could not send SSH keys") && line.contains(deadAddress)));
            assertThat(log.lines()).noneMatch(line -> line.contains(BEARER));
        }
    }

    /** An agent's update-authorized-keys route: records each delivery, or answers with a redirect when told to. */
    private static final class RecordingAgent implements AutoCloseable {
        private static final ObjectMapper JSON = new ObjectMapper();

        final List<KeysDelivery> deliveries = new CopyOnWriteArrayList<>();
        private final com.sun.net.httpserver.HttpServer server;
        private volatile String redirect;

        private RecordingAgent(com.sun.net.httpserver.HttpServer server) {
            this.server = server;
        }

        static RecordingAgent start() throws IOException {
            com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            RecordingAgent agent = new RecordingAgent(server);
            server.createContext(KEYS_PATH, agent::handle);
            server.start();
            return agent;
        }

        String address() {
            return "127.0.0.1:" + server.getAddress().getPort();
        }

        void redirectTo(String location) {
            this.redirect = location;
        }

        private void handle(HttpExchange exchange) throws IOException {
            try (exchange) {
                byte[] body = exchange.getRequestBody().readAllBytes();
                if (!"POST".equals(exchange.getRequestMethod()) || !KEYS_PATH.equals(exchange.getRequestURI().getPath())) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                if (redirect != null) {
                    exchange.getResponseHeaders().add("Location", redirect);
                    exchange.sendResponseHeaders(307, -1);
                    return;
                }
                String authorization = exchange.getRequestHeaders().getFirst("Authorization");
                JsonNode keys = JSON.readTree(body);
                deliveries.add(new KeysDelivery(
                        authorization == null ? null : authorization.replaceFirst("^Bearer ", ""),
                        keys.path("key").asText(null),
                        keys.path("github_username").asText(null)));
                exchange.sendResponseHeaders(200, -1);
            }
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
