package dev.knot.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The web terminal end to end: a real PTY behind a real websocket. */
class TerminalTest {
    private static final String TOKEN = "terminal-token";
    private static final long WAIT_SECONDS = 20;

    @TempDir
    Path home;

    private final CurrentRegistration current = new CurrentRegistration();
    private AgentApi api;

    @BeforeEach
    void start() {
        current.set(new Registration("the-agents-own-token", TOKEN, URI.create("http://knot"), "", ""));
        api = new AgentApi(TestConfigs.agent(URI.create("http://knot"), 0), current, new AuthorizedKeys(home, TestConfigs.NO_GITHUB_KEYS), home,
                TestConfigs.shellEnvironment(home));
        api.start();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void runsCommandsInAShell() throws Exception {
        Screen screen = new Screen();
        WebSocket socket = connect("bash", screen);

        socket.sendText("echo knot-$((6*7))\n", true).get(WAIT_SECONDS, TimeUnit.SECONDS);

        assertThat(screen.awaitMatch(Pattern.compile("knot-42"))).as("terminal output: %s", screen).isTrue();
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
    }

    @Test
    void anUnknownShellFallsBack() throws Exception {
        Screen screen = new Screen();
        WebSocket socket = connect("nosuchshell", screen);

        socket.sendText("echo fallback-$((40+2))\n", true).get(WAIT_SECONDS, TimeUnit.SECONDS);

        assertThat(screen.awaitMatch(Pattern.compile("fallback-42"))).as("terminal output: %s", screen).isTrue();
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
    }

    @Test
    void resizesThePty() throws Exception {
        Screen screen = new Screen();
        WebSocket socket = connect("bash", screen);

        socket.sendText("\u0001{\"cols\":123,\"rows\":45}", true).get(WAIT_SECONDS, TimeUnit.SECONDS);
        socket.sendText("stty size\n", true).get(WAIT_SECONDS, TimeUnit.SECONDS);

        assertThat(screen.awaitMatch(Pattern.compile("45 123"))).as("terminal output: %s", screen).isTrue();
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
    }

    @Test
    void anOversizedFrameClosesTheSocket() throws Exception {
        Screen screen = new Screen();
        WebSocket socket = connect("bash", screen);

        socket.sendText("x".repeat(TerminalEndpoint.MAX_FRAME_BYTES + 1024), true);

        assertThat(screen.closed.get(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aMissingTokenIsRefusedBeforeTheUpgrade() {
        CompletableFuture<WebSocket> attempt = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(terminalUri("bash"), new Screen());

        assertThat(attempt).failsWithin(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    private WebSocket connect(String shell, Screen screen) throws Exception {
        return HttpClient.newHttpClient().newWebSocketBuilder()
                .header("Authorization", "Bearer " + TOKEN)
                .buildAsync(terminalUri(shell), screen)
                .get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    private URI terminalUri(String shell) {
        return URI.create("ws://127.0.0.1:" + api.port() + "/terminal/" + shell);
    }

    /** Collects what the terminal prints; completes {@code closed} when the agent ends the socket. */
    private static final class Screen implements WebSocket.Listener {
        private final ByteArrayOutputStream output = new ByteArrayOutputStream();
        private final CompletableFuture<Boolean> closed = new CompletableFuture<>();

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            synchronized (this) {
                output.writeBytes(bytes);
                notifyAll();
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(true);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(true);
        }

        @Override
        public synchronized String toString() {
            return output.toString(StandardCharsets.UTF_8);
        }

        synchronized boolean awaitMatch(Pattern pattern) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
            while (!pattern.matcher(output.toString(StandardCharsets.UTF_8)).find()) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    return false;
                }
                wait(left);
            }
            return true;
        }
    }
}
