package dev.knot.app;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.knot.testkit.nomad.NomadSimulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole path a developer uses, with real processes: `knot server` on the embedded store, the Nomad simulator
 * running the space's raw_exec task, which is `knot agent` from the built jar, and a browser terminal opened
 * through the server to a real shell in the "space". The template does not pass KNOT_AGENT_KEY: the server adds it
 * to the job, and the agent registers with it.
 */
class AgentEndToEndIT {
    private static final String ADMIN_EMAIL = "admin@example.com";
    private static final String PASSWORD = "correct horse battery";
    private static final String MANUAL_TEMPLATE = "00000000-0000-0000-0000-000000000000";
    /** The job of docs/templates.md's agent example, with this machine's java and jar. */
    private static final String AGENT_JOB = """
            job "dev" {
              datacenters = ["dc1"]
              type = "service"
              group "space" {
                network {
                  port "agent" {}
                }
                task "agent" {
                  driver = "raw_exec"
                  config {
                    command = "JAVA"
                    args = ["-jar", "JAR", "agent"]
                  }
                  env {
                    KNOT_SERVER  = "${{ .server.url }}"
                    KNOT_SPACEID = "${{ .space.id }}"
                    KNOT_LISTEN  = "127.0.0.1:${NOMAD_PORT_agent}"
                  }
                }
              }
            }
            """;

    @TempDir
    Path root;

    private NomadSimulator nomad;
    private KnotProcess server;
    private int port;
    private KnotApi api;
    private String admin;

    @BeforeEach
    void startServerAndSimulator() throws IOException {
        nomad = NomadSimulator.start();
        port = KnotProcess.freePort();
        server = startServer();
        api = new KnotApi(port);
        assertThat(api.createFirstAdmin("admin", ADMIN_EMAIL, PASSWORD).statusCode()).isEqualTo(201);
        admin = api.apiToken(api.sessionSecret(ADMIN_EMAIL, PASSWORD));
    }

    @AfterEach
    void stopEverything() {
        server.close();
        nomad.close();
    }

    @Test
    void theOwnerTypesIntoAShellInTheSpaceAndStoppingTheSpaceEndsTheAgent() throws Exception {
        String spaceId = startedAgentSpace("dev");
        long agentPid = awaitSingleTaskProcess();

        try (TerminalSocket terminal = TerminalSocket.open(port, spaceId, "bash", bearer(admin))) {
            // The shell computes the marker, so the echo of the typed line alone cannot satisfy the wait.
            terminal.type("echo knot-e2e-$((6*7))\r");
            await().atMost(30, SECONDS).until(() -> terminal.output().contains("knot-e2e-42"));
        }

        api.expect(200, "POST", "/api/v1/spaces/" + spaceId + "/stop", admin, null);

        await().atMost(60, SECONDS).until(() -> nomad.taskProcessIds().isEmpty()
                && ProcessHandle.of(agentPid).map(ProcessHandle::isAlive).orElse(false) == false);
        JsonNode state = api.expect(200, "GET", "/api/v1/spaces/" + spaceId + "/service-state", admin, null);
        assertThat(state.get("has_terminal").asBoolean()).as("no agent state once stopped").isFalse();
        assertThatThrownBy(() -> TerminalSocket.open(port, spaceId, "bash", bearer(admin)))
                .isInstanceOfSatisfying(TerminalSocket.Refused.class, refused -> assertThat(refused.status).isEqualTo(404));
    }

    @Test
    void aBrowserSessionWorksFromKnotsOwnOriginOnlyAndOtherUsersAreRefused() throws Exception {
        String spaceId = startedAgentSpace("web");
        String session = api.sessionSecret(ADMIN_EMAIL, PASSWORD);
        api.expect(201, "POST", "/api/v1/users", admin,
                Map.of("username", "mallory", "email", "mallory@example.com", "password", PASSWORD));
        String mallory = api.apiToken(api.sessionSecret("mallory@example.com", PASSWORD));

        try (TerminalSocket terminal = TerminalSocket.open(port, spaceId, "sh", cookie(session, "http://127.0.0.1:" + port))) {
            terminal.type("echo from-the-browser-$((1+1))\r");
            await().atMost(30, SECONDS).until(() -> terminal.output().contains("from-the-browser-2"));
        }
        for (String origin : List.of("https://evil.example", "http://127.0.0.1:" + port + ".evil.example", "null")) {
            assertThatThrownBy(() -> TerminalSocket.open(port, spaceId, "sh", cookie(session, origin)))
                    .as(origin)
                    .isInstanceOfSatisfying(TerminalSocket.Refused.class, refused -> assertThat(refused.status).isEqualTo(403));
        }
        assertThatThrownBy(() -> TerminalSocket.open(port, spaceId, "sh", bearer(mallory)))
                .isInstanceOfSatisfying(TerminalSocket.Refused.class, refused -> assertThat(refused.status).isEqualTo(404));
        assertThatThrownBy(() -> TerminalSocket.open(port, spaceId, "sh", Map.of()))
                .isInstanceOfSatisfying(TerminalSocket.Refused.class, refused -> assertThat(refused.status).isEqualTo(401));
    }

    @Test
    void afterAServerRestartTheAgentComesBackByItself() throws Exception {
        String spaceId = startedAgentSpace("restart");
        server.terminate();
        assertThat(server.awaitExit(java.time.Duration.ofSeconds(30))).isZero();
        // Longer than the agent state's 15 s life: what comes back is a new registration, not the old state.
        Thread.sleep(16_000);

        server = startServer();

        awaitAgent(spaceId);
        try (TerminalSocket terminal = TerminalSocket.open(port, spaceId, "bash", bearer(admin))) {
            terminal.type("echo back-$((2*21))\r");
            await().atMost(30, SECONDS).until(() -> terminal.output().contains("back-42"));
        }
    }

    @Test
    void aRestartedAgentRegistersAgainAndTheTerminalFollowsIt() throws Exception {
        JsonNode space = api.expect(201, "POST", "/api/v1/spaces", admin, Map.of("name", "manual",
                "template_id", MANUAL_TEMPLATE, "agent_url", "http://127.0.0.1:1", "shell", "bash"));
        String spaceId = space.get("space_id").asText();
        // A hand-installed agent is given the key its owner reads from the server.
        String key = api.expect(200, "GET", "/api/v1/spaces/" + spaceId + "/agent-key", admin, null)
                .get("registration_key").asText();
        try (KnotProcess keyless = startAgent(spaceId, "")) {
            // Without the key the agent is refused: its warning says so, and no state appears for it.
            await().atMost(60, SECONDS).until(() -> keyless.err().contains("answered 401"));
            assertThat(api.expect(200, "GET", "/api/v1/spaces/" + spaceId + "/service-state", admin, null)
                    .get("has_terminal").asBoolean()).isFalse();
        }
        try (KnotProcess first = startAgent(spaceId, key)) {
            awaitAgent(spaceId);
            first.kill();
            first.awaitExit(java.time.Duration.ofSeconds(30));
        }
        try (KnotProcess second = startAgent(spaceId, key)) {
            // The state of the killed agent points at a dead port until the new one registers; then the terminal works.
            await().atMost(60, SECONDS).ignoreExceptions().until(() -> {
                try (TerminalSocket terminal = TerminalSocket.open(port, spaceId, "bash", bearer(admin))) {
                    terminal.type("echo again-$((40+2))\r");
                    await().atMost(10, SECONDS).until(() -> terminal.output().contains("again-42"));
                    return true;
                }
            });
        }
    }

    private KnotProcess startServer() throws IOException {
        Path working = Files.createDirectories(root.resolve("server"));
        Map<String, String> environment = Map.of(
                "KNOT_LISTEN", "127.0.0.1:" + port,
                "KNOT_USE_TLS", "false",
                "KNOT_NOMAD_ADDR", nomad.url());
        KnotProcess started = KnotProcess.start(KnotProcess.currentJava(), working, environment, "server");
        await().atMost(60, SECONDS).until(() -> KnotProcess.healthStatus(port) == 200 || !started.isAlive());
        assertThat(started.isAlive()).as(started.err()).isTrue();
        return started;
    }

    private KnotProcess startAgent(String spaceId, String registrationKey) throws IOException {
        Path working = Files.createDirectories(root.resolve("agent-" + System.nanoTime()));
        Map<String, String> environment = new HashMap<>();
        environment.put("KNOT_SERVER", "http://127.0.0.1:" + port);
        environment.put("KNOT_SPACEID", spaceId);
        environment.put("KNOT_AGENT_KEY", registrationKey);
        environment.put("KNOT_LISTEN", "127.0.0.1:" + KnotProcess.freePort());
        return KnotProcess.start(KnotProcess.currentJava(), working, environment, "agent");
    }

    /** A space of a template whose task runs the agent, started, with its agent reporting. */
    private String startedAgentSpace(String name) {
        String job = AGENT_JOB.replace("JAVA", KnotProcess.currentJava().toString())
                .replace("JAR", KnotProcess.JAR.toAbsolutePath().toString());
        String templateId = api.expect(201, "POST", "/api/v1/templates", admin, Map.of("name", "agent-" + name,
                "description", "", "job", job, "volumes", "", "groups", List.of())).get("template_id").asText();
        String spaceId = api.expect(201, "POST", "/api/v1/spaces", admin,
                Map.of("name", name, "template_id", templateId, "shell", "bash")).get("space_id").asText();
        api.expect(200, "POST", "/api/v1/spaces/" + spaceId + "/start", admin, null);
        awaitAgent(spaceId);
        return spaceId;
    }

    private void awaitAgent(String spaceId) {
        await().atMost(90, SECONDS).until(() -> api.expect(200, "GET",
                "/api/v1/spaces/" + spaceId + "/service-state", admin, null).get("has_terminal").asBoolean());
    }

    private long awaitSingleTaskProcess() {
        await().atMost(30, SECONDS).until(() -> nomad.taskProcessIds().size() == 1);
        return nomad.taskProcessIds().get(0);
    }

    private static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }

    private static Map<String, String> cookie(String session, String origin) {
        return Map.of("Cookie", KnotApi.SESSION_COOKIE + "=" + session, "Origin", origin);
    }
}
