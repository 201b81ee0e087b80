package dev.knot.agent;

import java.io.ByteArrayOutputStream;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** The client end of a test websocket: collects what arrives and how the socket closed. */
final class WebSocketRecorder implements WebSocket.Listener {
    private final ByteArrayOutputStream binary = new ByteArrayOutputStream();
    private final StringBuilder text = new StringBuilder();
    private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();

    @Override
    public synchronized CompletionStage<?> onBinary(WebSocket socket, ByteBuffer data, boolean last) {
        byte[] bytes = new byte[data.remaining()];
        data.get(bytes);
        binary.writeBytes(bytes);
        socket.request(1);
        return null;
    }

    @Override
    public synchronized CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
        text.append(data);
        socket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
        closeCode.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket socket, Throwable error) {
        closeCode.completeExceptionally(error);
    }

    synchronized byte[] binary() {
        return binary.toByteArray();
    }

    synchronized String text() {
        return text.toString();
    }

    synchronized String binaryAsText() {
        return binary.toString(StandardCharsets.UTF_8);
    }

    boolean isClosed() {
        return closeCode.isDone();
    }

    /** The close code the other side sent (fails if the socket broke instead). */
    CompletableFuture<Integer> closeCode() {
        return closeCode;
    }
}
