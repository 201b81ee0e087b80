package dev.knot.adapter.http;

import static java.util.Objects.requireNonNull;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderValues;
import io.undertow.util.HttpString;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Who a request came from. {@code X-Forwarded-For} is anyone's to write, so it is read only when the socket peer is
 * a trusted proxy, and then from the right: the first hop that is not itself a trusted proxy is the client. Anything
 * to its left was written by the client and proves nothing.
 */
final class ClientAddresses {
    private static final HttpString FORWARDED_FOR = new HttpString("X-Forwarded-For");

    private final TrustedProxies trusted;

    ClientAddresses(TrustedProxies trusted) {
        this.trusted = requireNonNull(trusted, "trusted is null");
    }

    String of(HttpServerExchange exchange) {
        InetSocketAddress peer = exchange.getSourceAddress();
        InetAddress client = peer.getAddress();
        if (client == null) {
            return peer.getHostString();
        }
        if (!trusted.contains(client)) {
            return client.getHostAddress();
        }
        List<String> hops = forwardedHops(exchange);
        for (int index = hops.size() - 1; index >= 0; index--) {
            Optional<InetAddress> hop = TrustedProxies.literal(hops.get(index));
            if (hop.isEmpty()) {
                // A hop that is not an address was not written by a proxy we trust; stop at the last one that was.
                break;
            }
            client = hop.get();
            if (!trusted.contains(client)) {
                break;
            }
        }
        return client.getHostAddress();
    }

    private static List<String> forwardedHops(HttpServerExchange exchange) {
        HeaderValues values = exchange.getRequestHeaders().get(FORWARDED_FOR);
        List<String> hops = new ArrayList<>();
        if (values != null) {
            for (String value : values) {
                for (String hop : value.split(",")) {
                    hops.add(hop.trim());
                }
            }
        }
        return hops;
    }
}
