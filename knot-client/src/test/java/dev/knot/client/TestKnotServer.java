package dev.knot.client;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.BlockingHandler;
import io.undertow.util.Headers;
import io.undertow.websockets.WebSocketConnectionCallback;
import io.undertow.websockets.core.AbstractReceiveListener;
import io.undertow.websockets.core.BufferedBinaryMessage;
import io.undertow.websockets.core.CloseMessage;
import io.undertow.websockets.core.WebSocketChannel;
import io.undertow.websockets.core.WebSockets;
import io.undertow.websockets.spi.WebSocketHttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;

/**
 * A stand-in for a knot server on a real socket: the REST answers the client commands need, with the real server's
 * paths and JSON fields, and the two tunnel websockets. How a tunnel behaves depends on the space's name:
 * <ul>
 *   <li>{@code echo}: sends back every binary frame, each preceded by an empty keepalive frame;
 *   <li>{@code hello-text}: sends "hello" in a binary frame, then a text frame;
 *   <li>{@code hello-close}: sends "hello", then closes;
 *   <li>{@code revoked}: closes with 1008 and a reason, as the real server does when the token has ended;
 *   <li>anything else: receives and records, sends nothing.
 * </ul>
 */
final class TestKnotServer implements AutoCloseable {
    static final String EMAIL = "alice@example.com";
    static final String PASSWORD = "a long passphrase";
    static final String SESSION = "session-secret-5e55i0n";
    static final String TOKEN = "api-token-secret-70ken";
    static final String USER_ID = "0190a5c4-1111-7000-8000-000000000001";
    static final String VERSION = "0.1.0-test";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SERVICE_STATE = Pattern.compile("/api/v1/spaces/([^/]+)/service-state");
    private static final Pattern TUNNEL = Pattern.compile("/proxy/spaces/([^/]+)/(ssh|port/(\\d+))");

    /** One request as it arrived. */
    record Request(String method, String path, String query, Optional<String> authorization, String body) {}

    /** A space of the stand-in, with its service state. */
    record Space(String id, String name, boolean deployed, boolean pending, boolean hasSsh) {
        /** The real server's state name for the original's two flags. */
        String state() {
            if (deployed) {
                return pending ? "stopping" : "running";
            }
            return pending ? "starting" : "stopped";
        }
    }

    final List<Request> requests = new CopyOnWriteArrayList<>();
    final List<Space> spaces = new CopyOnWriteArrayList<>();
    /** The names of tokens created, in order. */
    final List<String> tokenNames = new CopyOnWriteArrayList<>();
    /** The paths of tunnels opened, in order. */
    final List<String> tunnels = new CopyOnWriteArrayList<>();
    /** Bytes received on the tunnels of non-echo spaces, by space name. */
    final Map<String, ByteArrayOutputStream> received = new ConcurrentHashMap<>();
    final AtomicInteger keepalivesReceived = new AtomicInteger();
    final AtomicInteger closesReceived = new AtomicInteger();
    /** When set, every tunnel handshake is answered with this status. */
    volatile int tunnelRefusal;
    private volatile boolean sessionOpen = true;

    private final Undertow undertow;
    private final ServerAddress address;

    private TestKnotServer(Optional<SSLContext> tls) {
        HttpHandler tunnels = Handlers.websocket(this::tunnelOpened);
        HttpHandler rest = new BlockingHandler(this::rest);
        HttpHandler root = exchange -> {
            Matcher tunnel = TUNNEL.matcher(exchange.getRequestPath());
            if (!tunnel.matches()) {
                rest.handleRequest(exchange);
            } else if (!bearer(exchange).equals(Optional.of(TOKEN))) {
                error(exchange, 401, "Authentication token is not valid");
            } else if (tunnelRefusal != 0) {
                error(exchange, tunnelRefusal, "refused");
            } else {
                this.tunnels.add(exchange.getRequestPath());
                tunnels.handleRequest(exchange);
            }
        };
        Undertow.Builder builder = Undertow.builder().setIoThreads(2).setWorkerThreads(4).setHandler(root);
        if (tls.isPresent()) {
            builder.addHttpsListener(0, "127.0.0.1", tls.get());
        } else {
            builder.addHttpListener(0, "127.0.0.1");
        }
        undertow = builder.build();
        undertow.start();
        InetSocketAddress bound = (InetSocketAddress) undertow.getListenerInfo().get(0).getAddress();
        address = ServerAddress.parse((tls.isPresent() ? "https" : "http") + "://127.0.0.1:" + bound.getPort());
    }

    static TestKnotServer start() {
        return new TestKnotServer(Optional.empty());
    }

    static TestKnotServer startHttps(SSLContext tls) {
        return new TestKnotServer(Optional.of(tls));
    }

    ServerAddress address() {
        return address;
    }

    KnotServer knotServer() {
        return KnotServer.at(address, false);
    }

    boolean sessionOpen() {
        return sessionOpen;
    }

    List<Request> requestsTo(String path) {
        return requests.stream().filter(request -> request.path().equals(path)).toList();
    }

    @Override
    public void close() {
        undertow.stop();
    }

    private void rest(HttpServerExchange exchange) throws IOException {
        String body = new String(exchange.getInputStream().readAllBytes(), UTF_8);
        String path = exchange.getRequestPath();
        String method = exchange.getRequestMethod().toString();
        requests.add(new Request(method, path, exchange.getQueryString(), header(exchange, "Authorization"), body));
        Optional<String> bearer = bearer(exchange);
        boolean session = sessionOpen && bearer.equals(Optional.of(SESSION));
        boolean authenticated = session || bearer.equals(Optional.of(TOKEN));
        if (method.equals("POST") && path.equals("/api/v1/auth")) {
            JsonNode login = JSON.readTree(body);
            if (login.path("email").asText().equals(EMAIL) && login.path("password").asText().equals(PASSWORD)) {
                sessionOpen = true;
                send(exchange, 200, Map.of("status", true, "token", SESSION));
            } else {
                error(exchange, 401, "invalid email or password");
            }
        } else if (!authenticated) {
            error(exchange, 401, "Authentication token is not valid");
        } else if (method.equals("POST") && path.equals("/api/v1/auth/logout")) {
            sessionOpen = sessionOpen && !session;
            send(exchange, 200, Map.of("status", session));
        } else if (method.equals("POST") && path.equals("/api/v1/tokens")) {
            tokenNames.add(JSON.readTree(body).path("name").asText());
            send(exchange, 201, Map.of("status", true, "token_id", "0190a5c4-2222-7000-8000-000000000002",
                    "token", TOKEN));
        } else if (method.equals("GET") && path.equals("/api/v1/ping")) {
            send(exchange, 200, Map.of("status", true, "version", VERSION));
        } else if (method.equals("GET") && path.equals("/api/v1/users/whoami")) {
            send(exchange, 200, Map.of("user_id", USER_ID, "username", "alice", "email", EMAIL, "current", true));
        } else if (method.equals("GET") && path.equals("/api/v1/spaces")) {
            List<Map<String, Object>> listed = USER_ID.equals(exchange.getQueryParameters().get("user_id").peek())
                    ? spaces.stream().map(space -> Map.<String, Object>of("space_id", space.id(), "name",
                            space.name(), "user_id", USER_ID)).toList()
                    : List.of();
            send(exchange, 200, Map.of("count", listed.size(), "spaces", listed));
        } else if (method.equals("GET") && SERVICE_STATE.matcher(path).matches()) {
            Matcher matcher = SERVICE_STATE.matcher(path);
            matcher.matches();
            Optional<Space> found = spaces.stream().filter(space -> space.id().equals(matcher.group(1))).findFirst();
            if (found.isEmpty()) {
                error(exchange, 404, "not found");
                return;
            }
            Space space = found.get();
            send(exchange, 200, Map.of("name", space.name(), "has_ssh", space.hasSsh(), "is_deployed",
                    space.deployed(), "is_pending", space.pending(), "is_deleting", false, "state", space.state()));
        } else {
            error(exchange, 404, "not found");
        }
    }

    private void tunnelOpened(WebSocketHttpExchange exchange, WebSocketChannel channel) {
        Matcher tunnel = TUNNEL.matcher(exchange.getRequestURI().replaceFirst("\\?.*", ""));
        String space = tunnel.matches() ? tunnel.group(1) : "";
        channel.getReceiveSetter().set(new AbstractReceiveListener() {
            @Override
            protected void onFullBinaryMessage(WebSocketChannel from, BufferedBinaryMessage message) {
                var data = message.getData();
                byte[] bytes;
                try {
                    bytes = bytes(data.getResource());
                } finally {
                    data.free();
                }
                if (bytes.length == 0) {
                    keepalivesReceived.incrementAndGet();
                } else if (space.equals("echo")) {
                    WebSockets.sendBinary(ByteBuffer.allocate(0), from, null);
                    WebSockets.sendBinary(ByteBuffer.wrap(bytes), from, null);
                } else {
                    ByteArrayOutputStream sink = received.computeIfAbsent(space, name -> new ByteArrayOutputStream());
                    synchronized (sink) {
                        sink.writeBytes(bytes);
                    }
                }
            }

            @Override
            protected void onCloseMessage(CloseMessage message, WebSocketChannel from) {
                closesReceived.incrementAndGet();
            }
        });
        channel.resumeReceives();
        if (space.equals("hello-text")) {
            WebSockets.sendBinary(ByteBuffer.wrap("hello".getBytes(UTF_8)), channel, null);
            WebSockets.sendText("this ends the tunnel", channel, null);
        } else if (space.equals("hello-close")) {
            WebSockets.sendBinary(ByteBuffer.wrap("hello".getBytes(UTF_8)), channel, null);
            WebSockets.sendClose(CloseMessage.NORMAL_CLOSURE, "", channel, null);
        } else if (space.equals("revoked")) {
            WebSockets.sendClose(CloseMessage.MSG_VIOLATES_POLICY, "the session or token has ended\u001b[2J", channel,
                    null);
        }
    }

    private static byte[] bytes(ByteBuffer[] buffers) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (ByteBuffer buffer : buffers) {
            byte[] part = new byte[buffer.remaining()];
            buffer.get(part);
            all.writeBytes(part);
        }
        return all.toByteArray();
    }

    private static Optional<String> header(HttpServerExchange exchange, String name) {
        return Optional.ofNullable(exchange.getRequestHeaders().getFirst(name));
    }

    private static Optional<String> bearer(HttpServerExchange exchange) {
        return header(exchange, "Authorization").filter(value -> value.startsWith("Bearer "))
                .map(value -> value.substring("Bearer ".length()));
    }

    private static void error(HttpServerExchange exchange, int status, String message) throws IOException {
        send(exchange, status, Map.of("error", message, "code", "TEST"));
    }

    private static void send(HttpServerExchange exchange, int status, Object body) throws IOException {
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
        exchange.getResponseSender().send(ByteBuffer.wrap(JSON.writeValueAsBytes(body)));
    }
}
