package dev.knot.app;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * HTTP/1.1 GETs written by hand, because the JDK's client will not send a Host header of our choosing: a browser
 * asking knot for a space's host name, which in these tests does not resolve, so every request goes to 127.0.0.1.
 */
final class RawHttp {
    private RawHttp() {}

    /** A response: status, headers (names lower-case) and body. */
    record Response(int status, List<Map.Entry<String, String>> headers, String body) {
        Optional<String> header(String name) {
            return headers.stream().filter(entry -> entry.getKey().equals(name.toLowerCase(Locale.ROOT)))
                    .map(Map.Entry::getValue).findFirst();
        }

        List<String> all(String name) {
            return headers.stream().filter(entry -> entry.getKey().equals(name.toLowerCase(Locale.ROOT)))
                    .map(Map.Entry::getValue).toList();
        }
    }

    static Response get(int port, String host, String target, Map<String, String> headers) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            StringBuilder request = new StringBuilder("GET " + target + " HTTP/1.1\r\nHost: " + host + "\r\n");
            headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
            request.append("Connection: close\r\n\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(UTF_8));
            out.flush();
            return parse(socket.getInputStream());
        } catch (IOException failure) {
            throw new UncheckedIOException("GET " + target + " on " + host, failure);
        }
    }

    private static Response parse(InputStream in) throws IOException {
        String head = readHead(in);
        String[] lines = head.split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (int index = 1; index < lines.length; index++) {
            int colon = lines[index].indexOf(':');
            headers.add(Map.entry(lines[index].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    lines[index].substring(colon + 1).trim()));
        }
        boolean chunked = headers.stream().anyMatch(entry -> entry.getKey().equals("transfer-encoding")
                && entry.getValue().equalsIgnoreCase("chunked"));
        byte[] raw = in.readAllBytes();
        return new Response(status, headers, new String(chunked ? dechunk(raw) : raw, UTF_8));
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int next = in.read();
            if (next < 0) {
                throw new IOException("connection closed in the response head");
            }
            head.write(next);
            matched = (next == "\r\n\r\n".charAt(matched)) ? matched + 1 : (next == '\r' ? 1 : 0);
        }
        return head.toString(ISO_8859_1).trim();
    }

    private static byte[] dechunk(byte[] raw) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int position = 0;
        while (position < raw.length) {
            int lineEnd = indexOf(raw, position);
            int size = Integer.parseInt(new String(raw, position, lineEnd - position, ISO_8859_1).split(";")[0].trim(), 16);
            if (size == 0) {
                break;
            }
            body.write(raw, lineEnd + 2, size);
            position = lineEnd + 2 + size + 2;
        }
        return body.toByteArray();
    }

    private static int indexOf(byte[] raw, int from) {
        for (int index = from; index + 1 < raw.length; index++) {
            if (raw[index] == '\r' && raw[index + 1] == '\n') {
                return index;
            }
        }
        throw new IllegalStateException("malformed chunked body");
    }
}
