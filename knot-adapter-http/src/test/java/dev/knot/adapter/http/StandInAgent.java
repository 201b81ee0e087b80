package dev.knot.adapter.http;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderValues;
import io.undertow.util.Headers;
import io.undertow.util.StatusCodes;
import io.undertow.websockets.core.AbstractReceiveListener;
import io.undertow.websockets.core.BufferedTextMessage;
import io.undertow.websockets.core.WebSocketChannel;
import io.undertow.websockets.core.WebSockets;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A space's agent and the app behind it, on a real loopback socket. Like the agent it takes only its bearer, serves
 * {@code /http/{port}/…} for the ports it was given (the prefix stripped) and {@code /code-server/…}; unlike it, it
 * passes {@code Authorization} on, so tests see exactly what knot sent. The "app" answers:
 *
 * <ul>
 *   <li>{@code /ws}: a websocket that echoes text messages;
 *   <li>{@code /set-cookies}: a response with the cookies a hostile app might set;
 *   <li>{@code /upload}: the body's size and SHA-256, opening {@link #uploadStarted} after the first MiB;
 *   <li>{@code /download?bytes=N}: N bytes of {@link #patternByte};
 *   <li>{@code /stream}: a first line, then, once {@link #releaseStream} is open, a second;
 *   <li>anything else: the request as it arrived, as JSON ({@link #requests} records it too).
 * </ul>
 */
final class StandInAgent implements AutoCloseable {
    static final int MIB = 1024 * 1024;
    static final long WAIT_SECONDS = 20;

    /** Requests that reached the app, however they were answered. */
    final BlockingQueue<Map<String, Object>> requests = new LinkedBlockingQueue<>();
    final CountDownLatch uploadStarted = new CountDownLatch(1);
    final CountDownLatch releaseStream = new CountDownLatch(1);

    private final ObjectMapper json = new ObjectMapper();
    private final Set<Integer> ports;
    private final Undertow server;
    private volatile String bearer;

    StandInAgent(String bearer, Set<Integer> ports) {
        this.bearer = bearer;
        this.ports = Set.copyOf(ports);
        HttpHandler echoSocket = Handlers.websocket((exchange, channel) -> {
            channel.getReceiveSetter().set(new AbstractReceiveListener() {
                @Override
                protected void onFullTextMessage(WebSocketChannel socket, BufferedTextMessage message) {
                    WebSockets.sendText("echo: " + message.getData(), socket, null);
                }
            });
            channel.resumeReceives();
        });
        this.server = Undertow.builder()
                .addHttpListener(0, "127.0.0.1")
                // As the real agent: the app decides how large a body may be.
                .setServerOption(UndertowOptions.MAX_ENTITY_SIZE, -1L)
                .setHandler(exchange -> route(exchange, echoSocket))
                .build();
        server.start();
    }

    int port() {
        return ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
    }

    String address() {
        return "127.0.0.1:" + port();
    }

    void expectBearer(String expected) {
        this.bearer = expected;
    }

    /** The n-th byte of a download. */
    static byte patternByte(long index) {
        return (byte) (index % 251);
    }

    @Override
    public void close() {
        server.stop();
    }

    private void route(HttpServerExchange exchange, HttpHandler echoSocket) throws Exception {
        if (!("Bearer " + bearer).equals(exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION))) {
            exchange.setStatusCode(StatusCodes.UNAUTHORIZED);
            exchange.getResponseSender().send("{\"error\":\"bearer\"}");
            return;
        }
        String uri = exchange.getRequestURI();
        String appPath;
        if (uri.startsWith("/http/")) {
            String portAndPath = uri.substring("/http/".length());
            int slash = portAndPath.indexOf('/');
            String port = slash < 0 ? portAndPath : portAndPath.substring(0, slash);
            if (!port.matches("[1-9][0-9]{0,4}") || !ports.contains(Integer.parseInt(port))) {
                notFound(exchange);
                return;
            }
            appPath = slash < 0 ? "/" : portAndPath.substring(slash);
        } else if (uri.equals("/code-server") || uri.startsWith("/code-server/")) {
            appPath = uri.substring("/code-server".length());
        } else {
            notFound(exchange);
            return;
        }
        requests.add(describe(exchange, appPath));
        if (appPath.equals("/ws")) {
            echoSocket.handleRequest(exchange);
            return;
        }
        exchange.dispatch(blocking -> {
            blocking.startBlocking();
            app(blocking, appPath);
        });
    }

    private void app(HttpServerExchange exchange, String path) throws Exception {
        switch (path) {
            case "/set-cookies" -> {
                for (String cookie : List.of("app=1; Path=/", "prefs=dark; Path=/; HttpOnly",
                        "tossed=1; Domain=.knot.example.com; Path=/", "parent=1; Path=/; domain=knot.example.com",
                        "__KNOT_WEBUI_SESSION=attacker; Path=/", "__Host-__KNOT_WEBUI_SESSION=attacker; Path=/; Secure",
                        "knot_webport_pass=forged; Path=/", "__Host-KNOT_WEBPORT_PASS=forged; Path=/; Secure")) {
                    exchange.getResponseHeaders().add(Headers.SET_COOKIE, cookie);
                }
                exchange.getResponseSender().send("cookies");
            }
            case "/upload" -> {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                long total = 0;
                byte[] buffer = new byte[64 * 1024];
                InputStream in = exchange.getInputStream();
                for (int read = in.read(buffer); read != -1; read = in.read(buffer)) {
                    sha.update(buffer, 0, read);
                    total += read;
                    if (total >= MIB) {
                        uploadStarted.countDown();
                    }
                }
                sendJson(exchange, Map.of("bytes", total, "sha256", HexFormat.of().formatHex(sha.digest())));
            }
            case "/download" -> {
                long size = Long.parseLong(exchange.getQueryParameters().get("bytes").getFirst());
                exchange.getResponseHeaders().put(Headers.CONTENT_LENGTH, size);
                OutputStream out = exchange.getOutputStream();
                byte[] chunk = new byte[64 * 1024];
                for (long sent = 0; sent < size; sent += chunk.length) {
                    int length = (int) Math.min(chunk.length, size - sent);
                    for (int index = 0; index < length; index++) {
                        chunk[index] = patternByte(sent + index);
                    }
                    out.write(chunk, 0, length);
                }
                out.close();
            }
            case "/stream" -> {
                OutputStream out = exchange.getOutputStream();
                out.write("first\n".getBytes(UTF_8));
                out.flush();
                if (!releaseStream.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the test never read the first line");
                }
                out.write("second\n".getBytes(UTF_8));
                out.close();
            }
            default -> sendJson(exchange, describe(exchange, path));
        }
    }

    private Map<String, Object> describe(HttpServerExchange exchange, String path) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (HeaderValues values : exchange.getRequestHeaders()) {
            headers.put(values.getHeaderName().toString().toLowerCase(java.util.Locale.ROOT), new ArrayList<>(values));
        }
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("method", exchange.getRequestMethod().toString());
        request.put("path", path);
        request.put("query", exchange.getQueryString());
        request.put("headers", headers);
        return request;
    }

    private void sendJson(HttpServerExchange exchange, Object body) throws Exception {
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
        exchange.getResponseSender().send(json.writeValueAsString(body));
    }

    private static void notFound(HttpServerExchange exchange) {
        exchange.setStatusCode(StatusCodes.NOT_FOUND);
        exchange.getResponseSender().send("{\"error\":\"not found\"}");
    }
}
