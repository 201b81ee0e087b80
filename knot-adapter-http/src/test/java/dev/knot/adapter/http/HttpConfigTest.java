package dev.knot.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
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
    void defaults_serve_plain_http_and_with_tls_changes_only_that() {
        HttpConfig plain = HttpConfig.defaults("0.0.0.0", 3000, PUBLIC_URL).withTrustedProxies(List.of("10.0.0.0/8"));
        HttpTlsConfig selfSigned = HttpTlsConfig.selfSigned(List.of("localhost"), List.of());

        HttpConfig https = plain.withTls(selfSigned);

        assertThat(plain.tls()).isEqualTo(HttpTlsConfig.plain());
        assertThat(plain.tls().scheme()).isEqualTo("http");
        assertThat(https.tls()).isEqualTo(selfSigned);
        assertThat(https.tls().scheme()).isEqualTo("https");
        assertThat(https.withTls(HttpTlsConfig.plain())).isEqualTo(plain);
        assertThat(https.withTrustedProxies(List.of("10.0.0.0/8")).tls()).isEqualTo(selfSigned);
    }

    @Test
    void a_wildcard_domain_is_kept_lower_case_and_must_be_one() {
        HttpConfig plain = HttpConfig.defaults("0.0.0.0", 3000, PUBLIC_URL);

        assertThat(plain.wildcardDomain()).isEmpty();
        assertThat(plain.withWildcardDomain(Optional.of("*.Knot.Example.com")).wildcardDomain())
                .contains("*.knot.example.com");
        for (String sameDomain : List.of("*.knot.example.com:8443", "*.knot.example.com.", "*.knot.example.com.:443")) {
            assertThat(plain.withWildcardDomain(Optional.of(sameDomain)).wildcardDomain()).as(sameDomain)
                    .contains("*.knot.example.com");
        }
        assertThat(plain.withWildcardDomain(Optional.of("*.knot.example.com")).withTls(HttpTlsConfig.plain())
                .wildcardDomain()).contains("*.knot.example.com");
        for (String invalid : List.of("knot.example.com", "*.", "*..example.com", "**.example.com", "*.-knot.example.com",
                "*.knot.example.com:", "*.knot.example.com:x", "*.knot example.com")) {
            assertThatThrownBy(() -> plain.withWildcardDomain(Optional.of(invalid)))
                    .as(invalid)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("*.knot.example.com");
        }
    }

    @Test
    void a_self_signed_certificate_needs_a_dns_name_it_can_hold() {
        assertThatThrownBy(() -> HttpTlsConfig.selfSigned(List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a self-signed certificate needs at least one DNS name");
        assertThatThrownBy(() -> HttpTlsConfig.selfSigned(List.of("knot example"), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a DNS name of the self-signed certificate must be printable ASCII, got \"knot example\"");
        assertThatThrownBy(() -> HttpTlsConfig.selfSigned(List.of("knöt.example"), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(HttpTlsConfig.selfSigned(List.of("*.knot.example.com", "knot.example.com:3000"), List.of())
                .isHttps()).isTrue();
    }

    @Test
    void pem_files_need_both_paths() {
        assertThatThrownBy(() -> HttpTlsConfig.pemFiles(null, Path.of("key.pem")))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("certificateChainFile is null");
        assertThatThrownBy(() -> HttpTlsConfig.pemFiles(Path.of("chain.pem"), null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("privateKeyFile is null");
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
                config.workerThreads(),
                config.trustedProxies(),
                config.tls(),
                config.wildcardDomain());
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
                config.workerThreads(),
                config.trustedProxies(),
                config.tls(),
                config.wildcardDomain());
    }
}
