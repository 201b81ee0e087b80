package dev.knot.client;

import java.net.InetSocketAddress;

/**
 * Where `knot forward port` listens: {@code host:port}, {@code [v6]:port}, or a bare {@code port} (or {@code :port}),
 * which means 127.0.0.1: only this machine can use the tunnel unless the user names another address. The original
 * listened on every interface for a bare port.
 */
public record ListenAddress(String host, int port) {
    static final String LOOPBACK = "127.0.0.1";

    public ListenAddress {
        if (host == null || host.isBlank()) {
            throw new ClientException("the listen address has no host");
        }
        if (port < 0 || port > 65_535) {
            throw new ClientException("the listen port must be 0..65535, got " + port);
        }
    }

    /** @throws ClientException when {@code text} is not one of the forms above */
    public static ListenAddress parse(String text) {
        String trimmed = text.strip();
        int colon = trimmed.lastIndexOf(':');
        String host = colon < 0 ? "" : trimmed.substring(0, colon);
        String port = trimmed.substring(colon + 1);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.contains(":")) {
            throw new ClientException("not a listen address: \"" + text + "\" (write an IPv6 address as [::1]:8080)");
        }
        return new ListenAddress(host.isEmpty() ? LOOPBACK : host, parsePort(port, text));
    }

    private static int parsePort(String port, String text) {
        try {
            return Integer.parseInt(port);
        } catch (NumberFormatException notANumber) {
            throw new ClientException("not a listen address: \"" + text + "\" (expected port, host:port or"
                    + " [v6]:port)");
        }
    }

    InetSocketAddress socketAddress() {
        return new InetSocketAddress(host, port);
    }

    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
