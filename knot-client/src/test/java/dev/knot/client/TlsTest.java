package dev.knot.client;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Against a server with a self-signed certificate for "localhost", reached as 127.0.0.1: neither the issuer nor the
 * name can be verified, which is what knot's own self-signed certificate looks like to a client.
 */
class TlsTest {
    private static final char[] PASSWORD = "changeit".toCharArray();

    @TempDir
    static Path keys;

    private static TestKnotServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestKnotServer.startHttps(selfSigned(keys.resolve("server.p12")));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void certificatesAreVerifiedByDefaultAndTheRefusalSaysHowToChooseOtherwise() {
        KnotApi api = new KnotApi(KnotServer.at(server.address(), false));

        assertThatThrownBy(() -> api.ping(TestKnotServer.TOKEN))
                .isInstanceOf(ClientException.class)
                .hasMessageStartingWith("TLS with " + server.address() + " failed: ")
                .hasMessageContaining("--tls-skip-verify");
        assertThat(server.requestsTo("/api/v1/ping")).isEmpty();
    }

    @Test
    void skippingVerificationIgnoresTheIssuerAndTheName() {
        KnotApi api = new KnotApi(KnotServer.at(server.address(), true));

        assertThat(api.ping(TestKnotServer.TOKEN)).isEqualTo(TestKnotServer.VERSION);
    }

    @Test
    void tunnelsUseWssWithTheSameChoice() throws Exception {
        TypedInput in = new TypedInput();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThatThrownBy(() -> new StreamForwarder(KnotServer.at(server.address(), false), TestKnotServer.TOKEN)
                        .run(TunnelTarget.ssh("echo"), in, out))
                .hasMessageStartingWith("TLS with " + server.address() + " failed: ");

        StreamForwarder forwarder = new StreamForwarder(KnotServer.at(server.address(), true), TestKnotServer.TOKEN);
        CompletableFuture<Void> run = CompletableFuture.runAsync(() -> forwarder.run(TunnelTarget.ssh("echo"), in, out));
        in.type("over wss".getBytes(UTF_8));
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            synchronized (out) {
                return out.toString(UTF_8).equals("over wss");
            }
        });
        in.end();
        run.get(30, TimeUnit.SECONDS);
    }

    /** A key pair and self-signed certificate for "localhost" only, made by the JDK's keytool. */
    private static SSLContext selfSigned(Path keystore) throws IOException, InterruptedException,
            GeneralSecurityException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "server", "-keyalg", "EC",
                "-groupname", "secp256r1", "-dname", "CN=localhost", "-ext", "san=dns:localhost", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", new String(PASSWORD),
                "-keypass", new String(PASSWORD))
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("keytool failed: " + output);
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, PASSWORD);
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(store, PASSWORD);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers.getKeyManagers(), null, null);
        return context;
    }
}
