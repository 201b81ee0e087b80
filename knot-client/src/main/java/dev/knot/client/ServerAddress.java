package dev.knot.client;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Where a knot server is, as the user gave it ({@code knot.example.com}, {@code https://knot.example.com:3000/}):
 * without a scheme, https is meant. Paths of the API and of the websockets are resolved against it.
 */
public final class ServerAddress {
    private final URI base;

    private ServerAddress(URI base) {
        this.base = base;
    }

    /**
     * @throws ClientException when {@code text} is not an http(s) URL with a host
     */
    public static ServerAddress parse(String text) {
        requireNonNull(text, "text is null");
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            throw new ClientException("the server address is empty");
        }
        String withScheme = trimmed.contains("://") ? trimmed : "https://" + trimmed;
        URI uri;
        try {
            uri = new URI(withScheme);
        } catch (URISyntaxException invalid) {
            throw new ClientException("not a server address: \"" + trimmed + "\" (" + invalid.getReason() + ")");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new ClientException("not a server address: \"" + trimmed + "\" (the scheme must be https or http)");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawQuery() != null
                || uri.getRawFragment() != null) {
            throw new ClientException("not a server address: \"" + trimmed
                    + "\" (expected https://host[:port][/path], with no user, query or fragment)");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return new ServerAddress(URI.create(scheme + "://" + uri.getRawAuthority() + path));
    }

    /** The server's URL: https or http, the host and port, and a path prefix if it has one; no trailing slash. */
    public URI uri() {
        return base;
    }

    /** {@code path} (starting with a slash, already escaped) under the server's URL. */
    URI resolve(String path) {
        return URI.create(base + path);
    }

    /** The websocket URL of {@code path}: ws for http, wss for https. */
    URI webSocket(String path) {
        String scheme = base.getScheme().equals("https") ? "wss" : "ws";
        return URI.create(scheme + base.toString().substring(base.getScheme().length()) + path);
    }

    /** {@code segment} escaped for one path segment: everything but RFC 3986's unreserved characters is %XX. */
    static String escapeSegment(String segment) {
        StringBuilder escaped = new StringBuilder();
        for (byte b : segment.getBytes(UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                escaped.append((char) c);
            } else {
                escaped.append('%').append(String.format(Locale.ROOT, "%02X", c));
            }
        }
        return escaped.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ServerAddress address && address.base.equals(base);
    }

    @Override
    public int hashCode() {
        return base.hashCode();
    }

    @Override
    public String toString() {
        return base.toString();
    }
}
