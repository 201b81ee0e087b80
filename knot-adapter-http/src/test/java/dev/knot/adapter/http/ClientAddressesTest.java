package dev.knot.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.HttpString;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ClientAddressesTest {
    private static final ClientAddresses BEHIND_PROXIES =
            new ClientAddresses(TrustedProxies.parse(List.of("10.0.0.0/8", "192.168.1.1", "fd00::/8")));

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // peer        | X-Forwarded-For                    | client
        "203.0.113.5   | 198.51.100.1                       | 203.0.113.5",
        "10.0.0.2      | 198.51.100.1                       | 198.51.100.1",
        "10.0.0.2      | 1.1.1.1, 198.51.100.1              | 198.51.100.1",
        "10.0.0.2      | 198.51.100.1, 10.9.9.9             | 198.51.100.1",
        "10.0.0.2      | 198.51.100.1, 192.168.1.1, 10.1.1.1 | 198.51.100.1",
        "10.0.0.2      | garbage, 10.1.1.1                  | 10.1.1.1",
        "10.0.0.2      | unknown.example.com                | 10.0.0.2",
        "192.168.1.2   | 198.51.100.1                       | 192.168.1.2",
        "10.0.0.2      | 999.1.1.1                          | 10.0.0.2",
        "10.0.0.2      | [2001:db8::1]                      | 2001:db8:0:0:0:0:0:1"
    })
    void the_client_is_the_rightmost_hop_that_is_not_a_trusted_proxy(String peer, String forwarded, String client)
            throws Exception {
        HttpServerExchange exchange = new HttpServerExchange(null);
        exchange.setSourceAddress(new InetSocketAddress(InetAddress.getByName(peer), 40000));
        exchange.getRequestHeaders().put(new HttpString("X-Forwarded-For"), forwarded);

        assertThat(BEHIND_PROXIES.of(exchange)).isEqualTo(client);
    }

    @Test
    void without_trusted_proxies_the_header_is_ignored() throws Exception {
        HttpServerExchange exchange = new HttpServerExchange(null);
        exchange.setSourceAddress(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 40000));
        exchange.getRequestHeaders().put(new HttpString("X-Forwarded-For"), "198.51.100.1");

        assertThat(new ClientAddresses(TrustedProxies.parse(List.of())).of(exchange)).isEqualTo("127.0.0.1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"proxy.example.com", "10.0.0.0/33", "10.0.0.0/", "10.0.0.1/8/8", "", "300.1.1.1", "::/129"})
    void a_trusted_proxy_that_is_not_an_address_or_network_is_refused_by_the_config(String entry) {
        HttpConfig config = HttpConfig.defaults("127.0.0.1", 0, URI.create("https://knot.example.com"));

        assertThatThrownBy(() -> config.withTrustedProxies(List.of(entry)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("trusted proxy");
    }

    @Test
    void the_config_keeps_its_other_settings_when_proxies_are_added() {
        HttpConfig config = HttpConfig.defaults("127.0.0.1", 8080, URI.create("https://knot.example.com"));

        HttpConfig withProxies = config.withTrustedProxies(List.of("10.0.0.0/8", "::1"));

        assertThat(withProxies.trustedProxies()).containsExactly("10.0.0.0/8", "::1");
        assertThat(withProxies.withTrustedProxies(List.of())).isEqualTo(config);
        assertThat(config.trustedProxies()).isEmpty();
    }
}
