package dev.knot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shaded knot.jar, end to end: start, serve /health (over HTTPS with a self-signed certificate, the default), stop
 * on SIGTERM with exit code 0, refuse bad config.
 */
class KnotServerIT {
    private static final Duration STARTUP = Duration.ofSeconds(60);
    private static final Duration EXIT = Duration.ofSeconds(30);
    /** A second JDK on the build machines; the jar must run on it with no extra flags too. */
    private static final Path JAVA_25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");

    @TempDir
    Path root;

    static Stream<Path> javas() {
        return Files.isExecutable(JAVA_25) ? Stream.of(KnotProcess.currentJava(), JAVA_25) : Stream.of(KnotProcess.currentJava());
    }

    @ParameterizedTest
    @MethodSource("javas")
    void withNoConfigItServesHealthOnTheDefaultStoreAndStopsCleanlyOnSigterm(Path java) throws IOException {
        Path working = Files.createDirectory(root.resolve("empty"));
        int port = KnotProcess.freePort();

        try (KnotProcess knot = KnotProcess.start(java, working, Map.of("KNOT_LISTEN", "127.0.0.1:" + port), "server")) {
            awaitHealthy(knot, port);
            assertThat(knot.err()).contains("storage: embedded (Chronicle Map) at " + working.resolve("knot-data").toRealPath(),
                    "knot is listening on https://127.0.0.1:" + port);

            knot.terminate();

            assertThat(knot.awaitExit(EXIT)).as(knot.err()).isZero();
            assertThat(knot.err()).contains("knot stopped");
        }
        assertThat(working.resolve("knot-data")).isDirectory();
    }

    @Test
    void theInstallGuidesBadgerdbConfigRunsTheEmbeddedStoreAndASecondServerOnItsPathIsRefused() throws Exception {
        Path data = Files.createDirectory(root.resolve("data"));
        int port = KnotProcess.freePort();
        Path config = badgerdbConfig(data, port);

        try (KnotProcess first = start(root.resolve("first"), "server", "--config", config.toString())) {
            awaitHealthy(first, port);
            assertThat(first.err()).contains("storage: embedded (Chronicle Map) at " + data.toRealPath(), "not BadgerDB");
            // The guide sets no tls keys: HTTPS with a certificate for its url and wildcard domain, as Nomad's check expects.
            assertThat(KnotProcess.presentedCertificates(port).get(0).getSubjectAlternativeNames())
                    .extracting(name -> (Object) name.get(1))
                    .containsExactly("knot.example.com", "localhost", "*.knot.example.com", "127.0.0.1");

            Path otherConfig = badgerdbConfig(data, KnotProcess.freePort());
            try (KnotProcess second = start(root.resolve("second"), "server", "--config", otherConfig.toString())) {
                assertThat(second.awaitExit(STARTUP)).isNotZero();
                assertThat(second.err()).containsIgnoringCase("in use");
            }
            assertThat(KnotProcess.httpsHealthStatus(port)).isEqualTo(200);

            first.terminate();
            assertThat(first.awaitExit(EXIT)).as(first.err()).isZero();
        }
    }

    @Test
    void afterKillDashNineTheServerRestartsCleanlyOnTheSamePath() throws IOException {
        Path data = Files.createDirectory(root.resolve("data"));
        int port = KnotProcess.freePort();
        Path config = badgerdbConfig(data, port);

        try (KnotProcess killed = start(root.resolve("first"), "server", "-c", config.toString())) {
            awaitHealthy(killed, port);
            killed.kill();
            assertThat(killed.awaitExit(EXIT)).isNotZero();
        }
        try (KnotProcess restarted = start(root.resolve("second"), "server", "-c", config.toString())) {
            awaitHealthy(restarted, port);
            restarted.terminate();
            assertThat(restarted.awaitExit(EXIT)).as(restarted.err()).isZero();
        }
    }

    @Test
    void aBadConfigExitsNonZeroNamingEveryProblem() throws IOException {
        Path config = Files.writeString(root.resolve("bad.yml"), "server:\n  lsiten: 3000\n  encrypt: short\n  mysql:\n    port: abc\n");

        try (KnotProcess knot = start(root.resolve("bad"), "server", "-c", config.toString())) {
            assertThat(knot.awaitExit(STARTUP)).isEqualTo(2);
            assertThat(knot.err()).contains(
                    "server.lsiten: unknown key",
                    "server.mysql.port: expected a number, got \"abc\"",
                    "server.encrypt: must be 16, 24 or 32 characters (run `knot genkey` to make one)");
        }
    }

    @Test
    void theInstallGuidesPlaceholderKeyStopsTheServerWithTheGenkeyMessage() throws IOException {
        Path config = Files.writeString(root.resolve("guide.yml"), InstallGuide.read().knotYmlFiles().get(3));

        try (KnotProcess knot = start(root.resolve("guide"), "server", "-c", config.toString())) {
            assertThat(knot.awaitExit(STARTUP)).isEqualTo(2);
            assertThat(knot.err()).contains("server.encrypt:", "run `knot genkey`");
        }
    }

    @Test
    void genkeyScaffoldAndVersionRunFromTheJar() throws IOException {
        try (KnotProcess genkey = start(root.resolve("genkey"), "genkey")) {
            assertThat(genkey.awaitExit(EXIT)).isZero();
            assertThat(genkey.out()).matches("Encryption Key: [A-Za-z0-9]{32}\\R\\R");
        }
        try (KnotProcess scaffold = start(root.resolve("scaffold"), "scaffold", "--nomad")) {
            assertThat(scaffold.awaitExit(EXIT)).isZero();
            assertThat(scaffold.out()).contains("job \"knot-server\"").containsPattern("encrypt: \"[A-Za-z0-9]{32}\"");
        }
        try (KnotProcess version = start(root.resolve("version"), "--version")) {
            assertThat(version.awaitExit(EXIT)).isZero();
            assertThat(version.out().trim()).isEqualTo(KnotVersion.get());
        }
    }

    private KnotProcess start(Path working, String... arguments) throws IOException {
        return KnotProcess.start(KnotProcess.currentJava(), Files.createDirectories(working), Map.of(), arguments);
    }

    /** The install guide's BadgerDB knot.yml, pointed at a test directory and port, with a generated key. */
    private Path badgerdbConfig(Path data, int port) throws IOException {
        String guide = InstallGuide.read().knotYmlFiles().get(3);
        assertThat(guide).contains("path: /data/", "listen: 0.0.0.0:3000");
        String yaml = InstallGuide.withKey(guide, "Gnat9SAejFszCla9n1FjCIXQb3py5i0w")
                .replace("path: /data/", "path: " + data)
                .replace("listen: 0.0.0.0:3000", "listen: 127.0.0.1:" + port);
        return Files.writeString(Files.createTempFile(root, "knot", ".yml"), yaml);
    }

    /** Healthy over HTTPS, which every server in this class serves: none of them turns server.tls.use_tls off. */
    private static void awaitHealthy(KnotProcess knot, int port) {
        await().atMost(STARTUP).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            assertThat(knot.isAlive()).as("knot exited early; stderr:\n%s", knot.err()).isTrue();
            assertThat(KnotProcess.httpsHealthStatus(port)).isEqualTo(200);
        });
    }
}
