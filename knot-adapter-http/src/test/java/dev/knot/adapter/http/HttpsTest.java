package dev.knot.adapter.http;

import static dev.knot.adapter.http.TestServers.config;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.knot.ports.model.ErrorCode;
import dev.knot.ports.model.KnotException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.util.io.pem.PemObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;

class HttpsTest {
    private static final List<String> NAMES =
            List.of("knot.example.com:3000", "knot.example.com", "localhost", "*.knot.example.com");
    private static final InetAddress LOOPBACK = loopback();
    private static final HttpTlsConfig SELF_SIGNED = HttpTlsConfig.selfSigned(NAMES, List.of(LOOPBACK));

    @TempDir
    Path files;

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        logger().detachAppender(log);
        logger().setLevel(null);
    }

    @Test
    void a_self_signed_listener_answers_health_over_https_for_the_names_asked_for() throws Exception {
        server = TestServers.start(config().withTls(SELF_SIGNED));
        TrustingClient client = new TrustingClient();

        HttpResponse<String> response = client.get(https("/health"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("OK");
        assertThat(response.sslSession()).hasValueSatisfying(session -> assertThat(session.getProtocol())
                .isEqualTo("TLSv1.3"));
        X509Certificate certificate = client.presentedChain().get(0);
        assertThat(certificate.getSubjectAlternativeNames())
                .extracting(name -> tuple(name.get(0), name.get(1)))
                .containsExactly(
                        tuple(2, "knot.example.com:3000"),
                        tuple(2, "knot.example.com"),
                        tuple(2, "localhost"),
                        tuple(2, "*.knot.example.com"),
                        tuple(7, "127.0.0.1"));
        assertThat(certificate.getSubjectX500Principal().getName())
                .isEqualTo("CN=knot.example.com:3000,O=getknot.dev,C=AU");
    }

    @Test
    void the_self_signed_certificate_is_ecdsa_p256_for_server_authentication_from_ten_seconds_ago_for_a_year()
            throws Exception {
        Instant now = Instant.parse("2025-06-01T12:00:00Z");

        ServerCredentials credentials =
                SelfSignedCertificate.generate((HttpTlsConfig.SelfSigned) SELF_SIGNED, now);

        X509Certificate certificate = credentials.certificate();
        certificate.verify(certificate.getPublicKey());
        assertThat(certificate.getIssuerX500Principal()).isEqualTo(certificate.getSubjectX500Principal());
        assertThat(certificate.getNotBefore().toInstant()).isEqualTo(Instant.parse("2025-06-01T11:59:50Z"));
        assertThat(certificate.getNotAfter().toInstant()).isEqualTo(Instant.parse("2026-06-01T12:00:00Z"));
        assertThat(certificate.getPublicKey()).isInstanceOfSatisfying(ECPublicKey.class, key -> assertThat(
                key.getParams().getCurve().getField().getFieldSize()).isEqualTo(256));
        assertThat(certificate.getSigAlgName()).isEqualTo("SHA256withECDSA");
        assertThat(certificate.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
        assertThat(certificate.getKeyUsage()[0]).as("digitalSignature").isTrue();
        assertThat(certificate.getSerialNumber()).isPositive();
        assertThat(certificate.getBasicConstraints()).as("not a certificate authority").isEqualTo(-1);
    }

    @Test
    void every_start_makes_a_new_key_and_serial_number() {
        ServerCredentials first = SelfSignedCertificate.generate((HttpTlsConfig.SelfSigned) SELF_SIGNED, Instant.now());
        ServerCredentials second = SelfSignedCertificate.generate((HttpTlsConfig.SelfSigned) SELF_SIGNED, Instant.now());

        assertThat(first.certificate().getPublicKey()).isNotEqualTo(second.certificate().getPublicKey());
        assertThat(first.certificate().getSerialNumber()).isNotEqualTo(second.certificate().getSerialNumber());
    }

    @Test
    void the_self_signed_certificate_is_announced_once_with_its_names_and_the_fingerprint_clients_see()
            throws Exception {
        captureLog();
        server = TestServers.start(config().withTls(SELF_SIGNED));
        TrustingClient client = new TrustingClient();
        client.get(https("/health"));

        String fingerprint = HttpsContext.fingerprint(client.presentedChain().get(0));
        assertThat(log.list).singleElement().satisfies(event -> assertThat(event.getFormattedMessage())
                .startsWith("serving HTTPS with a self-signed certificate (ECDSA P-256")
                .contains(fingerprint)
                .contains("[knot.example.com:3000, knot.example.com, localhost, *.knot.example.com, 127.0.0.1]"));
        assertThat(fingerprint).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
    }

    @Test
    void a_tls_1_2_client_is_served_too() throws Exception {
        server = TestServers.start(config().withTls(SELF_SIGNED));

        HttpResponse<String> response = new TrustingClient("TLSv1.2").get(https("/health"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.sslSession()).hasValueSatisfying(session -> assertThat(session.getProtocol())
                .isEqualTo("TLSv1.2"));
    }

    @Test
    void the_listener_enables_tls_1_2_and_1_3_only() {
        HttpsContext context = HttpsContext.forConfig(SELF_SIGNED).orElseThrow();

        assertThat(context.protocols()).containsExactlyInAnyOrder("TLSv1.3", "TLSv1.2");
    }

    @Test
    void obsolete_protocol_versions_are_dropped_even_where_a_jdk_would_enable_them() {
        assertThat(HttpsContext.modern(new String[] {"TLSv1.3", "TLSv1.2", "TLSv1.1", "TLSv1", "SSLv3", "SSLv2Hello"}))
                .containsExactly("TLSv1.3", "TLSv1.2");
    }

    @Test
    void plain_http_to_the_https_listener_gets_no_answer() {
        server = TestServers.start(config().withTls(SELF_SIGNED));

        assertThatThrownBy(() -> TestServers.get(server, "/health")).isInstanceOf(IOException.class);
    }

    @Test
    void a_plain_config_serves_no_tls() throws Exception {
        server = TestServers.start(config());

        assertThat(HttpsContext.forConfig(HttpTlsConfig.plain())).isEmpty();
        assertThat(TestServers.get(server, "/health").statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> new TrustingClient().get(https("/health"))).isInstanceOf(IOException.class);
    }

    static Stream<Arguments> keyEncodings() {
        return Stream.of(
                Arguments.of("RSA, PKCS#8", TestPki.rsaKeys(), (KeyWriter) TestPki::writePkcs8),
                Arguments.of("RSA, PKCS#1", TestPki.rsaKeys(), (KeyWriter) TestPki::writeTraditional),
                Arguments.of("EC, PKCS#8", TestPki.ecKeys(), (KeyWriter) TestPki::writePkcs8),
                Arguments.of("EC, SEC1", TestPki.ecKeys(), (KeyWriter) TestPki::writeTraditional));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keyEncodings")
    void pem_files_are_served_with_the_whole_chain_in_order(String encoding, KeyPair keys, KeyWriter writer)
            throws Exception {
        TestPki.Issued authority = TestPki.authority("Test CA");
        X509Certificate leaf = TestPki.serverCertificate("knot.test", keys, authority);
        Path chain = TestPki.writeCertificates(files.resolve("chain.pem"), leaf, authority.certificate());
        Path key = writer.write(files.resolve("key.pem"), keys.getPrivate());
        server = TestServers.start(config().withTls(HttpTlsConfig.pemFiles(chain, key)));
        TrustingClient client = new TrustingClient();

        HttpResponse<String> response = client.get(https("/health"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(client.presentedChain()).containsExactly(leaf, authority.certificate());
    }

    @Test
    void one_file_holding_the_key_and_the_certificate_can_be_both_and_stray_blocks_are_skipped() throws Exception {
        KeyPair keys = TestPki.ecKeys();
        X509Certificate leaf = TestPki.serverCertificate("knot.test", keys, TestPki.authority("Test CA"));
        // `openssl ecparam -genkey` writes an EC PARAMETERS block before the key; text and a public key are noise.
        String text = "Subject: CN=knot.test\n"
                + TestPki.pem(new PemObject("EC PARAMETERS", SECObjectIdentifiers.secp256r1.getEncoded()))
                + TestPki.pem(keys.getPublic())
                + TestPki.pem(leaf)
                + TestPki.pem(new JcaPKCS8Generator(keys.getPrivate(), null));
        Path both = Files.writeString(files.resolve("both.pem"), text);
        server = TestServers.start(config().withTls(HttpTlsConfig.pemFiles(both, both)));
        TrustingClient client = new TrustingClient();

        assertThat(client.get(https("/health")).statusCode()).isEqualTo(200);
        assertThat(client.presentedChain()).containsExactly(leaf);
    }

    @Test
    void a_chain_whose_certificates_do_not_name_each_other_is_served_as_given_as_go_does() throws Exception {
        KeyPair keys = TestPki.rsaKeys();
        X509Certificate leaf = TestPki.serverCertificate("knot.test", keys, TestPki.authority("Test CA"));
        X509Certificate unrelated = TestPki.authority("Someone Else").certificate();
        Path chain = TestPki.writeCertificates(files.resolve("chain.pem"), leaf, unrelated);
        Path key = TestPki.writePkcs8(files.resolve("key.pem"), keys.getPrivate());
        server = TestServers.start(config().withTls(HttpTlsConfig.pemFiles(chain, key)));
        TrustingClient client = new TrustingClient();

        assertThat(client.get(https("/health")).statusCode()).isEqualTo(200);
        assertThat(client.presentedChain()).containsExactly(leaf, unrelated);
    }

    @Test
    void a_bad_certificate_file_stops_the_server_before_it_listens_naming_the_file() throws Exception {
        Path chain = Files.writeString(files.resolve("chain.pem"), "not a certificate\n");
        Path key = TestPki.writePkcs8(files.resolve("key.pem"), TestPki.ecKeys().getPrivate());
        HttpConfig bad = config().withTls(HttpTlsConfig.pemFiles(chain, key));

        assertThatThrownBy(() -> new HttpServer(bad, TestServers.table(bad), new JsonCodec(), TestServers.access(bad)))
                .isInstanceOfSatisfying(KnotException.class, failure -> assertThat(failure.code())
                        .isEqualTo(ErrorCode.INVALID_ARGUMENT))
                .hasMessage("cannot use the TLS certificate file " + chain + ": it holds no PEM CERTIFICATE block");
    }

    @Test
    void missing_files_are_named() {
        Path key = TestPki.writePkcs8(files.resolve("key.pem"), TestPki.ecKeys().getPrivate());

        assertThatThrownBy(() -> PemCredentials.read(files.resolve("nope.pem"), key))
                .hasMessage("cannot use the TLS certificate file " + files.resolve("nope.pem") + ": no such file");
    }

    static Stream<Arguments> unusableKeyFiles() {
        return Stream.of(
                Arguments.of("encrypted PKCS#8", (KeyWriter) TestPki::writeEncryptedPkcs8,
                        "the key is encrypted; knot needs it unencrypted"),
                Arguments.of("encrypted PKCS#1", (KeyWriter) TestPki::writeEncryptedTraditional,
                        "the key is encrypted; knot needs it unencrypted"),
                Arguments.of("a certificate instead of a key", (KeyWriter) (file, key) -> TestPki.writeCertificates(
                        file, TestPki.authority("CA").certificate()),
                        "it holds no PEM private key block (PRIVATE KEY, RSA PRIVATE KEY or EC PRIVATE KEY)"),
                Arguments.of("broken base64", (KeyWriter) (file, key) -> Files.writeString(file,
                        "-----BEGIN PRIVATE KEY-----\nMIGHAgE%%%\n-----END PRIVATE KEY-----\n"),
                        "it is not a PEM file knot can read"),
                Arguments.of("a cut-off key", (KeyWriter) (file, key) -> {
                    String pem = TestPki.pem(new JcaPKCS8Generator(key, null));
                    return Files.writeString(file, pem.substring(0, pem.indexOf("-----END")));
                }, "it is not a PEM file knot can read"),
                Arguments.of("an empty file", (KeyWriter) (file, key) -> Files.writeString(file, ""),
                        "it holds no PEM private key block"),
                Arguments.of("missing", (KeyWriter) (file, key) -> file, "no such file"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unusableKeyFiles")
    void an_unusable_key_file_is_named_and_never_quoted(String kind, KeyWriter writer, String reason)
            throws Exception {
        KeyPair keys = TestPki.rsaKeys();
        Path chain = TestPki.writeCertificates(files.resolve("chain.pem"),
                TestPki.serverCertificate("knot.test", keys, TestPki.authority("CA")));
        Path keyFile = writer.write(files.resolve("key.pem"), keys.getPrivate());
        String secret = TestPki.firstBase64Line(TestPki.pem(
                new JcaPKCS8Generator(keys.getPrivate(), null)));

        assertThatThrownBy(() -> PemCredentials.read(chain, keyFile))
                .isInstanceOfSatisfying(KnotException.class, failure -> {
                    assertThat(failure.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
                    assertThat(failure.getMessage())
                            .startsWith("cannot use the TLS key file " + keyFile + ": ")
                            .contains(reason)
                            .doesNotContain(secret.substring(0, 24));
                });
    }

    @Test
    void a_key_of_another_certificate_is_refused_naming_both_files() {
        KeyPair keys = TestPki.rsaKeys();
        Path chain = TestPki.writeCertificates(files.resolve("chain.pem"),
                TestPki.serverCertificate("knot.test", keys, TestPki.authority("CA")));
        Path otherRsa = TestPki.writePkcs8(files.resolve("other-rsa.pem"), TestPki.rsaKeys().getPrivate());
        Path otherKind = TestPki.writePkcs8(files.resolve("other-ec.pem"), TestPki.ecKeys().getPrivate());

        for (Path key : List.of(otherRsa, otherKind)) {
            assertThatThrownBy(() -> PemCredentials.read(chain, key))
                    .isInstanceOf(KnotException.class)
                    .hasMessage("the private key in the TLS key file " + key + " does not belong to the first "
                            + "certificate in the TLS certificate file " + chain);
        }
    }

    @Test
    void an_expired_certificate_is_served_as_the_original_does_with_a_warning() throws Exception {
        ServerCredentials expired = SelfSignedCertificate.generate(
                (HttpTlsConfig.SelfSigned) SELF_SIGNED, Instant.now().minus(Duration.ofDays(400)));
        Path chain = TestPki.writeCertificates(files.resolve("chain.pem"), expired.certificate());
        Path key = TestPki.writePkcs8(files.resolve("key.pem"), expired.privateKey());
        captureLog();

        server = TestServers.start(config().withTls(HttpTlsConfig.pemFiles(chain, key)));

        assertThat(new TrustingClient().get(https("/health")).statusCode()).isEqualTo(200);
        assertThat(log.list).extracting(event -> event.getLevel().toString(), ILoggingEvent::getFormattedMessage)
                .containsExactly(
                        tuple("WARN", "the certificate in " + chain
                                + " has expired: clients that verify it will refuse to connect"),
                        tuple("INFO", "serving HTTPS with the certificate in " + chain
                                + " (CN=knot.example.com:3000,O=getknot.dev,C=AU)"));
    }

    private URI https(String path) {
        return URI.create("https://127.0.0.1:" + server.address().getPort() + path);
    }

    private void captureLog() {
        log.start();
        logger().setLevel(Level.INFO);
        logger().addAppender(log);
    }

    private static Logger logger() {
        return (Logger) LoggerFactory.getLogger(HttpsContext.class);
    }

    private static InetAddress loopback() {
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        } catch (IOException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    @FunctionalInterface
    interface KeyWriter {
        Path write(Path file, PrivateKey key) throws IOException;
    }
}
