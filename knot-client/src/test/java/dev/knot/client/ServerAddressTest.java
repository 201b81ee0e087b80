package dev.knot.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ServerAddressTest {
    @ParameterizedTest
    @CsvSource({
        "knot.example.com, https://knot.example.com",
        "knot.example.com:3000/, https://knot.example.com:3000",
        "http://127.0.0.1:3000, http://127.0.0.1:3000",
        "HTTPS://Knot.Example.com/prefix//, https://Knot.Example.com/prefix",
        "'  https://[::1]:3000  ', https://[::1]:3000"
    })
    void withoutASchemeHttpsIsMeantAndTrailingSlashesGo(String given, String expected) {
        assertThat(ServerAddress.parse(given).uri()).isEqualTo(URI.create(expected));
    }

    @Test
    void websocketsUseWsForHttpAndWssForHttps() {
        assertThat(ServerAddress.parse("http://h:1/p").webSocket("/proxy/spaces/a/ssh"))
                .isEqualTo(URI.create("ws://h:1/p/proxy/spaces/a/ssh"));
        assertThat(ServerAddress.parse("h").webSocket("/x")).isEqualTo(URI.create("wss://h/x"));
        assertThat(ServerAddress.parse("h").resolve("/api/v1/ping")).isEqualTo(URI.create("https://h/api/v1/ping"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "ftp://h", "https://user:pw@h", "https://h/?q=1", "https://h/#f", "https://", "a b"})
    void anythingButAnHttpUrlWithAHostIsRefused(String given) {
        assertThatThrownBy(() -> ServerAddress.parse(given)).isInstanceOf(ClientException.class);
    }

    @Test
    void aRefusedAddressDoesNotEchoAPassword() {
        assertThatThrownBy(() -> ServerAddress.parse("https://user:hunter2@h"))
                .isInstanceOf(ClientException.class)
                .hasMessageContaining("no user");
    }

    @Test
    void segmentsEscapeEverythingButUnreservedCharacters() {
        assertThat(ServerAddress.escapeSegment("knot client my-host.local_1~")).isEqualTo("knot%20client%20my-host.local_1~");
        assertThat(ServerAddress.escapeSegment("a/b?c#d%é")).isEqualTo("a%2Fb%3Fc%23d%25%C3%A9");
    }
}
