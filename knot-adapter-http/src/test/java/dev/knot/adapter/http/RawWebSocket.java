package dev.knot.adapter.http;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A websocket client on a plain socket, for handshakes with any {@code Host} and headers a browser would send
 * (the JDK's client will not set {@code Host}): the handshake, then unfragmented text messages.
 */
final class RawWebSocket implements AutoCloseable {
    private static final int READ_TIMEOUT_MILLIS = 20_000;

    private final Socket socket;
    private final DataInputStream in;
    private final String statusLine;

    /** Sends the handshake for {@code path} on {@code host} with the extra header lines, and reads the answer's head. */
    RawWebSocket(InetSocketAddress server, String host, String path, String... headerLines) throws IOException {
        socket = new Socket();
        socket.connect(server, READ_TIMEOUT_MILLIS);
        socket.setSoTimeout(READ_TIMEOUT_MILLIS);
        StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\n"
                + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(randomBytes(16)) + "\r\n");
        for (String line : headerLines) {
            request.append(line).append("\r\n");
        }
        socket.getOutputStream().write(request.append("\r\n").toString().getBytes(ISO_8859_1));
        in = new DataInputStream(socket.getInputStream());
        statusLine = readHead();
    }

    /** E.g. {@code HTTP/1.1 101 Switching Protocols}. */
    String statusLine() {
        return statusLine;
    }

    void sendText(String text) throws IOException {
        byte[] payload = text.getBytes(UTF_8);
        byte[] mask = randomBytes(4);
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write(0x81);
        if (payload.length < 126) {
            frame.write(0x80 | payload.length);
        } else {
            frame.write(0x80 | 126);
            frame.write(payload.length >>> 8);
            frame.write(payload.length & 0xff);
        }
        frame.write(mask);
        for (int index = 0; index < payload.length; index++) {
            frame.write(payload[index] ^ mask[index % 4]);
        }
        OutputStream out = socket.getOutputStream();
        out.write(frame.toByteArray());
        out.flush();
    }

    /** The next text message; fails on any other frame. */
    String readText() throws IOException {
        int opcode = in.readUnsignedByte() & 0x0f;
        int length = in.readUnsignedByte() & 0x7f;
        if (length == 126) {
            length = in.readUnsignedShort();
        } else if (length == 127) {
            throw new IOException("a message too large for this test client");
        }
        byte[] payload = new byte[length];
        in.readFully(payload);
        if (opcode != 0x1) {
            throw new IOException("expected a text frame, got opcode " + opcode);
        }
        return new String(payload, UTF_8);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private String readHead() throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(ISO_8859_1).endsWith("\r\n\r\n")) {
            head.write(in.readUnsignedByte());
        }
        String text = head.toString(ISO_8859_1);
        return text.substring(0, text.indexOf("\r\n"));
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
