package dev.knot.app;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A browser terminal as the web UI opens it: a websocket to {@code /proxy/spaces/{id}/terminal/{shell}} that sends
 * keystrokes as text frames and collects the shell's output from binary frames.
 */
final class TerminalSocket implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final WebSocket socket;
    private final StringBuffer output;
    private final CompletableFuture<Integer> closed;

    private TerminalSocket(WebSocket socket, StringBuffer output, CompletableFuture<Integer> closed) {
        this.socket = socket;
        this.output = output;
        this.closed = closed;
    }

    /** The handshake's HTTP status when the server refuses it. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        final int status;

        Refused(int status) {
            super("handshake refused with " + status);
            this.status = status;
        }
    }

    static TerminalSocket open(int port, String spaceId, String shell, Map<String, String> headers) throws Refused {
        StringBuffer output = new StringBuffer();
        CompletableFuture<Integer> closed = new CompletableFuture<>();
        WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        headers.forEach(builder::header);
        CompletableFuture<WebSocket> opening = builder.buildAsync(
                URI.create("ws://127.0.0.1:" + port + "/proxy/spaces/" + spaceId + "/terminal/" + shell),
                new Collector(output, closed));
        try {
            return new TerminalSocket(opening.get(30, TimeUnit.SECONDS), output, closed);
        } catch (ExecutionException | CompletionException failed) {
            if (failed.getCause() instanceof WebSocketHandshakeException refused) {
                throw new Refused(refused.getResponse().statusCode());
            }
            throw new AssertionError("terminal did not open", failed);
        } catch (TimeoutException | InterruptedException stuck) {
            throw new AssertionError("terminal did not open", stuck);
        }
    }

    void type(String keys) {
        socket.sendText(keys, true).join();
    }

    String output() {
        return output.toString();
    }

    boolean isClosed() {
        return closed.isDone();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        }
        socket.abort();
    }

    private static final class Collector implements WebSocket.Listener {
        private final StringBuffer output;
        private final CompletableFuture<Integer> closed;

        Collector(StringBuffer output, CompletableFuture<Integer> closed) {
            this.output = output;
            this.closed = closed;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            output.append(new String(bytes, UTF_8));
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            output.append(data);
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(-1);
        }
    }
}
