package dev.knot.adapter.redis;

import java.net.InetSocketAddress;
import java.util.function.Function;

/** The service lookup of a config that was given none: "srv+" entries cannot be reached. A record, so equal. */
record NoServiceLookup() implements Function<String, InetSocketAddress> {
    @Override
    public InetSocketAddress apply(String name) {
        throw new IllegalStateException("no DNS SRV lookup is configured; give host:port instead");
    }
}
