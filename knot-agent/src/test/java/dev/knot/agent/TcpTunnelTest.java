package dev.knot.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /tcp/{port}: websocket ↔ TCP through the agent to real local sockets (reference §7.2). */
class TcpTunnelTest {
    private static final String TOKEN = "the-server-token";
    private static final long WAIT_SECONDS = 20;
    private static final int CHUNK = 8 * 1024;

    @TempDir
    Path home;

    private final HttpClient client = HttpClient.newHttpClient();
    private final CurrentRegistration current = new CurrentRegistration();
    private TcpEchoServer echo;
    private TcpEchoServer unregistered;
    private ServerSocket farewell;
    private int nothingListening;
    private AgentApi api;

    @BeforeEach
    void start() throws Exception {
        current.set(new Registration("the-agents-own-token", TOKEN, URI.create("http://knot"), "", ""));
        echo = new TcpEchoServer();
        unregistered = new TcpEchoServer();
        farewell = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        try (ServerSocket free = new ServerSocket(0)) {
            nothingListening = free.getLocalPort();
        }
        api = new AgentApi(TestConfigs.proxying(0, Map.of(Integer.toString(echo.port()), "echo",
                        Integer.toString(farewell.getLocalPort()), "farewell", Integer.toString(nothingListening), "down"),
                Map.of(), Map.of()),
                current, new AuthorizedKeys(home, TestConfigs.NO_GITHUB_KEYS), home, TestConfigs.shellEnvironment(home));
        api.start();
    }

    @AfterEach
    void stop() throws IOException {
        api.close();
        echo.close();
        unregistered.close();
        farewell.close();
    }

    @Test
    void carriesBytesBothWaysInBinaryFrames() throws Exception {
        byte[] sent = new byte[40 * CHUNK + 123];
        new Random(42).nextBytes(sent);
        WebSocketRecorder recorder = new WebSocketRecorder();
        WebSocket socket = connect("/tcp/" + echo.port(), recorder);

        for (int offset = 0; offset < sent.length; offset += CHUNK) {
            socket.sendBinary(ByteBuffer.wrap(sent, offset, Math.min(CHUNK, sent.length - offset)), true)
                    .get(WAIT_SECONDS, TimeUnit.SECONDS);
        }

        await().atMost(WAIT_SECONDS, TimeUnit.SECONDS).until(() -> recorder.binary().length >= sent.length);
        assertThat(recorder.binary()).isEqualTo(sent);
        assertThat(recorder.text()).isEmpty();
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    @Test
    void emptyFramesAreKeepalivesThatCarryNothing() throws Exception {
        WebSocketRecorder recorder = new WebSocketRecorder();
        WebSocket socket = connect("/tcp/" + echo.port(), recorder);

        socket.sendBinary(ByteBuffer.allocate(0), true).get(WAIT_SECONDS, TimeUnit.SECONDS);
        socket.sendBinary(ByteBuffer.wrap("after".getBytes(StandardCharsets.UTF_8)), true)
                .get(WAIT_SECONDS, TimeUnit.SECONDS);

        await().atMost(WAIT_SECONDS, TimeUnit.SECONDS).until(() -> recorder.binary().length >= 5);
        assertThat(recorder.binaryAsText()).isEqualTo("after");
        assertThat(recorder.isClosed()).isFalse();
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    @Test
    void aTrailingSlashNamesTheSamePort() throws Exception {
        WebSocketRecorder recorder = new WebSocketRecorder();
        WebSocket socket = connect("/tcp/" + echo.port() + "/", recorder);

        socket.sendBinary(ByteBuffer.wrap("ping".getBytes(StandardCharsets.UTF_8)), true)
                .get(WAIT_SECONDS, TimeUnit.SECONDS);

        await().atMost(WAIT_SECONDS, TimeUnit.SECONDS).until(() -> recorder.binaryAsText().equals("ping"));
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    @Test
    void closingTheWebsocketClosesTheConnection() throws Exception {
        WebSocketRecorder recorder = new WebSocketRecorder();
        WebSocket socket = connect("/tcp/" + echo.port(), recorder);
        await().atMost(WAIT_SECONDS, TimeUnit.SECONDS).until(() -> echo.accepted() == 1);

        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(WAIT_SECONDS, TimeUnit.SECONDS);

        await().atMost(WAIT_SECONDS, TimeUnit.SECONDS).until(() -> echo.endedByPeer() == 1);
    }

    @Test
    void aTextFrameClosesTheTunnel() throws Exception {
        WebSocketRecorder recorder = new WebSocketRecorder();
        WebSocket socket = connect("/tcp/" + echo.port(), recorder);
        await().atMost(WAIT_SECONDS, TimeUnit.SECONDS).until(() -> echo.accepted() == 1);

        socket.sendText("not bytes", true).get(WAIT_SECONDS, TimeUnit.SECONDS);

        assertThat(recorder.closeCode().get(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo(WebSocket.NORMAL_CLOSURE);
        await().atMost(WAIT_SECONDS, TimeUnit.SECONDS).until(() -> echo.endedByPeer() == 1);
        assertThat(recorder.binary()).isEmpty();
    }

    @Test
    void theServiceClosingClosesTheWebsocket() throws Exception {
        WebSocketRecorder recorder = new WebSocketRecorder();
        connect("/tcp/" + farewell.getLocalPort(), recorder);

        try (Socket accepted = farewell.accept(); OutputStream out = accepted.getOutputStream()) {
            out.write("bye".getBytes(StandardCharsets.UTF_8));
        }

        assertThat(recorder.closeCode().get(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo(WebSocket.NORMAL_CLOSURE);
        assertThat(recorder.binaryAsText()).isEqualTo("bye");
    }

    @Test
    void aPortWithNothingListeningClosesTheWebsocketWithAnError() throws Exception {
        WebSocketRecorder recorder = new WebSocketRecorder();
        connect("/tcp/" + nothingListening, recorder);

        assertThat(recorder.closeCode().get(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo(1011);
    }

    @Test
    void portsTheAgentDoesNotReportAreRefusedBeforeTheHandshake() throws Exception {
        int port = echo.port();
        for (String path : new String[] {
                "/tcp/" + unregistered.port(),
                "/tcp/0" + port,
                "/tcp/+" + port,
                "/tcp/0x" + Integer.toHexString(port),
                "/tcp/" + port + "@127.0.0.2",
                "/tcp/" + port + "/extra",
                "/tcp/" + port + "//",
                "/tcp/",
        }) {
            assertThatThrownBy(() -> connect(path, new WebSocketRecorder())).as(path)
                    .isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(WebSocketHandshakeException.class)
                    .satisfies(refused -> assertThat(((WebSocketHandshakeException) refused).getResponse().statusCode())
                            .isEqualTo(404));
        }

        assertThat(unregistered.accepted()).isZero();
        assertThat(echo.accepted()).isZero();
    }

    @Test
    void tunnelsNeedTheServerToken() throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + api.port() + "/tcp/" + echo.port())).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThatThrownBy(() -> client.newWebSocketBuilder()
                .header("Authorization", "Bearer the-agents-own-token")
                .buildAsync(URI.create("ws://127.0.0.1:" + api.port() + "/tcp/" + echo.port()), new WebSocketRecorder())
                .get(WAIT_SECONDS, TimeUnit.SECONDS))
                .cause().isInstanceOf(WebSocketHandshakeException.class);
        assertThat(echo.accepted()).isZero();
    }

    @Test
    void anOversizedMessageClosesTheTunnel() throws Exception {
        WebSocketRecorder recorder = new WebSocketRecorder();
        WebSocket socket = connect("/tcp/" + echo.port(), recorder);
        byte[] tooBig = new byte[TcpTunnels.MAX_MESSAGE_BYTES + 1];
        Arrays.fill(tooBig, (byte) 'x');

        socket.sendBinary(ByteBuffer.wrap(tooBig), true).get(WAIT_SECONDS, TimeUnit.SECONDS);

        assertThat(recorder.closeCode().get(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo(1009);
        await().atMost(WAIT_SECONDS, TimeUnit.SECONDS).until(() -> echo.endedByPeer() == 1);
        assertThat(recorder.binary()).isEmpty();
    }

    private WebSocket connect(String path, WebSocketRecorder recorder) throws Exception {
        return client.newWebSocketBuilder()
                .header("Authorization", "Bearer " + TOKEN)
                .buildAsync(URI.create("ws://127.0.0.1:" + api.port() + path), recorder)
                .get(WAIT_SECONDS, TimeUnit.SECONDS);
    }
}
