package dev.knot.agent;

import static java.util.Objects.requireNonNull;

import io.undertow.Undertow;
import io.undertow.protocols.ssl.UndertowXnioSsl;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.proxy.LoadBalancingProxyClient;
import io.undertow.server.handlers.proxy.ProxyCallback;
import io.undertow.server.handlers.proxy.ProxyClient;
import io.undertow.server.handlers.proxy.ProxyConnection;
import io.undertow.server.handlers.proxy.ProxyHandler;
import io.undertow.util.HeaderMap;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.xnio.OptionMap;
import org.xnio.Xnio;
import org.xnio.ssl.XnioSsl;

/**
 * Reverse proxy to one service of the space on 127.0.0.1 (reference §4.4), built on Undertow's ProxyHandler, so
 * bodies stream both ways without being buffered and websocket upgrades pass through.
 *
 * <p>The agent's bearer is not forwarded to the service; a proxy made with {@link #httpsWithBasicAuth} sends its own
 * fixed credentials in its place. Like the original (Go's ReverseProxy), the caller is appended to X-Forwarded-For
 * and any other X-Forwarded-* header the server sent is passed on; unlike Undertow's default, none of those is made
 * up here, because a made-up X-Forwarded-Host or -Proto would name the agent's internal address and scheme, and apps
 * that honour them would build wrong links.
 */
final class LocalHttpProxy {
    private static final String LOOPBACK = "127.0.0.1";
    private static final HttpString HTTP2_SETTINGS = new HttpString("HTTP2-Settings");
    private static final Set<HttpString> NEVER_INVENTED = Set.of(Headers.X_FORWARDED_PROTO, Headers.X_FORWARDED_HOST,
            Headers.X_FORWARDED_SERVER, Headers.X_FORWARDED_PORT);
    // Go's transport in the original allowed 64 connections per port; upgraded (websocket) connections count too.
    private static final int CONNECTIONS_PER_IO_THREAD = 32;
    // Requests over the connection limit wait for a free connection instead of failing with 503.
    private static final int WAITING_REQUESTS_PER_IO_THREAD = 256;

    private final ProxyHandler proxy;
    // The whole header value; it holds a password, so it is never logged and the class has no toString naming it.
    private final Optional<String> authorization;

    private LocalHttpProxy(URI target, XnioSsl ssl, Optional<String> authorization) {
        this.authorization = authorization;
        LoadBalancingProxyClient pool = new LoadBalancingProxyClient()
                .setConnectionsPerThread(CONNECTIONS_PER_IO_THREAD)
                .setMaxQueueSize(WAITING_REQUESTS_PER_IO_THREAD)
                .addHost(target, ssl);
        this.proxy = ProxyHandler.builder()
                .setProxyClient(new OwnHeadersOnly(pool))
                .setReuseXForwarded(true)
                .build();
    }

    /** Plain HTTP to {@code 127.0.0.1:port}. */
    static LocalHttpProxy http(int port) {
        return new LocalHttpProxy(URI.create("http://" + LOOPBACK + ":" + port), null, Optional.empty());
    }

    /** HTTPS to {@code 127.0.0.1:port} without certificate checks, as the original: such certificates are self-made. */
    static LocalHttpProxy https(int port) {
        return https(port, Optional.empty());
    }

    /**
     * HTTPS as {@link #https}, every request (websocket handshakes included) carrying {@code Authorization: Basic}
     * with {@code user:password}. This is how the original reached a web VNC server that asks for a login: the
     * password is the space's service password, which the template also gave the VNC server.
     */
    static LocalHttpProxy httpsWithBasicAuth(int port, String user, String password) {
        requireNonNull(user, "user is null");
        requireNonNull(password, "password is null");
        byte[] credentials = (user + ":" + password).getBytes(StandardCharsets.UTF_8);
        return https(port, Optional.of("Basic " + Base64.getEncoder().encodeToString(credentials)));
    }

    private static LocalHttpProxy https(int port, Optional<String> authorization) {
        // The certificate is not checked: the connection never leaves the host (127.0.0.1), so there is no network
        // to protect it from, and services on such ports (KasmVNC, dev servers) make their own self-signed
        // certificates that there is nothing to check against. What answers is whatever listens on the port, the
        // same trust as for the plain http ports.
        XnioSsl ssl = new UndertowXnioSsl(Xnio.getInstance(Undertow.class.getClassLoader()), OptionMap.EMPTY,
                TrustingEverything.sslContext());
        return new LocalHttpProxy(URI.create("https://" + LOOPBACK + ":" + port), ssl, authorization);
    }

    /**
     * Sends the exchange to the service as {@code path} (raw, as received, "" meaning "/") plus the original query
     * string.
     */
    void forward(HttpServerExchange exchange, String path) throws Exception {
        requireNonNull(path, "path is null");
        HeaderMap headers = exchange.getRequestHeaders();
        // The caller's Authorization is the server's bearer for this agent: it never reaches the service.
        headers.remove(Headers.AUTHORIZATION);
        authorization.ifPresent(credentials -> headers.put(Headers.AUTHORIZATION, credentials));
        if ("h2c".equalsIgnoreCase(headers.getFirst(Headers.UPGRADE))) {
            // An offer to switch to HTTP/2 is meant for this hop, and the agent declines it by answering in
            // HTTP/1.1; passed on, it would let the app switch protocols under the proxy's feet.
            headers.remove(Headers.UPGRADE);
            headers.remove(HTTP2_SETTINGS);
            headers.remove(Headers.CONNECTION);
        }
        exchange.setRequestURI(path.isEmpty() ? "/" : path, false);
        // ProxyHandler strips the resolved path from the URI; the path given here is already the one to send.
        exchange.setResolvedPath("");
        proxy.handleRequest(exchange);
    }

    /** Hands out the pool's connections wrapped so that they drop the X-Forwarded-* headers the caller did not send. */
    private static final class OwnHeadersOnly implements ProxyClient {
        private final ProxyClient pool;

        OwnHeadersOnly(ProxyClient pool) {
            this.pool = pool;
        }

        @Override
        public ProxyTarget findTarget(HttpServerExchange exchange) {
            return pool.findTarget(exchange);
        }

        @Override
        public List<ProxyTarget> getAllTargets() {
            return pool.getAllTargets();
        }

        @Override
        public void getConnection(ProxyTarget target, HttpServerExchange exchange,
                ProxyCallback<ProxyConnection> callback, long timeout, TimeUnit timeUnit) {
            Set<HttpString> invented = invented(exchange.getRequestHeaders());
            pool.getConnection(target, exchange, new ProxyCallback<>() {
                @Override
                public void completed(HttpServerExchange completed, ProxyConnection connection) {
                    callback.completed(completed, new ProxyConnection(
                            new HeaderDroppingConnection(connection.getConnection(), invented),
                            connection.getTargetPath()));
                }

                @Override
                public void failed(HttpServerExchange failed) {
                    callback.failed(failed);
                }

                @Override
                public void couldNotResolveBackend(HttpServerExchange unresolved) {
                    callback.couldNotResolveBackend(unresolved);
                }

                @Override
                public void queuedRequestFailed(HttpServerExchange queued) {
                    callback.queuedRequestFailed(queued);
                }
            }, timeout, timeUnit);
        }

        private static Set<HttpString> invented(HeaderMap received) {
            Set<HttpString> invented = new HashSet<>();
            for (HttpString header : NEVER_INVENTED) {
                if (!received.contains(header)) {
                    invented.add(header);
                }
            }
            return invented;
        }
    }
}
