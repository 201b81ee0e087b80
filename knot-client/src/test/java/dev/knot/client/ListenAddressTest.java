package dev.knot.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ListenAddressTest {
    @ParameterizedTest
    @CsvSource({
        "8080, 127.0.0.1, 8080",
        ":8080, 127.0.0.1, 8080",
        "0.0.0.0:9000, 0.0.0.0, 9000",
        "localhost:22, localhost, 22",
        "'[::1]:7000', ::1, 7000"
    })
    void aBarePortListensOnLoopbackOnly(String given, String host, int port) {
        assertThat(ListenAddress.parse(given)).isEqualTo(new ListenAddress(host, port));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "http", "::1:80", "host:", "host:65536", "-1", "host:port"})
    void malformedAddressesAreRefused(String given) {
        assertThatThrownBy(() -> ListenAddress.parse(given)).isInstanceOf(ClientException.class);
    }

    @ParameterizedTest
    @CsvSource({"'[::1]:7000', '[::1]:7000'", "8080, 127.0.0.1:8080"})
    void itPrintsAsItIsWritten(String given, String printed) {
        assertThat(ListenAddress.parse(given)).hasToString(printed);
    }
}
