package dev.knot.adapter.mysql;

import static java.util.Objects.requireNonNull;

import java.net.InetSocketAddress;
import java.util.function.Supplier;

/** The endpoint of a configuration that names its server directly: always the same host and port. */
record FixedEndpoint(String host, int port) implements Supplier<InetSocketAddress> {
    FixedEndpoint {
        requireNonNull(host, "host is null");
    }

    /** Unresolved: Connector/J looks the name up itself, at each connection. */
    @Override
    public InetSocketAddress get() {
        return InetSocketAddress.createUnresolved(host, port);
    }

    @Override
    public String toString() {
        return (host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host) + ":" + port;
    }
}
