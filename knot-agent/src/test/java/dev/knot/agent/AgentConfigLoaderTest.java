package dev.knot.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentConfigLoaderTest {
    private static final String SPACE_ID = TestConfigs.SPACE_ID;

    @TempDir
    Path directory;

    @Test
    void readsEveryKeyFromTheFile() throws IOException {
        Path file = directory.resolve("agent.yml");
        Files.writeString(file, """
                agent:
                  server: https://knot.example.com/
                  space_id: %s
                  listen: 10.0.0.5:3000
                  port:
                    code_server: 13337
                    ssh: 22
                    vnc_http: 5680
                    tcp_port: [ "5432=Postgres", 6379 ]
                    http_port: [ "8080=web" ]
                    https_port: [ 8443 ]
                  enable_terminal: false
                  update_authorized_keys: false
                  service_password: secret
                  registration_key: knot_ar_from-the-file
                tls_skip_verify: true
                """.formatted(SPACE_ID));

        AgentConfigLoader.Result result = AgentConfigLoader.load(Optional.of(file), Map.of());

        assertThat(result.errors()).isEmpty();
        AgentConfig config = result.config().orElseThrow();
        assertThat(config.server()).isEqualTo(URI.create("https://knot.example.com"));
        assertThat(config.spaceId()).isEqualTo(SPACE_ID);
        assertThat(config.listen()).isEqualTo(new HostPort("10.0.0.5", 3000));
        assertThat(config.advertise()).isEqualTo(config.listen());
        assertThat(config.codeServerPort()).isEqualTo(13337);
        assertThat(config.sshPort()).isEqualTo(22);
        assertThat(config.vncHttpPort()).isEqualTo(5680);
        assertThat(config.tcpPorts()).containsOnly(
                Map.entry("5432", "Postgres"), Map.entry("6379", "6379"), Map.entry("22", "SSH"));
        assertThat(config.httpPorts()).containsOnly(Map.entry("8080", "web"));
        assertThat(config.httpsPorts()).containsOnly(Map.entry("8443", "8443"));
        assertThat(config.enableTerminal()).isFalse();
        assertThat(config.updateAuthorizedKeys()).isFalse();
        assertThat(config.servicePassword()).isEqualTo("secret");
        assertThat(config.registrationKey()).isEqualTo("knot_ar_from-the-file");
        assertThat(config.tlsSkipVerify()).isTrue();
        assertThat(config.toString()).doesNotContain("secret", "knot_ar_");
    }

    @Test
    void portsAreReportedInTheOnlyFormTheProxyRoutesAccept() {
        AgentConfigLoader.Result result = AgentConfigLoader.load(Optional.empty(), Map.of(
                "KNOT_SERVER", "http://knot:3000",
                "KNOT_SPACEID", SPACE_ID,
                "KNOT_ADVERTISE", "space-1.internal:3000",
                "KNOT_HTTP_PORT", "080=web,+3000",
                "KNOT_TCP_PORT", "05432=Postgres"));

        AgentConfig config = result.config().orElseThrow();
        assertThat(config.httpPorts()).containsOnly(Map.entry("80", "web"), Map.entry("3000", "3000"));
        assertThat(config.tcpPorts()).containsOnly(Map.entry("5432", "Postgres"));
    }

    @Test
    void environmentWinsAndDefaultsApply() {
        AgentConfigLoader.Result result = AgentConfigLoader.load(Optional.empty(), Map.of(
                "KNOT_SERVER", "http://knot:3000",
                "KNOT_SPACEID", SPACE_ID,
                "KNOT_ADVERTISE", "space-1.internal:3000",
                "KNOT_TCP_PORT", "5432=Postgres,9000"));

        AgentConfig config = result.config().orElseThrow();
        assertThat(config.listen()).isEqualTo(new HostPort("0.0.0.0", 3000));
        assertThat(config.advertise()).isEqualTo(new HostPort("space-1.internal", 3000));
        assertThat(config.tcpPorts()).containsOnly(Map.entry("5432", "Postgres"), Map.entry("9000", "9000"));
        assertThat(config.enableTerminal()).isTrue();
        assertThat(config.updateAuthorizedKeys()).isTrue();
        assertThat(config.tlsSkipVerify()).as("TLS is verified unless told otherwise").isFalse();
        assertThat(config.registrationKey()).as("no key unless given").isEmpty();
    }

    @Test
    void theRegistrationKeyFromTheEnvironmentWinsOverTheFile() throws IOException {
        Path file = directory.resolve("agent.yml");
        Files.writeString(file, """
                agent:
                  server: https://knot.example.com/
                  space_id: %s
                  advertise: 10.0.0.5:3000
                  registration_key: knot_ar_from-the-file
                """.formatted(SPACE_ID));

        AgentConfig config = AgentConfigLoader.load(Optional.of(file), Map.of("KNOT_AGENT_KEY", "knot_ar_from-the-job"))
                .config().orElseThrow();

        assertThat(config.registrationKey()).isEqualTo("knot_ar_from-the-job");
        assertThat(config.toString()).doesNotContain("knot_ar_");
    }

    @Test
    void wildcardListenWithoutAdvertiseIsRefused() {
        AgentConfigLoader.Result result = AgentConfigLoader.load(Optional.empty(), Map.of(
                "KNOT_SERVER", "http://knot:3000", "KNOT_SPACEID", SPACE_ID));

        assertThat(result.config()).isEmpty();
        assertThat(result.errors()).singleElement().asString().startsWith("agent.advertise");
    }

    @Test
    void reportsEveryBadValueWithItsKey() {
        AgentConfigLoader.Result result = AgentConfigLoader.load(Optional.empty(), Map.of(
                "KNOT_SERVER", "ftp://knot",
                "KNOT_SPACEID", "short",
                "KNOT_LISTEN", "127.0.0.1:notaport",
                "KNOT_SSH_PORT", "70000",
                "KNOT_TCP_PORT", "abc=Name",
                "KNOT_ENABLE_TERMINAL", "maybe",
                "KNOT_USE_TLS", "true"));

        assertThat(result.config()).isEmpty();
        assertThat(result.errors())
                .anyMatch(error -> error.startsWith("agent.server (KNOT_SERVER)"))
                .anyMatch(error -> error.startsWith("agent.space_id (KNOT_SPACEID)"))
                .anyMatch(error -> error.startsWith("agent.listen (KNOT_LISTEN)"))
                .anyMatch(error -> error.startsWith("agent.port.ssh (KNOT_SSH_PORT)"))
                .anyMatch(error -> error.startsWith("agent.port.tcp_port (KNOT_TCP_PORT)"))
                .anyMatch(error -> error.startsWith("agent.enable_terminal (KNOT_ENABLE_TERMINAL)"))
                .anyMatch(error -> error.startsWith("agent.tls.use_tls (KNOT_USE_TLS)"));
    }

    @Test
    void missingRequiredKeysAreNamed() {
        AgentConfigLoader.Result result = AgentConfigLoader.load(Optional.empty(), Map.of(
                "KNOT_LISTEN", "127.0.0.1:3000"));

        assertThat(result.errors())
                .anyMatch(error -> error.startsWith("agent.server"))
                .anyMatch(error -> error.startsWith("agent.space_id"));
    }
}
