package dev.knot.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.knot.adapter.http.HttpTlsConfig;
import dev.knot.app.InstallGuide;
import dev.knot.app.config.ConfigEnvironment;
import dev.knot.app.config.ConfigLoader;
import dev.knot.app.config.KnotConfig;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerTlsTest {
    private static final String KEY = "0123456789abcdefghijABCDEFGHIJ01";

    @TempDir
    Path working;

    @Test
    void withNoConfigTheServerMakesACertificateForTheDefaultUrlLocalhostAndLoopback() throws Exception {
        HttpTlsConfig tls = ServerTls.forServer(load("{}").server());

        assertThat(tls).isEqualTo(HttpTlsConfig.selfSigned(
                List.of("127.0.0.1:3000", "localhost"), List.of(address("127.0.0.1"))));
    }

    @Test
    void theInstallGuidesConfigGetsItsUrlItsWildcardDomainAndLocalhost() throws Exception {
        String guide = InstallGuide.withKey(InstallGuide.read().knotYmlFiles().get(3), KEY);

        HttpTlsConfig tls = ServerTls.forServer(load(guide).server());

        assertThat(tls).isEqualTo(HttpTlsConfig.selfSigned(
                List.of("knot.example.com", "localhost", "*.knot.example.com"), List.of(address("127.0.0.1"))));
    }

    @Test
    void hostsWithPortsAreNamedWithTheirPortLikeTheOriginalAndBareBeside() throws Exception {
        KnotConfig config = load("server: {url: 'https://knot.example.com:8443', "
                + "agent_url: 'srv+https://10.0.0.5:9000', wildcard_domain: '*.spaces.example.com'}");

        HttpTlsConfig tls = ServerTls.forServer(config.server());

        assertThat(tls).isEqualTo(HttpTlsConfig.selfSigned(
                List.of("knot.example.com:8443", "knot.example.com", "localhost", "10.0.0.5:9000",
                        "*.spaces.example.com"),
                List.of(address("127.0.0.1"), address("10.0.0.5"))));
    }

    @Test
    void certificateFilesAreUsedAsGiven() {
        KnotConfig config = load("server: {tls: {cert_file: /etc/knot/cert.pem, key_file: key.pem}}");

        assertThat(ServerTls.forServer(config.server()))
                .isEqualTo(HttpTlsConfig.pemFiles(Path.of("/etc/knot/cert.pem"), Path.of("key.pem")));
    }

    @Test
    void useTlsFalseIsPlainHttpEvenWithCertificateFiles() {
        KnotConfig config = load("server: {tls: {use_tls: false, cert_file: cert.pem, key_file: key.pem}}");

        assertThat(ServerTls.forServer(config.server())).isEqualTo(HttpTlsConfig.plain());
    }

    private KnotConfig load(String yaml) {
        ConfigEnvironment environment = new ConfigEnvironment(Map.of(), working, Optional.empty(), () -> "test-host");
        return new ConfigLoader(environment).fromYaml(yaml);
    }

    private static InetAddress address(String literal) throws UnknownHostException {
        return InetAddress.getByName(literal);
    }
}
