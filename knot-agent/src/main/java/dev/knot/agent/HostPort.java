package dev.knot.agent;

import static java.util.Objects.requireNonNull;

/** A `host:port` pair as written in agent.listen and agent.advertise. */
record HostPort(String host, int port) {
    HostPort {
        requireNonNull(host, "host is null");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0-65535, got " + port);
        }
    }

    /** Parses `host:port` (IPv6 hosts in brackets); throws IllegalArgumentException with a readable message. */
    static HostPort parse(String text) {
        requireNonNull(text, "text is null");
        int colon = text.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("expected host:port, got \"" + text + "\"");
        }
        String host = text.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        try {
            return new HostPort(host, Integer.parseInt(text.substring(colon + 1)));
        }
        catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException("expected host:port, got \"" + text + "\"", notANumber);
        }
    }

    /** True when the host names no particular interface, so nobody else could reach the agent through it. */
    boolean isWildcard() {
        return host.isEmpty() || host.equals("0.0.0.0") || host.equals("::") || host.equals("*");
    }

    @Override
    public String toString() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
