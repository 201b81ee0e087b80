package dev.knot.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentSessionTest {
    private static final String AGENTS = "/api/v1/agents/" + TestConfigs.SPACE_ID;

    @TempDir
    Path home;

    private final List<Duration> pauses = new ArrayList<>();
    private final CurrentRegistration current = new CurrentRegistration();
    private FakeKnotServer server;
    private AgentSession session;

    @BeforeEach
    void startServer() throws IOException {
        server = new FakeKnotServer();
        AgentConfig config = TestConfigs.agent(server.uri(), 22);
        ServerClient client = new ServerClient(server.uri(), TestConfigs.SPACE_ID, config.registrationKey(), false);
        session = new AgentSession(config, client, current,
                new LocalServices(config), new AuthorizedKeys(home, TestConfigs.NO_GITHUB_KEYS), new Backoff(new Random(1)), pauses::add);
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void retriesRegistrationWithGrowingBackoffUntilAccepted() throws Exception {
        server.answerRegistrations(500, 503);

        session.registerUntilAccepted();

        assertThat(server.calls()).hasSize(3).allMatch(call -> call.method().equals("POST")
                && call.path().equals(AGENTS));
        JsonNode body = new ObjectMapper().readTree(server.calls().get(0).body());
        assertThat(body.path("address").asText()).isEqualTo("127.0.0.1:3000");
        assertThat(body.path("agent_version").asText()).isEqualTo("0.9.6");
        assertThat(body.path("registration_key").asText()).isEqualTo(TestConfigs.REGISTRATION_KEY);
        assertThat(pauses).hasSize(2);
        assertThat(pauses.get(0)).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
        assertThat(pauses.get(1)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(current.accepts("server-token-1")).isTrue();
        assertThat(Files.readString(home.resolve(".ssh/authorized_keys"))).contains("ssh-ed25519 AAAA user");
    }

    @Test
    void reportsStateWithTheBearerToken() throws Exception {
        session.registerUntilAccepted();

        session.reportOnce();

        FakeKnotServer.Call report = server.calls().get(1);
        assertThat(report.method()).isEqualTo("PUT");
        assertThat(report.path()).isEqualTo(AGENTS + "/status");
        assertThat(report.authorization()).isEqualTo("Bearer token-1");
        JsonNode body = new ObjectMapper().readTree(report.body());
        assertThat(body.path("agent_version").asText()).isEqualTo("0.9.6");
        assertThat(body.path("has_code_server").asBoolean(true)).isFalse();
        assertThat(body.path("has_terminal").asBoolean(false)).isTrue();
        assertThat(body.path("ssh_port").isInt()).isTrue();
        assertThat(body.path("vnc_http_port").asInt(-1)).isZero();
        assertThat(body.path("tcp_ports").path("22").asText()).isEqualTo("SSH");
        assertThat(body.path("http_ports").path("8080").asText()).isEqualTo("web");
        assertThat(body.path("http_ports").path("8443").asText()).isEqualTo("secure");
    }

    @Test
    void registersAgainAfterThreeFailedReports() throws Exception {
        session.registerUntilAccepted();
        server.answerReports(401, 404, 401);

        session.reportOnce();
        session.reportOnce();
        assertThat(current.accepts("server-token-1")).as("two failures keep the registration").isTrue();
        session.reportOnce();

        assertThat(server.calls()).extracting(FakeKnotServer.Call::method)
                .containsExactly("POST", "PUT", "PUT", "PUT", "POST");
        assertThat(current.accepts("server-token-2")).isTrue();
        assertThat(current.accepts("server-token-1")).isFalse();
    }

    @Test
    void aSuccessfulReportResetsTheFailureCount() throws Exception {
        session.registerUntilAccepted();
        server.answerReports(401, 401, 200, 401, 401);

        for (int report = 0; report < 5; report++) {
            session.reportOnce();
        }

        assertThat(server.calls()).filteredOn(call -> call.method().equals("POST")).hasSize(1);
    }

    @Test
    void anUnreachableServerCountsAsAFailedReport() throws Exception {
        session.registerUntilAccepted();
        server.close();

        session.reportOnce();
        session.reportOnce();

        assertThat(current.accepts("server-token-1")).isTrue();
    }

    @Test
    void theAgentAcceptsTheServerTokenOnlyAndReportsWithTheAccessToken() throws Exception {
        session.registerUntilAccepted();
        session.reportOnce();

        assertThat(current.accepts("server-token-1")).isTrue();
        assertThat(current.accepts("token-1")).as("the agent's own bearer is not accepted from others").isFalse();
        assertThat(server.calls().get(1).authorization()).isEqualTo("Bearer token-1");
        assertThat(current.get().orElseThrow().toString()).doesNotContain("token-1", "server-token-1");
    }

    @Test
    void withoutAServerTokenTheAccessTokenWorksInBothDirections() throws Exception {
        server.withoutServerTokens();

        session.registerUntilAccepted();
        session.reportOnce();

        assertThat(current.accepts("token-1")).isTrue();
        assertThat(server.calls().get(1).authorization()).isEqualTo("Bearer token-1");
    }
}
