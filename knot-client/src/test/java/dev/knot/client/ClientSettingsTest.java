package dev.knot.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientSettingsTest {
    private static final ClientFlags NO_FLAGS = new ClientFlags(Optional.empty(), Optional.empty(), Optional.empty());

    @TempDir
    Path home;

    @Test
    void theCommandLineWinsOverTheEnvironmentWhichWinsOverTheFile() throws IOException {
        Files.writeString(home.resolve(".knot.yml"),
                "tls_skip_verify: false\nclient:\n  server: file.example.com\n  token: file-token\n");
        Map<String, String> variables = Map.of("KNOT_SERVER", "env.example.com", "KNOT_TOKEN", "env-token",
                "KNOT_TLS_SKIP_VERIFY", "1");

        ClientSettings fromFile = resolve(NO_FLAGS, Map.of());
        ClientSettings fromEnvironment = resolve(NO_FLAGS, variables);
        ClientSettings fromFlags = resolve(new ClientFlags(Optional.of("flag.example.com"), Optional.of("flag-token"),
                Optional.of(false)), variables);

        assertThat(fromFile.server()).isEqualTo(ServerAddress.parse("file.example.com"));
        assertThat(fromFile.token()).isEqualTo("file-token");
        assertThat(fromFile.tlsSkipVerify()).isFalse();
        assertThat(fromEnvironment.server()).isEqualTo(ServerAddress.parse("env.example.com"));
        assertThat(fromEnvironment.token()).isEqualTo("env-token");
        assertThat(fromEnvironment.tlsSkipVerify()).isTrue();
        assertThat(fromFlags.server()).isEqualTo(ServerAddress.parse("flag.example.com"));
        assertThat(fromFlags.token()).isEqualTo("flag-token");
        assertThat(fromFlags.tlsSkipVerify()).isFalse();
        assertThat(fromFlags.toString()).doesNotContain("flag-token");
    }

    @Test
    void certificatesAreVerifiedUnlessSomethingSaysOtherwise() {
        assertThat(resolve(NO_FLAGS, Map.of()).tlsSkipVerify()).isFalse();
    }

    @Test
    void aMalformedVariableIsReportedByName() {
        assertThatThrownBy(() -> resolve(NO_FLAGS, Map.of("KNOT_TLS_SKIP_VERIFY", "yes please")))
                .isInstanceOf(ClientException.class)
                .hasMessage("KNOT_TLS_SKIP_VERIFY: expected true or false, got \"yes please\"");
    }

    @Test
    void missingValuesSayWhereToPutThem() {
        ClientSettings nothing = resolve(NO_FLAGS, Map.of());

        assertThatThrownBy(nothing::server)
                .isInstanceOf(ClientException.class)
                .hasMessageStartingWith("no server: give --server, set KNOT_SERVER, or run `knot connect <server>`")
                .hasMessageContaining(home.resolve(".knot.yml").toString());
        assertThatThrownBy(nothing::token)
                .isInstanceOf(ClientException.class)
                .hasMessageStartingWith("no API token: give --token, set KNOT_TOKEN, or run `knot connect <server>`");
    }

    @Test
    void theFileIsNotReadWhenTheCommandLineAndEnvironmentSayEverything() throws IOException {
        Files.writeString(home.resolve(".knot.yml"), "client: [broken\n");

        ClientSettings settings = resolve(new ClientFlags(Optional.of("h"), Optional.empty(), Optional.of(true)),
                Map.of("KNOT_TOKEN", "t"));

        assertThat(settings.token()).isEqualTo("t");
        assertThatThrownBy(() -> resolve(NO_FLAGS, Map.of())).isInstanceOf(ClientException.class);
    }

    private ClientSettings resolve(ClientFlags flags, Map<String, String> variables) {
        ClientEnvironment environment = new ClientEnvironment(variables, home, Optional.of(home));
        return ClientSettings.resolve(flags, environment, ClientConfigFile.locate(Optional.empty(), environment));
    }
}
