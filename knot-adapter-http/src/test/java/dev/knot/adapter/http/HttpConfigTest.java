package dev.knot.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HttpConfigTest {
    private static final URI PUBLIC_URL = URI.create("https://knot.example.com");

    @Test
    void defaults_are_the_safe_limits() {
        HttpConfig config = HttpConfig.defaults("0.0.0.0", 3000, PUBLIC_URL);

        assertThat(config.maxRequestBodyBytes()).isEqualTo(1024 * 1024);
        assertThat(config.maxHeaderBytes()).isEqualTo(16 * 1024);
        assertThat(config.maxHeaders()).isEqualTo(100);
        assertThat(config.requestParseTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.idleTimeout()).isEqualTo(Duration.ofSeconds(120));
        assertThat(config.drainTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.ioThreads()).isGreaterThanOrEqualTo(2);
        assertThat(config.workerThreads()).isEqualTo(config.ioThreads() * 8);
    }

    @Test
    void a_port_outside_the_tcp_range_is_refused() {
        assertThatThrownBy(() -> HttpConfig.defaults("0.0.0.0", 65_536, PUBLIC_URL))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("port must be 0..65535, got 65536");
    }

    @Test
    void a_public_url_must_be_absolute_http() {
        assertThatThrownBy(() -> HttpConfig.defaults("0.0.0.0", 3000, URI.create("knot.example.com")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("publicUrl");
        assertThatThrownBy(() -> HttpConfig.defaults("0.0.0.0", 3000, URI.create("ftp://knot.example.com")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_blank_host_is_refused() {
        assertThatThrownBy(() -> HttpConfig.defaults(" ", 3000, PUBLIC_URL))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("host is blank");
    }

    @Test
    void limits_and_timeouts_must_be_positive() {
        HttpConfig valid = HttpConfig.defaults("0.0.0.0", 3000, PUBLIC_URL);

        assertThatThrownBy(() -> withBodyLimit(valid, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxRequestBodyBytes must be positive, got 0");
        assertThatThrownBy(() -> withParseTimeout(valid, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("requestParseTimeout must be between 1 ms");
        assertThatThrownBy(() -> withParseTimeout(valid, Duration.ofDays(365)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static HttpConfig withBodyLimit(HttpConfig config, long limit) {
        return new HttpConfig(
                config.host(),
                config.port(),
                config.publicUrl(),
                limit,
                config.maxHeaderBytes(),
                config.maxHeaders(),
                config.requestParseTimeout(),
                config.idleTimeout(),
                config.drainTimeout(),
                config.ioThreads(),
                config.workerThreads());
    }

    private static HttpConfig withParseTimeout(HttpConfig config, Duration timeout) {
        return new HttpConfig(
                config.host(),
                config.port(),
                config.publicUrl(),
                config.maxRequestBodyBytes(),
                config.maxHeaderBytes(),
                config.maxHeaders(),
                timeout,
                config.idleTimeout(),
                config.drainTimeout(),
                config.ioThreads(),
                config.workerThreads());
    }
}
