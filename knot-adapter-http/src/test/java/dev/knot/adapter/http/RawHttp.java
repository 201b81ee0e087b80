package dev.knot.adapter.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/** A plain socket, for requests no well-behaved client would send: too large, too slow, cut short. */
final class RawHttp implements AutoCloseable {
    /** Long past every timeout the tests configure; reaching it means the server never closed the connection. */
    private static final int READ_TIMEOUT_MILLIS = 10_000;

    private final Socket socket;

    RawHttp(InetSocketAddress address) throws IOException {
        socket = new Socket();
        socket.connect(address, READ_TIMEOUT_MILLIS);
        socket.setSoTimeout(READ_TIMEOUT_MILLIS);
    }

    void send(String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
    }

    /**
     * Everything the server sends until it closes the connection. A reset counts as closed: a server that refuses a
     * request may close before reading all of it.
     *
     * @throws SocketTimeoutException when the server keeps the connection open
     */
    Reply readUntilClosed() throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int read = in.read(buffer); read != -1; read = in.read(buffer)) {
                received.write(buffer, 0, read);
            }
        } catch (SocketException reset) {
            return new Reply(received.toString(StandardCharsets.ISO_8859_1));
        }
        return new Reply(received.toString(StandardCharsets.ISO_8859_1));
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    record Reply(String text) {
        String statusLine() {
            int end = text.indexOf("\r\n");
            return end < 0 ? text : text.substring(0, end);
        }
    }
}
