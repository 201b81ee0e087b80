package dev.knot.app.dns;

import static java.util.Objects.requireNonNull;

/** Where a service answers, as an SRV lookup found it: an address (not a name) and a port. */
public record ServiceAddress(String host, int port) {
    public ServiceAddress {
        requireNonNull(host, "host is null");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host is blank");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be between 1 and 65535: " + port);
        }
    }

    /** "host:port", with an IPv6 address in brackets, as Redis host entries are written. */
    public String hostAndPort() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
