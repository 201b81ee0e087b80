package dev.knot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client commands from the shaded jar against a real `knot server` with its default self-signed certificate:
 * connect (password flow), ping, ssh-config update, and a refused forward. The tunnels themselves are tested in
 * knot-client against a stand-in server.
 */
class ClientCommandsIT {
    private static final Duration STARTUP = Duration.ofSeconds(60);
    private static final Duration EXIT = Duration.ofSeconds(60);
    private static final String EMAIL = "alice@example.com";
    private static final String PASSWORD = "a long passphrase";

    @TempDir
    Path root;

    @Test
    void connectSavesAWorkingTokenThatTheOtherCommandsUse() throws IOException {
        Path serverDirectory = Files.createDirectory(root.resolve("server"));
        Path clientDirectory = Files.createDirectory(root.resolve("client"));
        Path clientHome = root.resolve("client-home");
        int port = KnotProcess.freePort();
        String url = "https://127.0.0.1:" + port;
        // The first admin, through the API of a plain-HTTP start; then the server runs as it does by default.
        try (KnotProcess setup = KnotProcess.start(KnotProcess.currentJava(), serverDirectory,
                Map.of("KNOT_LISTEN", "127.0.0.1:" + port, "KNOT_USE_TLS", "false"), "server")) {
            awaitUp(setup, () -> KnotProcess.healthStatus(port));
            assertThat(new KnotApi(port).createFirstAdmin("alice", EMAIL, PASSWORD).statusCode()).isEqualTo(201);
            setup.terminate();
            assertThat(setup.awaitExit(EXIT)).as(setup.err()).isZero();
        }

        try (KnotProcess server = KnotProcess.start(KnotProcess.currentJava(), serverDirectory,
                Map.of("KNOT_LISTEN", "127.0.0.1:" + port), "server")) {
            awaitUp(server, () -> KnotProcess.httpsHealthStatus(port));

            Result verified = client(clientDirectory, Map.of(), EMAIL + "\n" + PASSWORD + "\n", "connect", url);
            assertThat(verified.exitCode()).isEqualTo(1);
            assertThat(verified.err()).contains("knot: TLS with " + url + " failed", "--tls-skip-verify");
            assertThat(clientHome.resolve(".knot.yml")).doesNotExist();

            Result connected = client(clientDirectory, Map.of(), EMAIL + "\n" + PASSWORD + "\n", "connect",
                    "127.0.0.1:" + port, "--tls-skip-verify");
            assertThat(connected.exitCode()).as(connected.err()).isZero();
            assertThat(connected.out()).contains("Connected to " + url + " as alice",
                    "TLS certificates were not verified");
            Path config = clientHome.resolve(".knot.yml");
            assertThat(Files.getPosixFilePermissions(config)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            String saved = Files.readString(config);
            assertThat(saved).contains("server: " + url, "token: ");
            String token = saved.substring(saved.indexOf("token: ") + "token: ".length()).strip().replace("\"", "");
            assertThat(connected.out() + connected.err()).doesNotContain(token, PASSWORD);

            Result ping = client(clientDirectory, Map.of("KNOT_TLS_SKIP_VERIFY", "true"), "", "ping");
            assertThat(ping.exitCode()).as(ping.err()).isZero();
            assertThat(ping.out()).startsWith("Server is healthy").contains("Version: ");

            Result unverifiedPing = client(clientDirectory, Map.of(), "", "ping");
            assertThat(unverifiedPing.exitCode()).isEqualTo(1);
            assertThat(unverifiedPing.err()).contains("TLS with " + url + " failed");

            Result wrongToken = client(clientDirectory, Map.of("KNOT_TOKEN", "not-a-token"), "", "ping",
                    "--tls-skip-verify");
            assertThat(wrongToken.exitCode()).isEqualTo(1);
            assertThat(wrongToken.err()).contains("the server refused the API token (401)");

            Result sshConfig = client(clientDirectory, Map.of(), "", "ssh-config", "update", "--tls-skip-verify");
            assertThat(sshConfig.exitCode()).as(sshConfig.err()).isZero();
            assertThat(sshConfig.out()).contains("No running space of yours serves SSH");

            Result forward = client(clientDirectory, Map.of(), "", "forward", "ssh", "no-such-space",
                    "--tls-skip-verify");
            assertThat(forward.exitCode()).isEqualTo(1);
            assertThat(forward.err()).startsWith("knot: ");

            server.terminate();
            assertThat(server.awaitExit(EXIT)).as(server.err()).isZero();
        }
    }

    private record Result(int exitCode, String out, String err) {}

    private static void awaitUp(KnotProcess server, IntSupplier health) {
        await().atMost(STARTUP).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            assertThat(server.isAlive()).as("knot exited early; stderr:\n%s", server.err()).isTrue();
            assertThat(health.getAsInt()).isEqualTo(200);
        });
    }

    private static Result client(Path working, Map<String, String> environment, String input, String... arguments) {
        try (KnotProcess knot = KnotProcess.start(KnotProcess.currentJava(), working, environment, arguments)) {
            knot.writeInput(input);
            int exitCode = knot.awaitExit(EXIT);
            return new Result(exitCode, knot.out(), knot.err());
        }
    }
}
