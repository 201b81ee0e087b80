package dev.knot.client;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PortForwarderTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final TestKnotServer server = TestKnotServer.start();
    private final StringWriter notices = new StringWriter();
    private PortForwarder forwarder;

    @AfterEach
    void stop() {
        if (forwarder != null) {
            forwarder.close();
        }
        server.close();
    }

    @Test
    void aBarePortListensOnLoopbackOnly() {
        forwarder = start("echo", TestKnotServer.TOKEN);

        assertThat(forwarder.localAddress().getAddress()).isEqualTo(InetAddress.getLoopbackAddress());
    }

    @Test
    void eachConnectionGetsItsOwnTunnelAndMoreThanAMebibyteGoesBothWays() throws Exception {
        forwarder = start("echo", TestKnotServer.TOKEN);
        byte[] first = random(3 * 1024 * 1024 / 2, 1);
        byte[] second = random(1024 * 1024 + 17, 2);

        CompletableFuture<byte[]> one = CompletableFuture.supplyAsync(() -> roundTrip(first));
        CompletableFuture<byte[]> two = CompletableFuture.supplyAsync(() -> roundTrip(second));

        assertThat(one.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(first);
        assertThat(two.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(second);
        assertThat(server.tunnels).containsExactly("/proxy/spaces/echo/port/5432", "/proxy/spaces/echo/port/5432");
    }

    @Test
    void closingTheLocalConnectionClosesItsTunnel() throws IOException {
        forwarder = start("quiet", TestKnotServer.TOKEN);

        try (Socket socket = connect()) {
            socket.getOutputStream().write("SELECT 1;".getBytes(UTF_8));
            await().atMost(WAIT).until(() -> server.received.containsKey("quiet")
                    && server.received.get("quiet").toString(UTF_8).equals("SELECT 1;"));
        }

        await().atMost(WAIT).until(() -> server.closesReceived.get() == 1);
    }

    @Test
    void whenTheServerEndsTheTunnelTheLocalConnectionIsClosed() throws IOException {
        forwarder = start("hello-close", TestKnotServer.TOKEN);

        try (Socket socket = connect()) {
            assertThat(new String(socket.getInputStream().readAllBytes(), UTF_8)).isEqualTo("hello");
        }
    }

    @Test
    void aTunnelTheServerEndsOnPurposeIsReportedWithItsReason() throws IOException {
        forwarder = start("revoked", TestKnotServer.TOKEN);

        try (Socket socket = connect()) {
            assertThat(socket.getInputStream().read()).isEqualTo(-1);
        }

        await().atMost(WAIT).until(() -> notices.toString()
                .contains("closed: the server ended the tunnel: the session or token has ended[2J"));
        assertThat(notices.toString()).doesNotContain("\u001b");
    }

    @Test
    void aRefusedTokenStopsTheListener() throws IOException {
        forwarder = start("echo", "wrong-token");

        try (Socket socket = connect()) {
            assertThat(socket.getInputStream().read()).isEqualTo(-1);
        }

        assertThatThrownBy(forwarder::awaitStop)
                .isInstanceOfSatisfying(TunnelRefusedException.class,
                        refused -> assertThat(refused.status()).isEqualTo(401));
        assertThat(notices.toString()).contains("the server refused the API token (401)", "stopped listening");
        assertThatThrownBy(this::connect).isInstanceOf(ConnectException.class);
    }

    @Test
    void otherRefusalsEndOnlyTheirConnection() throws Exception {
        forwarder = start("echo", TestKnotServer.TOKEN);
        server.tunnelRefusal = 404;

        try (Socket socket = connect()) {
            assertThat(socket.getInputStream().read()).isEqualTo(-1);
        }
        await().atMost(WAIT).until(() -> notices.toString().contains("(404 Not Found)"));

        server.tunnelRefusal = 0;
        byte[] data = random(1000, 3);
        assertThat(CompletableFuture.supplyAsync(() -> roundTrip(data)).get(WAIT.toSeconds(), TimeUnit.SECONDS))
                .isEqualTo(data);
    }

    @Test
    void anAddressInUseIsReported() {
        forwarder = start("echo", TestKnotServer.TOKEN);
        ListenAddress taken = new ListenAddress("127.0.0.1", forwarder.localAddress().getPort());

        assertThatThrownBy(() -> PortForwarder.start(server.knotServer(), TestKnotServer.TOKEN,
                        TunnelTarget.port("echo", 1), taken, new PrintWriter(notices)))
                .isInstanceOf(ClientException.class)
                .hasMessageStartingWith("cannot listen on " + taken + ": ");
    }

    private PortForwarder start(String space, String token) {
        return PortForwarder.start(server.knotServer(), token, TunnelTarget.port(space, 5432),
                ListenAddress.parse("0"), new PrintWriter(notices, true), Duration.ofSeconds(30));
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), forwarder.localAddress().getPort()));
        return socket;
    }

    /** Sends {@code data} while reading the answer, as a real client of the port would; answers what came back. */
    private byte[] roundTrip(byte[] data) {
        try (Socket socket = connect()) {
            CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> {
                try {
                    socket.getOutputStream().write(data);
                    socket.getOutputStream().flush();
                } catch (IOException failure) {
                    throw new UncheckedIOException(failure);
                }
            });
            byte[] answer = socket.getInputStream().readNBytes(data.length);
            sending.join();
            return answer;
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    private static byte[] random(int size, long seed) {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        return data;
    }
}
