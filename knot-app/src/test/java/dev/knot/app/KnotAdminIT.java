package dev.knot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `knot admin` from the shaded jar, beside a real `knot server` on the same embedded store. */
class KnotAdminIT {
    private static final Duration STARTUP = Duration.ofSeconds(60);
    private static final Duration EXIT = Duration.ofSeconds(30);

    @TempDir
    Path root;

    @Test
    void whileTheServerHoldsTheStoreAdminIsRefusedAndAfterwardsItWorksWithAPipedPassword() throws IOException {
        Path working = Files.createDirectory(root.resolve("working"));
        int port = KnotProcess.freePort();

        // Plain HTTP: this test is about the store's lock, not about TLS (KnotTlsIT is).
        try (KnotProcess server = KnotProcess.start(KnotProcess.currentJava(), working,
                Map.of("KNOT_LISTEN", "127.0.0.1:" + port, "KNOT_USE_TLS", "false"), "server")) {
            await().atMost(STARTUP).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                assertThat(server.isAlive()).as("knot exited early; stderr:\n%s", server.err()).isTrue();
                assertThat(KnotProcess.healthStatus(port)).isEqualTo(200);
            });

            try (KnotProcess refused = createAlice(working)) {
                assertThat(refused.awaitExit(EXIT)).isEqualTo(1);
                assertThat(refused.err()).contains("knot: the embedded store at ", "is in use by another knot server");
            }
            assertThat(KnotProcess.healthStatus(port)).isEqualTo(200);

            server.terminate();
            assertThat(server.awaitExit(EXIT)).as(server.err()).isZero();
        }

        try (KnotProcess created = createAlice(working)) {
            assertThat(created.awaitExit(EXIT)).as(created.err()).isZero();
            assertThat(created.out()).contains("Created user alice", "the first user is always an admin");
        }
        try (KnotProcess reset = KnotProcess.start(KnotProcess.currentJava(), working, Map.of(), "admin",
                "set-password", "alice@example.com")) {
            reset.writeInput("another password\n");
            assertThat(reset.awaitExit(EXIT)).as(reset.err()).isZero();
            assertThat(reset.out()).contains("The password of alice@example.com is set");
        }
    }

    private static KnotProcess createAlice(Path working) {
        KnotProcess knot = KnotProcess.start(KnotProcess.currentJava(), working, Map.of(), "admin", "create-user",
                "--username", "alice", "--email", "alice@example.com");
        knot.writeInput("first password\n");
        return knot;
    }
}
