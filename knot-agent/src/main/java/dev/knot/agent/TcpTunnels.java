package dev.knot.agent;

import io.undertow.util.AttachmentKey;
import io.undertow.websockets.WebSocketConnectionCallback;
import io.undertow.websockets.core.AbstractReceiveListener;
import io.undertow.websockets.core.CloseMessage;
import io.undertow.websockets.core.StreamSourceFrameChannel;
import io.undertow.websockets.core.WebSocketCallback;
import io.undertow.websockets.core.WebSocketChannel;
import io.undertow.websockets.core.WebSockets;
import io.undertow.websockets.spi.WebSocketHttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xnio.IoUtils;

/**
 * Websocket ↔ TCP tunnels to 127.0.0.1 (reference §7.2): raw bytes travel in binary frames both ways, a text frame
 * closes the tunnel, and closing either side closes the other. After 10 s without bytes from the socket an empty
 * binary frame goes out as a keepalive, as in the original.
 *
 * <p>Sockets are plain blocking ones, so they are connected, read and written on this class's own threads, never on
 * Undertow's IO threads (nor its worker pool, which long-lived reads would starve). Frames from the websocket are
 * written one at a time: receiving pauses until a frame is on the socket, so a slow service slows the sender down
 * instead of filling memory.
 */
final class TcpTunnels implements WebSocketConnectionCallback, AutoCloseable {
    /** The port the route checked, put on the exchange before the websocket handshake. */
    static final AttachmentKey<Integer> PORT = AttachmentKey.create(Integer.class);
    /** The largest websocket message accepted; a bigger one closes the tunnel (1009). */
    static final int MAX_MESSAGE_BYTES = 1024 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(TcpTunnels.class);
    private static final int CONNECT_TIMEOUT_MILLIS = 10_000;
    private static final int KEEPALIVE_MILLIS = 10_000;
    private static final int READ_CHUNK = 16 * 1024;

    private final ExecutorService threads;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();

    TcpTunnels() {
        AtomicInteger count = new AtomicInteger();
        this.threads = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "tcp-tunnel-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public void onConnect(WebSocketHttpExchange exchange, WebSocketChannel channel) {
        Integer port = exchange.getAttachment(PORT);
        if (port == null) {
            // Only reachable when a route forgot to check the port: refuse rather than guess one.
            close(channel, CloseMessage.UNEXPECTED_ERROR, "no port");
            return;
        }
        run(channel, () -> open(port, channel));
    }

    @Override
    public void close() {
        threads.shutdownNow();
        for (Socket socket : open) {
            IoUtils.safeClose(socket);
        }
    }

    private void open(int port, WebSocketChannel channel) {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress("127.0.0.1", port), CONNECT_TIMEOUT_MILLIS);
            socket.setSoTimeout(KEEPALIVE_MILLIS);
        }
        catch (IOException unreachable) {
            LOG.info("tcp tunnel: cannot connect to port {}: {}", port, unreachable.getMessage());
            IoUtils.safeClose(socket);
            close(channel, CloseMessage.UNEXPECTED_ERROR, "cannot connect to port " + port);
            return;
        }
        open.add(socket);
        channel.addCloseTask(closed -> closeSocket(socket));
        if (!channel.isOpen()) {
            closeSocket(socket);
            return;
        }
        OutputStream toService;
        InputStream fromService;
        try {
            toService = socket.getOutputStream();
            fromService = socket.getInputStream();
        }
        catch (IOException broken) {
            closeSocket(socket);
            close(channel, CloseMessage.UNEXPECTED_ERROR, "socket failed");
            return;
        }
        channel.getReceiveSetter().set(new FramesToSocket(socket, toService));
        channel.resumeReceives();
        copySocketToFrames(socket, fromService, channel);
    }

    private void copySocketToFrames(Socket socket, InputStream fromService, WebSocketChannel channel) {
        byte[] buffer = new byte[READ_CHUNK];
        try {
            int read;
            while ((read = readOrKeepAlive(fromService, buffer, channel)) >= 0) {
                WebSockets.sendBinaryBlocking(ByteBuffer.wrap(buffer, 0, read), channel);
            }
            close(channel, CloseMessage.NORMAL_CLOSURE, "connection closed");
        }
        catch (IOException websocketBroke) {
            IoUtils.safeClose(channel);
        }
        closeSocket(socket);
    }

    /**
     * The next bytes from the service (-1 when it closed the connection or the socket was closed because the
     * websocket went away); sends an empty frame whenever the service stays quiet for a while.
     */
    private static int readOrKeepAlive(InputStream fromService, byte[] buffer, WebSocketChannel channel)
            throws IOException {
        while (true) {
            try {
                return fromService.read(buffer);
            }
            catch (SocketTimeoutException quiet) {
                WebSockets.sendBinaryBlocking(ByteBuffer.allocate(0), channel);
            }
            catch (IOException closed) {
                return -1;
            }
        }
    }

    private void closeSocket(Socket socket) {
        open.remove(socket);
        IoUtils.safeClose(socket);
    }

    private void run(WebSocketChannel channel, Runnable task) {
        try {
            threads.execute(task);
        }
        catch (RejectedExecutionException stopping) {
            IoUtils.safeClose(channel);
        }
    }

    private static void close(WebSocketChannel channel, int code, String reason) {
        WebSockets.sendClose(new CloseMessage(code, reason), channel, new WebSocketCallback<Void>() {
            @Override
            public void complete(WebSocketChannel closing, Void context) {
                IoUtils.safeClose(closing);
            }

            @Override
            public void onError(WebSocketChannel closing, Void context, Throwable throwable) {
                IoUtils.safeClose(closing);
            }
        });
    }

    /** Writes binary frames to the socket, one at a time; a text frame ends the tunnel. */
    private final class FramesToSocket extends AbstractReceiveListener {
        private final Socket socket;
        private final OutputStream toService;

        FramesToSocket(Socket socket, OutputStream toService) {
            this.socket = socket;
            this.toService = toService;
        }

        @Override
        protected void onBinary(WebSocketChannel channel, StreamSourceFrameChannel frames) {
            BoundedMessageReader.read(frames, MAX_MESSAGE_BYTES, payload -> write(channel, payload));
        }

        @Override
        protected void onText(WebSocketChannel channel, StreamSourceFrameChannel frames) {
            // The socket follows when the websocket has closed (its close task).
            close(channel, CloseMessage.NORMAL_CLOSURE, "text frame");
        }

        @Override
        protected void onError(WebSocketChannel channel, Throwable error) {
            closeSocket(socket);
            super.onError(channel, error);
        }

        private void write(WebSocketChannel channel, byte[] payload) {
            if (payload.length == 0) {
                return;
            }
            channel.suspendReceives();
            run(channel, () -> {
                try {
                    toService.write(payload);
                    toService.flush();
                    channel.resumeReceives();
                }
                catch (IOException broken) {
                    closeSocket(socket);
                    close(channel, CloseMessage.NORMAL_CLOSURE, "connection closed");
                }
            });
        }
    }
}
