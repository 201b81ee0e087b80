package dev.knot.adapter.nomad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NomadConfigTest {
    @Test
    void defaultsAreTheOriginalsPlusTimeouts() {
        NomadConfig config = NomadConfig.of(URI.create("http://nomad.service.consul:4646/"), "");

        assertThat(config.address()).isEqualTo(URI.create("http://nomad.service.consul:4646"));
        assertThat(config.namespace()).isEqualTo("default");
        assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.readTimeout()).isEqualTo(Duration.ofSeconds(15));
        assertThat(config.tlsCaFile()).isEmpty();
        assertThat(config.tlsSkipVerify()).isFalse();
        assertThat(config.region()).isEmpty();
    }

    @Test
    void toStringNeverShowsTheToken() {
        NomadConfig config = NomadConfig.of(URI.create("https://nomad:4646"), "b2f1e7c0-secret")
                .withTls(Optional.of(Path.of("/etc/nomad/ca.pem")), false);

        assertThat(config.toString()).doesNotContain("b2f1e7c0-secret").contains("token=(redacted)")
                .contains("/etc/nomad/ca.pem");
    }

    @Test
    void rejectsAddressesThatAreNotANomadApiRoot() {
        assertThatThrownBy(() -> NomadConfig.of(URI.create("nomad:4646"), ""))
                .hasMessageContaining("must start with http:// or https://");
        assertThatThrownBy(() -> NomadConfig.of(URI.create("http://nomad:4646/v1"), ""))
                .hasMessageContaining("scheme://host[:port] only");
        assertThatThrownBy(() -> NomadConfig.of(URI.create("http://user:pw@nomad:4646"), ""))
                .hasMessageContaining("user info").message().doesNotContain("pw");
    }

    @Test
    void rejectsATokenThatWouldBreakTheHeaderWithoutPrintingIt() {
        assertThatThrownBy(() -> NomadConfig.of(URI.create("http://nomad:4646"), "abc\r\nX-Evil: 1"))
                .hasMessage("server.nomad.token: must not contain line breaks");
    }

    @Test
    void rejectsTimeoutsThatAreZeroOrHuge() {
        NomadConfig config = NomadConfig.of(URI.create("http://nomad:4646"), "");

        assertThatThrownBy(() -> config.withTimeouts(Duration.ZERO, Duration.ofSeconds(1)))
                .hasMessageContaining("connect timeout");
        assertThatThrownBy(() -> config.withTimeouts(Duration.ofSeconds(1), Duration.ofHours(1)))
                .hasMessageContaining("read timeout");
        assertThatThrownBy(() -> config.withNamespace(" ")).hasMessageContaining("namespace");
    }
}
