package dev.knot.client;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * `knot forward port`: a local listener whose every connection gets a tunnel of its own to a port of a space. A
 * refused token (401, 403) stops the listener, since every later connection would be refused too; other failures
 * end only the connection they happened on.
 */
public final class PortForwarder implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PortForwarder.class);

    private final KnotServer server;
    private final String token;
    private final TunnelTarget target;
    private final PrintWriter notices;
    private final Duration keepaliveInterval;
    private final ServerSocket listener;
    private final ScheduledExecutorService keepalives = Keepalives.scheduler();
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private final CompletableFuture<Void> stopped = new CompletableFuture<>();
    /**
     * Set before the listener closes: ServerSocket.close() wakes accept() before isClosed() turns true, so the
     * accept loop must not take its own wake-up for a failure (and stop without the refusal that caused it).
     */
    private final AtomicBoolean stopping = new AtomicBoolean();
    /** Why the forwarder stopped, when the server refused the token; read by the accept loop as it ends. */
    private volatile TunnelRefusedException refusal;

    private PortForwarder(KnotServer server, String token, TunnelTarget target, PrintWriter notices,
            Duration keepaliveInterval, ServerSocket listener) {
        this.server = server;
        this.token = token;
        this.target = target;
        this.notices = notices;
        this.keepaliveInterval = keepaliveInterval;
        this.listener = listener;
    }

    /**
     * Binds {@code listen} and starts accepting connections.
     *
     * @param notices where failed connections are reported
     * @throws ClientException when the address cannot be bound
     */
    public static PortForwarder start(KnotServer server, String token, TunnelTarget target, ListenAddress listen,
            PrintWriter notices) {
        return start(server, token, target, listen, notices, Keepalives.DEFAULT_INTERVAL);
    }

    static PortForwarder start(KnotServer server, String token, TunnelTarget target, ListenAddress listen,
            PrintWriter notices, Duration keepaliveInterval) {
        requireNonNull(listen, "listen is null");
        ServerSocket listener;
        try {
            listener = new ServerSocket();
            listener.bind(listen.socketAddress());
        } catch (IOException failure) {
            throw new ClientException("cannot listen on " + listen + ": " + failure.getMessage(), failure);
        }
        PortForwarder forwarder = new PortForwarder(requireNonNull(server, "server is null"),
                requireNonNull(token, "token is null"), requireNonNull(target, "target is null"),
                requireNonNull(notices, "notices is null"), requireNonNull(keepaliveInterval), listener);
        WebSocketTunnel.daemon(forwarder::accept, "knot-forward-accept").start();
        return forwarder;
    }

    /** The address actually bound (its port, when 0 was asked for). */
    public InetSocketAddress localAddress() {
        return (InetSocketAddress) listener.getLocalSocketAddress();
    }

    /**
     * Blocks until the forwarder is closed, or stops because the server refused the token.
     *
     * @throws TunnelRefusedException in the second case
     */
    public void awaitStop() {
        try {
            stopped.get();
        } catch (ExecutionException refused) {
            throw (TunnelRefusedException) refused.getCause();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops listening and ends every open connection. */
    @Override
    public void close() {
        stop(null);
    }

    /**
     * Closes the listener and every connection. {@link #stopped} completes only when the accept loop has ended: a
     * thread blocked in accept() keeps the socket listening until it wakes, and a connection can land in between.
     */
    private void stop(TunnelRefusedException cause) {
        if (!stopping.compareAndSet(false, true)) {
            return;
        }
        refusal = cause;
        try {
            listener.close();
        } catch (IOException ignored) {
            LOG.debug("closing the listener failed", ignored);
        }
        for (Socket connection : connections) {
            closeQuietly(connection);
        }
        keepalives.shutdownNow();
    }

    private void accept() {
        try {
            acceptUntilStopped();
        } finally {
            TunnelRefusedException cause = refusal;
            if (cause == null) {
                stopped.complete(null);
            } else {
                stopped.completeExceptionally(cause);
            }
        }
    }

    private void acceptUntilStopped() {
        while (true) {
            Socket connection;
            try {
                connection = listener.accept();
            } catch (IOException closedOrFailed) {
                if (!stopping.get()) {
                    notices.println("knot: the listener failed: " + closedOrFailed.getMessage());
                    notices.flush();
                    stop(null);
                }
                return;
            }
            // Added before the check: stop() closes what is in the set after it sets the flag, so either it or this
            // check closes a connection that arrives while stopping.
            connections.add(connection);
            if (stopping.get()) {
                closeQuietly(connection);
                connections.remove(connection);
                return;
            }
            WebSocketTunnel.daemon(() -> forward(connection), "knot-forward-" + connection.getPort()).start();
        }
    }

    /** Runs one connection's tunnel, on the connection's own thread (opening the websocket blocks). */
    private void forward(Socket connection) {
        try {
            // Both streams are taken before the tunnel opens: a server that ends the tunnel at once closes the socket
            // (below), and asking for a stream then would fail and hide the server's reason.
            InputStream fromClient = connection.getInputStream();
            WebSocketTunnel tunnel = WebSocketTunnel.open(server, token, target, connection.getOutputStream(),
                    keepalives, keepaliveInterval);
            // The socket's reader is stuck in read() until the socket closes: close it when the server ends first.
            tunnel.ended().whenComplete((ignored, failure) -> closeQuietly(connection));
            tunnel.pumpFrom(fromClient);
            tunnel.ended().exceptionally(failure -> {
                report(connection, Failures.unwrap(failure));
                return null;
            });
        } catch (TunnelRefusedException refused) {
            if (refused.credentialRefused()) {
                notices.println("knot: " + refused.getMessage() + "; stopped listening");
                notices.flush();
                stop(refused);
            } else {
                report(connection, refused);
            }
        } catch (ClientException | IOException failure) {
            report(connection, failure);
        } finally {
            closeQuietly(connection);
            connections.remove(connection);
        }
    }

    private void report(Socket connection, Throwable failure) {
        notices.println("knot: connection from " + connection.getRemoteSocketAddress() + " closed: "
                + failure.getMessage());
        notices.flush();
    }

    private static void closeQuietly(Socket connection) {
        try {
            connection.close();
        } catch (IOException ignored) {
            LOG.debug("closing a connection failed", ignored);
        }
    }
}
