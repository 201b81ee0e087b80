package dev.knot.client;

import static java.util.Objects.requireNonNull;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;

/**
 * `knot forward ssh`: one tunnel between a pair of streams (standard input and output, when ssh runs it as its
 * ProxyCommand) and a space. It ends when either side does.
 */
public final class StreamForwarder {
    private final KnotServer server;
    private final String token;
    private final Duration keepaliveInterval;

    public StreamForwarder(KnotServer server, String token) {
        this(server, token, Keepalives.DEFAULT_INTERVAL);
    }

    StreamForwarder(KnotServer server, String token, Duration keepaliveInterval) {
        this.server = requireNonNull(server, "server is null");
        this.token = requireNonNull(token, "token is null");
        this.keepaliveInterval = requireNonNull(keepaliveInterval, "keepaliveInterval is null");
    }

    /**
     * Blocks until the tunnel ends. When the server ends it first, the thread reading {@code in} may stay blocked in
     * its read (standard input cannot be interrupted); it is a daemon thread and does not keep the process alive.
     *
     * @throws TunnelRefusedException when the server refuses the tunnel
     * @throws ClientException when the server cannot be reached or the tunnel breaks
     */
    public void run(TunnelTarget target, InputStream in, OutputStream out) {
        requireNonNull(target, "target is null");
        requireNonNull(in, "in is null");
        requireNonNull(out, "out is null");
        ScheduledExecutorService keepalives = Keepalives.scheduler();
        try {
            WebSocketTunnel tunnel = WebSocketTunnel.open(server, token, target, out, keepalives, keepaliveInterval);
            WebSocketTunnel.daemon(() -> tunnel.pumpFrom(in), "knot-tunnel-input").start();
            try {
                tunnel.ended().get();
            } finally {
                tunnel.close();
            }
        } catch (ExecutionException broken) {
            Throwable cause = Failures.unwrap(broken);
            if (cause instanceof TunnelEndedException endedByServer) {
                throw endedByServer;
            }
            throw new ClientException("the tunnel to the " + target.description() + " broke: "
                    + cause.getMessage(), broken);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } finally {
            keepalives.shutdownNow();
        }
    }
}
