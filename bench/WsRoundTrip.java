import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * The websocket part of the proxy benchmark (bench/proxy.sh runs it from source, `java bench/WsRoundTrip.java`; JDK
 * only). Two modes:
 *
 * <ul>
 *   <li>{@code echo <port>}: a minimal RFC 6455 echo server on 127.0.0.1 (one thread per connection; every data
 *       frame is sent back as it came, unmasked; pings are answered, a close is returned). A request without an
 *       upgrade gets {@code 200 ok}, so a proxy's plain HTTP check reaches it too.</li>
 *   <li>{@code client <ws-url> <warm-up> <count> <bytes> [bearer]}: one websocket (the JDK's
 *       {@code java.net.http.WebSocket}), then {@code warm-up} unmeasured and {@code count} measured round trips,
 *       strictly one after the other: send a text message of {@code bytes} bytes, wait for its echo, check it. Prints
 *       one line {@code RESULT <count> <p50 µs> <p99 µs> <mean µs> <round trips/s>}. A host that does not resolve
 *       (a wildcard-domain name) is given to the JVM by {@code -Djdk.net.hosts.file}, so the client sends the real
 *       {@code Host} header, as a browser would.</li>
 * </ul>
 */
public final class WsRoundTrip {
    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("echo")) {
            echo(Integer.parseInt(args[1]));
        } else if ((args.length == 5 || args.length == 6) && args[0].equals("client")) {
            client(URI.create(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]),
                    Integer.parseInt(args[4]), args.length == 6 ? args[5] : null);
        } else {
            System.err.println("usage: WsRoundTrip echo <port> | client <ws-url> <warm-up> <count> <bytes> [bearer]");
            System.exit(2);
        }
    }

    // ---------------------------------------------------------------- echo server

    private static void echo(int port) throws IOException {
        try (ServerSocket server = new ServerSocket(port, 128, InetAddress.getLoopbackAddress())) {
            while (true) {
                Socket socket = server.accept();
                socket.setTcpNoDelay(true);
                Thread thread = new Thread(() -> serve(socket), "echo-" + socket.getPort());
                thread.setDaemon(true);
                thread.start();
            }
        }
    }

    private static void serve(Socket socket) {
        try (socket) {
            DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
            OutputStream out = socket.getOutputStream();
            while (true) { // plain HTTP requests on one keep-alive connection, until an upgrade
                String head = readHead(in);
                if (head == null) {
                    return;
                }
                String key = header(head, "sec-websocket-key");
                if (key == null) {
                    out.write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 3\r\n\r\nok\n"
                            .getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    continue;
                }
                String accept = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1")
                        .digest((key.trim() + GUID).getBytes(StandardCharsets.US_ASCII)));
                out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                        + "Sec-WebSocket-Accept: " + accept + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                echoFrames(in, out);
                return;
            }
        } catch (Exception ended) {
            // the peer went away; nothing to report for a benchmark backend
        }
    }

    private static void echoFrames(DataInputStream in, OutputStream out) throws IOException {
        while (true) {
            int first = in.readUnsignedByte();
            int second = in.readUnsignedByte();
            int opcode = first & 0x0F;
            long length = second & 0x7F;
            if (length == 126) {
                length = in.readUnsignedShort();
            } else if (length == 127) {
                length = in.readLong();
            }
            if (length > 1 << 20) {
                throw new IOException("frame too large for the echo server: " + length);
            }
            byte[] mask = new byte[4];
            if ((second & 0x80) != 0) {
                in.readFully(mask);
            }
            byte[] payload = new byte[(int) length];
            in.readFully(payload);
            for (int i = 0; i < payload.length; i++) {
                payload[i] ^= mask[i & 3];
            }
            switch (opcode) {
                case 0x8 -> { // close: answer it and end
                    writeFrame(out, 0x80 | 0x8, payload);
                    return;
                }
                case 0x9 -> writeFrame(out, 0x80 | 0xA, payload); // ping → pong
                case 0xA -> { } // unsolicited pong
                default -> writeFrame(out, first, payload); // text, binary, continuation: as they came
            }
        }
    }

    private static void writeFrame(OutputStream out, int first, byte[] payload) throws IOException {
        ByteArrayOutputStream frame = new ByteArrayOutputStream(payload.length + 10);
        frame.write(first);
        if (payload.length < 126) {
            frame.write(payload.length);
        } else if (payload.length < 65536) {
            frame.write(126);
            frame.write(payload.length >>> 8);
            frame.write(payload.length);
        } else {
            frame.write(127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                frame.write((int) ((long) payload.length >>> shift));
            }
        }
        frame.write(payload);
        out.write(frame.toByteArray());
        out.flush();
    }

    /** The request line and headers, or null at the end of the stream. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
            if (head.size() > 65536) {
                throw new IOException("request head too large");
            }
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private static String header(String head, String name) {
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- client

    private static void client(URI uri, int warmUp, int count, int bytes, String bearer) throws Exception {
        EchoListener listener = new EchoListener();
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder()
                .connectTimeout(java.time.Duration.ofSeconds(10));
        if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer);
        }
        WebSocket socket = builder.buildAsync(uri, listener).get(10, TimeUnit.SECONDS);
        char[] text = new char[bytes];
        for (int i = 0; i < bytes; i++) {
            text[i] = (char) ('a' + i % 26);
        }
        String message = new String(text);
        for (int i = 0; i < warmUp; i++) {
            roundTrip(socket, listener, message);
        }
        long[] micros = new long[count];
        long started = System.nanoTime();
        for (int i = 0; i < count; i++) {
            micros[i] = roundTrip(socket, listener, message) / 1000;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
        Arrays.sort(micros);
        System.out.printf(Locale.ROOT, "RESULT %d %d %d %.0f %.0f%n", count, percentile(micros, 50),
                percentile(micros, 99), Arrays.stream(micros).average().orElse(0), count / seconds);
    }

    /** Nanoseconds from sending {@code message} to receiving all of its echo. */
    private static long roundTrip(WebSocket socket, EchoListener listener, String message) throws Exception {
        CompletableFuture<String> echoed = listener.expect();
        long sent = System.nanoTime();
        socket.sendText(message, true).get(10, TimeUnit.SECONDS);
        String answer = echoed.get(10, TimeUnit.SECONDS);
        long elapsed = System.nanoTime() - sent;
        if (!answer.equals(message)) {
            throw new IllegalStateException("the echo differs from what was sent");
        }
        return elapsed;
    }

    private static long percentile(long[] sorted, int percent) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percent / 100.0 * sorted.length) - 1)];
    }

    /** Collects one whole text message per {@link #expect()}. */
    private static final class EchoListener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();
        private volatile CompletableFuture<String> next = new CompletableFuture<>();

        CompletableFuture<String> expect() {
            next = new CompletableFuture<>();
            return next;
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                next.complete(partial.toString());
                partial.setLength(0);
            }
            socket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket socket, int status, String reason) {
            next.completeExceptionally(new IOException("closed by the peer: " + status + " " + reason));
            return null;
        }

        @Override
        public void onError(WebSocket socket, Throwable error) {
            next.completeExceptionally(error);
        }
    }
}
