package dev.knot.agent;

import static java.util.Objects.requireNonNull;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The agent's proxy routes (reference §4.4), matched on the raw request path so that what is checked is exactly what
 * is forwarded (an encoded character never turns into a port or a prefix after the check):
 *
 * <ul>
 *   <li>{@code /http/{port}/…} → the http or https port {@code port}, with {@code /http/{port}} stripped;
 *   <li>{@code /code-server/…} → code-server, with {@code /code-server} stripped;
 *   <li>{@code /vnc/…} → the web VNC server, with {@code /vnc} stripped;
 *   <li>{@code /tcp/{port}} → a websocket tunnel to the TCP port {@code port}.
 * </ul>
 *
 * A port the agent does not report, or that is not plain decimal 1–65535, is 404 like any unknown path, so the
 * answer does not tell which ports exist (the original answered 403); so are code-server and VNC when the agent has
 * no port for them. Everything else goes to {@code next}.
 */
final class ProxyRoutes implements HttpHandler {
    private static final String HTTP = "/http/";
    private static final String CODE_SERVER = "/code-server";
    private static final String VNC = "/vnc";
    private static final String TCP = "/tcp/";

    private final Map<Integer, LocalHttpProxy> webPorts;
    private final Optional<LocalHttpProxy> codeServer;
    private final Optional<LocalHttpProxy> vnc;
    private final Set<Integer> tcpPorts;
    private final HttpHandler tunnelHandshake;
    private final HttpHandler next;

    /**
     * @param tunnelHandshake the websocket handshake for tunnels; it finds the checked port in
     *                        {@link TcpTunnels#PORT}
     */
    ProxyRoutes(Map<Integer, LocalHttpProxy> webPorts, Optional<LocalHttpProxy> codeServer,
            Optional<LocalHttpProxy> vnc, Set<Integer> tcpPorts, HttpHandler tunnelHandshake, HttpHandler next) {
        this.webPorts = Map.copyOf(requireNonNull(webPorts, "webPorts is null"));
        this.codeServer = requireNonNull(codeServer, "codeServer is null");
        this.vnc = requireNonNull(vnc, "vnc is null");
        this.tcpPorts = Set.copyOf(requireNonNull(tcpPorts, "tcpPorts is null"));
        this.tunnelHandshake = requireNonNull(tunnelHandshake, "tunnelHandshake is null");
        this.next = requireNonNull(next, "next is null");
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        String path = rawPath(exchange);
        if (path.startsWith(HTTP)) {
            webPort(exchange, path.substring(HTTP.length()));
            return;
        }
        Optional<String> codeServerPath = below(path, CODE_SERVER);
        if (codeServerPath.isPresent() && codeServer.isPresent()) {
            codeServer.get().forward(exchange, codeServerPath.get());
            return;
        }
        Optional<String> vncPath = below(path, VNC);
        if (vncPath.isPresent() && vnc.isPresent()) {
            vnc.get().forward(exchange, vncPath.get());
            return;
        }
        if (path.startsWith(TCP)) {
            tunnel(exchange, path.substring(TCP.length()));
            return;
        }
        next.handleRequest(exchange);
    }

    private void webPort(HttpServerExchange exchange, String portAndPath) throws Exception {
        int slash = portAndPath.indexOf('/');
        String port = slash < 0 ? portAndPath : portAndPath.substring(0, slash);
        OptionalInt number = StrictPort.parse(port);
        LocalHttpProxy proxy = number.isPresent() ? webPorts.get(number.getAsInt()) : null;
        if (proxy == null) {
            AgentApi.notFound(exchange);
            return;
        }
        proxy.forward(exchange, portAndPath.substring(port.length()));
    }

    private void tunnel(HttpServerExchange exchange, String portAndSlash) throws Exception {
        String port = portAndSlash.endsWith("/") ? portAndSlash.substring(0, portAndSlash.length() - 1) : portAndSlash;
        OptionalInt number = StrictPort.parse(port);
        if (number.isEmpty() || !tcpPorts.contains(number.getAsInt())) {
            AgentApi.notFound(exchange);
            return;
        }
        exchange.putAttachment(TcpTunnels.PORT, number.getAsInt());
        tunnelHandshake.handleRequest(exchange);
    }

    /** What follows {@code prefix} when the path is the prefix itself or continues below it with a slash. */
    private static Optional<String> below(String path, String prefix) {
        if (path.equals(prefix)) {
            return Optional.of("");
        }
        return path.startsWith(prefix + "/") ? Optional.of(path.substring(prefix.length())) : Optional.empty();
    }

    /** The request path as the client wrote it (not decoded), without scheme and host in an absolute-form request. */
    private static String rawPath(HttpServerExchange exchange) {
        String uri = exchange.getRequestURI();
        if (!exchange.isHostIncludedInRequestURI()) {
            return uri;
        }
        int authority = uri.indexOf("//");
        int path = authority < 0 ? -1 : uri.indexOf('/', authority + 2);
        return path < 0 ? "/" : uri.substring(path);
    }
}
