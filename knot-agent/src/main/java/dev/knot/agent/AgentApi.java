package dev.knot.agent;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.RoutingHandler;
import io.undertow.server.handlers.BlockingHandler;
import io.undertow.util.Headers;
import io.undertow.util.StatusCodes;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's HTTP API on agent.listen (reference §4.4): /ping, the web terminal, authorized keys, and the proxies to
 * the space's web ports, code-server, web VNC and TCP ports.
 */
final class AgentApi implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AgentApi.class);
    private static final Pattern SHELL_NAME = Pattern.compile("[a-z]+");
    private static final long NO_LIMIT = -1;
    private static final long MAX_KEYS_BODY_BYTES = 64 * 1024;
    // The user name the original gave the web VNC server's Basic auth; templates set the VNC server up with it.
    private static final String VNC_USER = "knot";

    private final Undertow server;
    private final TcpTunnels tunnels = new TcpTunnels();

    AgentApi(AgentConfig config, CurrentRegistration current, AuthorizedKeys authorizedKeys, Path home,
            Map<String, String> environment) {
        requireNonNull(config, "config is null");
        requireNonNull(current, "current is null");
        requireNonNull(authorizedKeys, "authorizedKeys is null");
        ObjectMapper json = new ObjectMapper();
        RoutingHandler routes = Handlers.routing()
                .get("/ping", exchange -> sendJson(exchange, StatusCodes.OK, "{\"status\":true}"));
        RoutingHandler protectedRoutes = Handlers.routing();
        if (config.enableTerminal()) {
            HttpHandler terminal = Handlers.websocket(new TerminalEndpoint(home, environment));
            HttpHandler checked = exchange -> {
                String shell = exchange.getQueryParameters().get("shell").getFirst();
                if (!SHELL_NAME.matcher(shell).matches()) {
                    notFound(exchange);
                    return;
                }
                terminal.handleRequest(exchange);
            };
            // The matcher treats /terminal/{shell}/ as the same template.
            protectedRoutes.get("/terminal/{shell}", checked);
        }
        if (config.sshPort() > 0) {
            HttpHandler updateKeys = new BlockingHandler(exchange -> updateKeys(exchange, json, authorizedKeys));
            protectedRoutes.post("/update-authorized-keys", exchange -> {
                exchange.setMaxEntitySize(MAX_KEYS_BODY_BYTES);
                updateKeys.handleRequest(exchange);
            });
        }
        protectedRoutes.setFallbackHandler(AgentApi::notFound);
        HttpHandler proxies = new ProxyRoutes(webPorts(config), codeServer(config), vnc(config),
                ports(config.tcpPorts().keySet()), Handlers.websocket(tunnels), protectedRoutes);
        routes.setFallbackHandler(new BearerAuthHandler(current, proxies));
        routes.setInvalidMethodHandler(new BearerAuthHandler(current, proxies));
        this.server = Undertow.builder()
                .addHttpListener(config.listen().port(), config.listen().isWildcard() ? "0.0.0.0"
                        : config.listen().host())
                .setHandler(routes)
                // Bodies to the space's apps are streamed and may be any size, as with the original; Undertow's
                // default would refuse any request over 2 MiB. Routes that read a body set their own limit.
                .setServerOption(UndertowOptions.MAX_ENTITY_SIZE, NO_LIMIT)
                .build();
    }

    void start() {
        server.start();
    }

    /** The bound port; differs from the configured one when that was 0. */
    int port() {
        return ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
    }

    @Override
    public void close() {
        server.stop();
        tunnels.close();
    }

    /** The http ports, then the https ports that are not also http ports (the original looked in that order). */
    private static Map<Integer, LocalHttpProxy> webPorts(AgentConfig config) {
        Map<Integer, LocalHttpProxy> proxies = new HashMap<>();
        for (int port : ports(config.httpPorts().keySet())) {
            proxies.put(port, LocalHttpProxy.http(port));
        }
        for (int port : ports(config.httpsPorts().keySet())) {
            proxies.putIfAbsent(port, LocalHttpProxy.https(port));
        }
        return proxies;
    }

    private static Optional<LocalHttpProxy> codeServer(AgentConfig config) {
        return config.codeServerPort() > 0 ? Optional.of(LocalHttpProxy.http(config.codeServerPort()))
                : Optional.empty();
    }

    private static Optional<LocalHttpProxy> vnc(AgentConfig config) {
        if (config.vncHttpPort() <= 0) {
            return Optional.empty();
        }
        if (config.servicePassword().isEmpty()) {
            // As the original, the VNC server still gets "knot:" with no password; a server set up with one refuses it.
            LOG.warn("agent.port.vnc_http is set but agent.service_password (KNOT_SERVICE_PASSWORD) is empty: the web"
                    + " VNC server is sent user knot with an empty password");
        }
        return Optional.of(LocalHttpProxy.httpsWithBasicAuth(config.vncHttpPort(), VNC_USER,
                config.servicePassword()));
    }

    // The loader checked these port numbers already.
    private static Set<Integer> ports(Set<String> ports) {
        return ports.stream().map(Integer::valueOf).collect(Collectors.toUnmodifiableSet());
    }

    static void notFound(HttpServerExchange exchange) {
        sendJson(exchange, StatusCodes.NOT_FOUND, "{\"error\":\"not found\"}");
    }

    private static void updateKeys(HttpServerExchange exchange, ObjectMapper json, AuthorizedKeys authorizedKeys)
            throws IOException {
        JsonNode body;
        try {
            body = json.readTree(exchange.getInputStream());
        }
        catch (IOException malformed) {
            sendJson(exchange, StatusCodes.BAD_REQUEST, "{\"error\":\"invalid JSON\"}");
            return;
        }
        if (body == null || !body.isObject()) {
            sendJson(exchange, StatusCodes.BAD_REQUEST, "{\"error\":\"expected {key, github_username}\"}");
            return;
        }
        try {
            authorizedKeys.update(body.path("key").asText(""), body.path("github_username").asText(""));
        }
        catch (IOException unwritable) {
            LOG.warn("cannot update authorized_keys: {}", unwritable.getMessage());
            sendJson(exchange, StatusCodes.INTERNAL_SERVER_ERROR, "{\"error\":\"cannot write authorized_keys\"}");
            return;
        }
        sendJson(exchange, StatusCodes.OK, "{\"status\":true}");
    }

    private static void sendJson(HttpServerExchange exchange, int status, String body) {
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
        exchange.getResponseSender().send(body);
    }
}
