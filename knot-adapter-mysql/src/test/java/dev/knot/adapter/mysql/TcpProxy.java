package dev.knot.adapter.mysql;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback TCP forwarder between the pool and the database server, which a test can cut (every connection
 * closed, new ones refused at once, as when the server is gone) and restore, without touching the shared server.
 */
final class TcpProxy implements AutoCloseable {
    private final String targetHost;
    private final int targetPort;
    private final ServerSocket listener;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile boolean cut;

    TcpProxy(String targetHost, int targetPort) throws IOException {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptConnections, "tcp-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Closes every forwarded connection; from now on each new one is closed as soon as it is accepted. */
    void cut() {
        cut = true;
        open.forEach(TcpProxy::closeQuietly);
        open.clear();
    }

    void restore() {
        cut = false;
    }

    @Override
    public void close() {
        cut();
        closeQuietly(listener);
    }

    private void acceptConnections() {
        while (!listener.isClosed()) {
            try {
                forward(listener.accept());
            } catch (IOException stopped) {
                // The listener was closed.
            }
        }
    }

    private void forward(Socket client) {
        if (cut) {
            closeQuietly(client);
            return;
        }
        try {
            Socket server = new Socket(targetHost, targetPort);
            open.add(client);
            open.add(server);
            pump(client, server);
            pump(server, client);
        } catch (IOException refused) {
            closeQuietly(client);
        }
    }

    private void pump(Socket from, Socket to) {
        Thread pump = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream input = from.getInputStream();
                    OutputStream output = to.getOutputStream()) {
                for (int read = input.read(buffer); read >= 0; read = input.read(buffer)) {
                    output.write(buffer, 0, read);
                }
            } catch (IOException closed) {
                // One side went away; closing both ends tells the other side.
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "tcp-proxy-pump");
        pump.setDaemon(true);
        pump.start();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // Already closed.
        }
    }
}
