package dev.knot.client;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StreamForwarderTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final TestKnotServer server = TestKnotServer.start();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final TypedInput in = new TypedInput();

    @AfterEach
    void stop() {
        in.end();
        server.close();
    }

    @Test
    void bytesGoBothWaysUnchangedAndKeepaliveFramesAddNothing() throws Exception {
        byte[] data = new byte[3 * 1024 * 1024 / 2];
        new Random(7).nextBytes(data);

        CompletableFuture<Void> run = forward("echo", Duration.ofSeconds(30));
        in.type(data);

        await().atMost(WAIT).until(() -> size(out) == data.length);
        assertThat(bytes(out)).isEqualTo(data);
        assertThat(server.tunnels).containsExactly("/proxy/spaces/echo/ssh");

        in.end();
        run.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        await().atMost(WAIT).until(() -> server.closesReceived.get() == 1);
    }

    @Test
    void aTextFrameFromTheServerEndsTheTunnel() throws Exception {
        forward("hello-text", Duration.ofSeconds(30)).get(WAIT.toSeconds(), TimeUnit.SECONDS);

        assertThat(new String(bytes(out), UTF_8)).isEqualTo("hello");
    }

    @Test
    void aCloseFromTheServerEndsTheTunnel() throws Exception {
        forward("hello-close", Duration.ofSeconds(30)).get(WAIT.toSeconds(), TimeUnit.SECONDS);

        assertThat(new String(bytes(out), UTF_8)).isEqualTo("hello");
    }

    @Test
    void aQuietTunnelSendsEmptyKeepaliveFramesAndTheEndOfInputClosesIt() throws Exception {
        CompletableFuture<Void> run = forward("quiet", Duration.ofMillis(50));

        await().atMost(WAIT).until(() -> server.keepalivesReceived.get() >= 2);
        in.type("ls\n".getBytes(UTF_8));
        await().atMost(WAIT).until(() -> server.received.containsKey("quiet")
                && server.received.get("quiet").toString(UTF_8).equals("ls\n"));
        in.end();

        run.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(server.closesReceived.get()).isEqualTo(1);
    }

    @Test
    void aTunnelTheServerEndsOnPurposeFailsWithItsReason() {
        StreamForwarder forwarder = new StreamForwarder(server.knotServer(), TestKnotServer.TOKEN);

        assertThatThrownBy(() -> forwarder.run(TunnelTarget.ssh("revoked"), in, out))
                .isInstanceOf(TunnelEndedException.class)
                .hasMessage("the server ended the tunnel: the session or token has ended[2J");
    }

    @Test
    void aWrongTokenIsRefusedWithTheAdviceToConnectAgain() {
        StreamForwarder forwarder = new StreamForwarder(server.knotServer(), "wrong-token");

        assertThatThrownBy(() -> forwarder.run(TunnelTarget.ssh("echo"), in, out))
                .isInstanceOfSatisfying(TunnelRefusedException.class, refused -> {
                    assertThat(refused.status()).isEqualTo(401);
                    assertThat(refused.credentialRefused()).isTrue();
                })
                .hasMessageStartingWith("the server refused the API token (401)");
    }

    @Test
    void refusalsNameWhatWasAskedFor() {
        StreamForwarder forwarder = new StreamForwarder(server.knotServer(), TestKnotServer.TOKEN);

        server.tunnelRefusal = 403;
        assertThatThrownBy(() -> forwarder.run(TunnelTarget.ssh("dev"), in, out))
                .hasMessage("the server does not let this token use the SSH of space \"dev\" (403 Forbidden)");
        server.tunnelRefusal = 404;
        assertThatThrownBy(() -> forwarder.run(TunnelTarget.port("dev", 8080), in, out))
                .isInstanceOfSatisfying(TunnelRefusedException.class,
                        refused -> assertThat(refused.credentialRefused()).isFalse())
                .hasMessageStartingWith("the server has no port 8080 of space \"dev\" for this user");
        assertThat(server.tunnels).isEmpty();
    }

    @Test
    void anUnreachableServerIsSaidSo() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        KnotServer nobody = KnotServer.at(ServerAddress.parse("http://127.0.0.1:" + closed), false);

        assertThatThrownBy(() -> new StreamForwarder(nobody, "t").run(TunnelTarget.ssh("dev"), in, out))
                .isInstanceOf(ClientException.class)
                .hasMessage("cannot reach http://127.0.0.1:" + closed + ": connection refused");
    }

    private CompletableFuture<Void> forward(String space, Duration keepalive) {
        StreamForwarder forwarder = new StreamForwarder(server.knotServer(), TestKnotServer.TOKEN, keepalive);
        return CompletableFuture.runAsync(() -> forwarder.run(TunnelTarget.ssh(space), in, out));
    }

    private static int size(ByteArrayOutputStream stream) {
        synchronized (stream) {
            return stream.size();
        }
    }

    private static byte[] bytes(ByteArrayOutputStream stream) {
        synchronized (stream) {
            return stream.toByteArray();
        }
    }
}
