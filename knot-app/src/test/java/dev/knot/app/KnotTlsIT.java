package dev.knot.app;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `knot server` from the jar speaks HTTPS as the original does: with a certificate it makes at start by default, with
 * the operator's PEM files when server.tls.cert_file and key_file are set, and plain HTTP only when
 * server.tls.use_tls is false.
 */
class KnotTlsIT {
    private static final Duration STARTUP = Duration.ofSeconds(60);
    private static final Duration EXIT = Duration.ofSeconds(30);
    private static final char[] STORE_PASSWORD = "changeit".toCharArray();

    @TempDir
    Path root;

    @Test
    void withNoConfigItServesHttpsWithACertificateForTheDefaultUrlLocalhostAndLoopback() throws Exception {
        int port = KnotProcess.freePort();

        try (KnotProcess knot = start("default", Map.of("KNOT_LISTEN", "127.0.0.1:" + port))) {
            awaitHealthy(knot, port, KnotProcess::httpsHealthStatus);

            X509Certificate certificate = KnotProcess.presentedCertificates(port).get(0);
            assertThat(certificate.getSubjectAlternativeNames())
                    .extracting(name -> tuple(name.get(0), name.get(1)))
                    .containsExactly(tuple(2, "127.0.0.1:" + port), tuple(2, "localhost"), tuple(7, "127.0.0.1"));
            assertThat(certificate.getSubjectX500Principal().getName())
                    .isEqualTo("CN=127.0.0.1:" + port + ",O=getknot.dev,C=AU");
            assertThat(certificate.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
            assertThat(KnotProcess.healthStatus(port)).as("plain HTTP to the HTTPS listener").isEqualTo(-1);
            assertThat(knot.err())
                    .contains("serving HTTPS with a self-signed certificate (ECDSA P-256",
                            "for [127.0.0.1:" + port + ", localhost, 127.0.0.1]",
                            "knot is listening on https://127.0.0.1:" + port)
                    .doesNotContain("plain HTTP only");

            knot.terminate();
            assertThat(knot.awaitExit(EXIT)).as(knot.err()).isZero();
        }
    }

    @Test
    void withCertFileAndKeyFileItServesThatCertificate() throws Exception {
        Path files = Files.createDirectory(root.resolve("pki"));
        KeyStore.PrivateKeyEntry issued = keytoolCertificate(files);
        Path certificate = writePem(files.resolve("cert.pem"), "CERTIFICATE", issued.getCertificate().getEncoded());
        Path key = writePem(files.resolve("key.pem"), "PRIVATE KEY", issued.getPrivateKey().getEncoded());
        int port = KnotProcess.freePort();

        try (KnotProcess knot = start("pem", Map.of("KNOT_LISTEN", "127.0.0.1:" + port,
                "KNOT_CERT_FILE", certificate.toString(), "KNOT_KEY_FILE", key.toString()))) {
            awaitHealthy(knot, port, KnotProcess::httpsHealthStatus);

            assertThat(KnotProcess.presentedCertificates(port)).containsExactly((X509Certificate) issued.getCertificate());
            assertThat(knot.err()).contains("serving HTTPS with the certificate in " + certificate)
                    .doesNotContain("self-signed");

            knot.terminate();
            assertThat(knot.awaitExit(EXIT)).as(knot.err()).isZero();
        }
    }

    @Test
    void anUnreadableKeyFileStopsTheServerNamingTheFileButNotItsContents() throws Exception {
        Path files = Files.createDirectory(root.resolve("pki"));
        KeyStore.PrivateKeyEntry issued = keytoolCertificate(files);
        Path certificate = writePem(files.resolve("cert.pem"), "CERTIFICATE", issued.getCertificate().getEncoded());
        Path key = Files.writeString(files.resolve("key.pem"),
                "-----BEGIN PRIVATE KEY-----\nS3cretCanary%%%\n-----END PRIVATE KEY-----\n");

        try (KnotProcess knot = start("bad-key", Map.of("KNOT_LISTEN", "127.0.0.1:" + KnotProcess.freePort(),
                "KNOT_CERT_FILE", certificate.toString(), "KNOT_KEY_FILE", key.toString()))) {
            assertThat(knot.awaitExit(STARTUP)).isEqualTo(1);
            assertThat(knot.err())
                    .contains("cannot use the TLS key file " + key + ": it is not a PEM file knot can read")
                    .doesNotContain("S3cretCanary")
                    .doesNotContain("listening");
        }
    }

    @Test
    void useTlsFalseServesPlainHttp() {
        int port = KnotProcess.freePort();

        try (KnotProcess knot = start("plain", Map.of("KNOT_LISTEN", "127.0.0.1:" + port, "KNOT_USE_TLS", "false"))) {
            awaitHealthy(knot, port, KnotProcess::healthStatus);

            assertThat(KnotProcess.httpsHealthStatus(port)).isEqualTo(-1);
            assertThat(knot.err()).contains("knot is listening on http://127.0.0.1:" + port)
                    .doesNotContain("HTTPS");

            knot.terminate();
            assertThat(knot.awaitExit(EXIT)).as(knot.err()).isZero();
        }
    }

    private KnotProcess start(String name, Map<String, String> environment) {
        try {
            return KnotProcess.start(KnotProcess.currentJava(), Files.createDirectories(root.resolve(name)), environment,
                    "server");
        }
        catch (IOException failure) {
            throw new IllegalStateException(failure);
        }
    }

    private static void awaitHealthy(KnotProcess knot, int port, IntUnaryOperator health) {
        await().atMost(STARTUP).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            assertThat(knot.isAlive()).as("knot exited early; stderr:\n%s", knot.err()).isTrue();
            assertThat(health.applyAsInt(port)).isEqualTo(200);
        });
    }

    /** A key and certificate made by the JDK's keytool, as an operator without openssl might make them. */
    private static KeyStore.PrivateKeyEntry keytoolCertificate(Path directory)
            throws IOException, InterruptedException, GeneralSecurityException {
        Path store = directory.resolve("knot.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair", "-alias", "knot",
                "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=knot-it.test",
                "-ext", "san=dns:knot-it.test,ip:127.0.0.1", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", new String(STORE_PASSWORD)))
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), US_ASCII);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, STORE_PASSWORD);
        }
        return new KeyStore.PrivateKeyEntry((PrivateKey) keys.getKey("knot", STORE_PASSWORD),
                keys.getCertificateChain("knot"));
    }

    private static Path writePem(Path file, String type, byte[] der) throws IOException {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(US_ASCII)).encodeToString(der);
        return Files.writeString(file, "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n");
    }
}
