package dev.knot.agent;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.RoutingHandler;
import io.undertow.server.handlers.BlockingHandler;
import io.undertow.util.Headers;
import io.undertow.util.StatusCodes;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The agent's HTTP API on agent.listen (reference §4.4): /ping, the web terminal, authorized keys. */
final class AgentApi implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AgentApi.class);
    private static final Pattern SHELL_NAME = Pattern.compile("[a-z]+");

    private final Undertow server;

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
                    sendJson(exchange, StatusCodes.NOT_FOUND, "{\"error\":\"not found\"}");
                    return;
                }
                terminal.handleRequest(exchange);
            };
            // The matcher treats /terminal/{shell}/ as the same template.
            protectedRoutes.get("/terminal/{shell}", checked);
        }
        if (config.sshPort() > 0) {
            protectedRoutes.post("/update-authorized-keys",
                    new BlockingHandler(exchange -> updateKeys(exchange, json, authorizedKeys)));
        }
        protectedRoutes.setFallbackHandler(
                exchange -> sendJson(exchange, StatusCodes.NOT_FOUND, "{\"error\":\"not found\"}"));
        routes.setFallbackHandler(new BearerAuthHandler(current, protectedRoutes));
        routes.setInvalidMethodHandler(new BearerAuthHandler(current, protectedRoutes));
        this.server = Undertow.builder()
                .addHttpListener(config.listen().port(), config.listen().isWildcard() ? "0.0.0.0"
                        : config.listen().host())
                .setHandler(routes)
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
