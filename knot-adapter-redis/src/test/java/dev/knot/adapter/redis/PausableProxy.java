package dev.knot.adapter.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy to the test Redis that can stop answering (it keeps connections open and swallows every byte, as a
 * partitioned network does) and start again (dropping the stalled connections, as a restored network leaves
 * them broken).
 */
final class PausableProxy implements AutoCloseable {
    private final InetSocketAddress upstream;
    private final ServerSocket server;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile boolean answering = true;

    PausableProxy(String upstreamHostAndPort) {
        int colon = upstreamHostAndPort.lastIndexOf(':');
        upstream = new InetSocketAddress(upstreamHostAndPort.substring(0, colon),
                Integer.parseInt(upstreamHostAndPort.substring(colon + 1)));
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException error) {
            throw new UncheckedIOException(error);
        }
        daemon("proxy-accept", this::acceptForever);
    }

    String address() {
        return "127.0.0.1:" + server.getLocalPort();
    }

    void stopAnswering() {
        answering = false;
    }

    void answerAgain() throws IOException {
        answering = true;
        closeConnections();
    }

    @Override
    public void close() throws IOException {
        server.close();
        closeConnections();
    }

    private void acceptForever() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket redis = new Socket(upstream.getAddress(), upstream.getPort());
                sockets.add(client);
                sockets.add(redis);
                daemon("proxy-up", () -> pump(client, redis));
                daemon("proxy-down", () -> pump(redis, client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    /** Copies bytes while answering; while not, reads and drops them, so the sender sees no error and no answer. */
    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                if (answering) {
                    out.write(buffer, 0, read);
                    out.flush();
                }
            }
        } catch (IOException closed) {
            // One side went away; closing both ends lets the other side notice.
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private void closeConnections() {
        for (Socket socket : sockets) {
            closeQuietly(socket);
        }
        sockets.clear();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Already closed is what we wanted.
        }
    }

    private static void daemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }
}
