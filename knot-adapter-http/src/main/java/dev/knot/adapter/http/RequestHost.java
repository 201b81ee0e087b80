package dev.knot.adapter.http;

import static java.util.Objects.requireNonNull;

import dev.knot.ports.model.KnotException;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import io.undertow.util.HeaderValues;
import io.undertow.util.Headers;
import java.net.InetAddress;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The host a request was sent to, as the browser wrote it: the {@code Host} header, or {@code X-Forwarded-Host} when
 * the socket peer is a trusted proxy. The host decides which space a request reaches, so it is an authorisation
 * input: anyone else's {@code X-Forwarded-Host} is ignored, and a trusted proxy's must name exactly one well-formed
 * host. Undertow itself refuses, with 400, a repeated {@code Host}, one with bad characters or port, and an
 * absolute-form request line naming another host (WebPortHostsTest keeps it to that).
 *
 * @param value {@code name} or {@code name:port}, as sent; empty for an HTTP/1.0 request without a host
 */
record RequestHost(String value) {
    private static final AttachmentKey<RequestHost> KEY = AttachmentKey.create(RequestHost.class);
    /** A DNS name or IPv4 address, or a bracketed IPv6 address; optionally a decimal port. */
    private static final Pattern HOST =
            Pattern.compile("([A-Za-z0-9_]([A-Za-z0-9_.-]*)|\\[[0-9A-Fa-f:.]+\\])(:[0-9]{1,5})?");

    RequestHost {
        requireNonNull(value, "value is null");
    }

    /** Finds the request's host and attaches it. @throws KnotException INVALID_ARGUMENT for a bad forwarded host */
    static RequestHost resolve(HttpServerExchange exchange, TrustedProxies trusted) {
        String sent = exchange.getRequestHeaders().getFirst(Headers.HOST);
        RequestHost host = new RequestHost(forwardedByTrustedProxy(exchange, trusted) ? forwardedHost(exchange)
                : sent == null ? "" : sent);
        exchange.putAttachment(KEY, host);
        return host;
    }

    /** The host {@link #resolve} attached. */
    static RequestHost of(HttpServerExchange exchange) {
        return requireNonNull(exchange.getAttachment(KEY), "the request's host was not resolved");
    }

    /** The name, lower-case, without the port or a final dot. */
    String name() {
        String lower = value.toLowerCase(Locale.ROOT);
        int colon = lower.lastIndexOf(':');
        String name = colon > lower.lastIndexOf(']') ? lower.substring(0, colon) : lower;
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }

    private static boolean forwardedByTrustedProxy(HttpServerExchange exchange, TrustedProxies trusted) {
        InetAddress peer = exchange.getSourceAddress().getAddress();
        return peer != null && !trusted.isEmpty() && trusted.contains(peer)
                && exchange.getRequestHeaders().contains(Headers.X_FORWARDED_HOST);
    }

    private static String forwardedHost(HttpServerExchange exchange) {
        HeaderValues values = exchange.getRequestHeaders().get(Headers.X_FORWARDED_HOST);
        String value = values.getFirst().trim();
        if (values.size() != 1 || !HOST.matcher(value).matches() || !validPort(value)) {
            throw KnotException.invalid("X-Forwarded-Host must name one host");
        }
        return value;
    }

    private static boolean validPort(String host) {
        int colon = host.lastIndexOf(':');
        if (colon <= host.lastIndexOf(']')) {
            return true;
        }
        int port = Integer.parseInt(host.substring(colon + 1));
        return port >= 1 && port <= 65_535;
    }
}
