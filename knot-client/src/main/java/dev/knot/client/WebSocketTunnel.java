package dev.knot.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One byte stream carried over a websocket, in the original's protocol (its util/copier.go): raw bytes in binary
 * frames both ways; an empty binary frame is a keepalive and carries nothing; a text frame or a close ends the tunnel.
 *
 * <p>Flow control: the next frame is asked for ({@link WebSocket#request}) only once the previous one has been written
 * to the sink, on a writer thread of the tunnel's own, so a slow sink slows the sender down instead of filling memory,
 * and the HTTP client's threads never block. Sends are chained one after the other; the pump waits for each, so a slow
 * server slows the source down.
 */
final class WebSocketTunnel implements WebSocket.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(WebSocketTunnel.class);
    private static final int CHUNK_BYTES = 32 * 1024;
    /** After our close, how long the server has to answer with its own before the connection is dropped. */
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(5);
    private static final int POLICY_VIOLATION = 1008;

    private final OutputStream sink;
    private final ExecutorService writer;
    private final CompletableFuture<Void> ended = new CompletableFuture<>();
    private final Object sendLock = new Object();
    /** The last send, which the next one waits for; guarded by sendLock. */
    private CompletableFuture<WebSocket> lastSend;
    private volatile WebSocket socket;
    private volatile ScheduledFuture<?> keepalive;

    private WebSocketTunnel(OutputStream sink) {
        this.sink = sink;
        this.writer = Executors.newSingleThreadExecutor(runnable -> daemon(runnable, "knot-tunnel-writer"));
    }

    /**
     * Opens the tunnel: what arrives is written to {@code sink}; feed it with {@link #pumpFrom}.
     *
     * @param keepaliveInterval how often an empty frame is sent, so proxies and the server's idle timeout do not cut
     *     a quiet tunnel
     * @throws TunnelRefusedException when the server answers the handshake with an error status
     * @throws ClientException when the server cannot be reached
     */
    static WebSocketTunnel open(KnotServer server, String token, TunnelTarget target, OutputStream sink,
            ScheduledExecutorService scheduler, Duration keepaliveInterval) {
        WebSocketTunnel tunnel = new WebSocketTunnel(sink);
        try {
            // Completes after onOpen, which gives the tunnel its websocket.
            server.http().newWebSocketBuilder()
                    .header("Authorization", "Bearer " + token)
                    .connectTimeout(KnotServer.CONNECT_TIMEOUT)
                    .buildAsync(server.address().webSocket(target.path()), tunnel)
                    .get();
        } catch (ExecutionException failure) {
            tunnel.writer.shutdownNow();
            Throwable cause = Failures.unwrap(failure);
            if (cause instanceof WebSocketHandshakeException refused) {
                int status = refused.getResponse().statusCode();
                throw new TunnelRefusedException(status, refusal(status, server, target));
            }
            throw Failures.unreachable(server.address(), cause);
        } catch (InterruptedException interrupted) {
            tunnel.writer.shutdownNow();
            Thread.currentThread().interrupt();
            throw new ClientException("interrupted while opening the tunnel to the " + target.description());
        }
        long interval = keepaliveInterval.toMillis();
        try {
            tunnel.keepalive = scheduler.scheduleWithFixedDelay(tunnel::sendKeepalive, interval, interval,
                    TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            tunnel.close();
            throw new ClientException("the tunnel to the " + target.description() + " was opened while stopping");
        }
        return tunnel;
    }

    private static String refusal(int status, KnotServer server, TunnelTarget target) {
        return switch (status) {
            case 401 -> KnotApi.refusedToken(server.address());
            case 403 -> "the server does not let this token use the " + target.description() + " (403 Forbidden)";
            case 404 -> "the server has no " + target.description() + " for this user: no such space, it is not"
                    + " running, or it does not serve that (404 Not Found)";
            default -> "the server refused the tunnel to the " + target.description() + " with status " + status;
        };
    }

    /** Completes when the tunnel has ended, from either side; exceptionally if it broke. */
    CompletableFuture<Void> ended() {
        return ended;
    }

    /**
     * Sends what {@code source} gives until it ends, then closes the websocket and waits a little for the server's
     * close. Blocks: run it on a thread of its own.
     */
    void pumpFrom(InputStream source) {
        byte[] buffer = new byte[CHUNK_BYTES];
        try {
            int read;
            while (!ended.isDone() && (read = source.read(buffer)) >= 0) {
                if (read > 0) {
                    send(Arrays.copyOf(buffer, read));
                }
            }
        } catch (IOException | ExecutionException failure) {
            if (!ended.isDone()) {
                LOG.debug("tunnel input ended with an error", failure);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        closeAndAwaitServer();
    }

    /** Ends the tunnel now, from our side. */
    void close() {
        stopKeepalive();
        WebSocket current = socket;
        if (current != null) {
            current.abort();
        }
        finishAfterWrites(null);
    }

    private void send(byte[] chunk) throws ExecutionException, InterruptedException {
        CompletableFuture<WebSocket> sent;
        synchronized (sendLock) {
            sent = lastSend.thenCompose(ws -> ws.sendBinary(ByteBuffer.wrap(chunk), true));
            lastSend = sent;
        }
        // Whichever comes first: a tunnel that ended must not leave the pump waiting for a send that never completes.
        CompletableFuture.anyOf(sent, ended).get();
        if (sent.isCompletedExceptionally()) {
            sent.get();
        }
    }

    private void sendKeepalive() {
        synchronized (sendLock) {
            // Only between sends: a send in flight already keeps the connection busy.
            if (!ended.isDone() && lastSend.isDone() && !lastSend.isCompletedExceptionally()) {
                lastSend = lastSend.thenCompose(ws -> ws.sendBinary(ByteBuffer.allocate(0), true));
            }
        }
    }

    private void closeAndAwaitServer() {
        stopKeepalive();
        if (!ended.isDone()) {
            sendClose();
            try {
                ended.get(CLOSE_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException | ExecutionException notCleanly) {
                LOG.debug("the server did not close the tunnel cleanly", notCleanly);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        close();
    }

    /** Queues our close after whatever is being sent, so it never overtakes data. */
    private void sendClose() {
        synchronized (sendLock) {
            lastSend = lastSend.thenCompose(ws -> ws.sendClose(WebSocket.NORMAL_CLOSURE, ""));
        }
    }

    private void stopKeepalive() {
        ScheduledFuture<?> current = keepalive;
        if (current != null) {
            current.cancel(false);
        }
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        socket = webSocket;
        synchronized (sendLock) {
            lastSend = CompletableFuture.completedFuture(webSocket);
        }
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        if (!data.hasRemaining()) {
            // A keepalive (or an empty fragment): nothing to write.
            webSocket.request(1);
            return null;
        }
        byte[] bytes = new byte[data.remaining()];
        data.get(bytes);
        try {
            writer.execute(() -> {
                try {
                    sink.write(bytes);
                    sink.flush();
                    webSocket.request(1);
                } catch (IOException failure) {
                    LOG.debug("tunnel output failed", failure);
                    stopKeepalive();
                    webSocket.abort();
                    ended.completeExceptionally(failure);
                }
            });
        } catch (RejectedExecutionException alreadyEnded) {
            LOG.debug("a frame arrived after the tunnel ended");
        }
        return null;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        // The protocol has no text: the original ends the tunnel on anything but binary.
        stopKeepalive();
        sendClose();
        finishAfterWrites(null);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        stopKeepalive();
        // 1008: the server ended the tunnel on purpose (the token or session ended, or access to the space did);
        // the user is told why rather than seeing the connection just close.
        finishAfterWrites(statusCode == POLICY_VIOLATION ? new TunnelEndedException(reason) : null);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        stopKeepalive();
        finishAfterWrites(error);
    }

    /** Ends the tunnel once the frames that arrived before have been written out. */
    private void finishAfterWrites(Throwable error) {
        try {
            writer.execute(() -> {
                try {
                    sink.flush();
                } catch (IOException ignored) {
                    LOG.debug("flushing the tunnel output failed", ignored);
                }
                if (error == null) {
                    ended.complete(null);
                } else {
                    ended.completeExceptionally(error);
                }
            });
            writer.shutdown();
        } catch (RejectedExecutionException alreadyEnded) {
            // The writer was shut down by an earlier end; that end is the one that counts.
            if (error != null) {
                ended.completeExceptionally(error);
            } else {
                ended.complete(null);
            }
        }
    }

    static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }
}
