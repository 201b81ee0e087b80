package dev.knot.adapter.nomad;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A canned Nomad: answers "METHOD /path" with a fixed status and body (text/plain for errors, JSON otherwise, with
 * the X-Nomad-* headers the SDK needs), or never answers, or drops the connection. Records every request.
 */
final class StubNomad implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final CountDownLatch released = new CountDownLatch(1);

    record Request(String method, String path, String query, Map<String, List<String>> headers, String body) {
        List<String> header(String name) {
            return headers.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .flatMap(entry -> entry.getValue().stream()).toList();
        }

        String line() {
            return method + " " + path + (query == null ? "" : "?" + query);
        }
    }

    private sealed interface Answer permits Respond, Hang, Drop {}

    private record Respond(int status, String body) implements Answer {}

    private record Hang() implements Answer {}

    private record Drop() implements Answer {}

    StubNomad() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    URI address() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    StubNomad answer(String methodAndPath, int status, String body) {
        answers.put(methodAndPath, new Respond(status, body));
        return this;
    }

    StubNomad hang(String methodAndPath) {
        answers.put(methodAndPath, new Hang());
        return this;
    }

    StubNomad drop(String methodAndPath) {
        answers.put(methodAndPath, new Drop());
        return this;
    }

    List<Request> requests() {
        return new ArrayList<>(requests);
    }

    List<String> lines() {
        return requests.stream().map(Request::line).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        URI uri = exchange.getRequestURI();
        requests.add(new Request(exchange.getRequestMethod(), uri.getPath(), uri.getRawQuery(),
                Map.copyOf(exchange.getRequestHeaders()), body));
        Answer answer = answers.getOrDefault(exchange.getRequestMethod() + " " + uri.getPath(), new Respond(404, ""));
        try {
            if (answer instanceof Hang) {
                released.await(1, TimeUnit.MINUTES);
                return;
            }
            if (answer instanceof Drop) {
                return;
            }
            Respond respond = (Respond) answer;
            byte[] bytes = respond.body().getBytes(StandardCharsets.UTF_8);
            boolean ok = respond.status() == 200;
            exchange.getResponseHeaders().set("Content-Type",
                    ok ? "application/json" : "text/plain; charset=utf-8");
            exchange.getResponseHeaders().set("X-Nomad-Index", "7");
            exchange.getResponseHeaders().set("X-Nomad-KnownLeader", "true");
            exchange.getResponseHeaders().set("X-Nomad-LastContact", "0");
            exchange.sendResponseHeaders(respond.status(), bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } finally {
            // Closing without response headers drops the connection: the client reads no status line.
            exchange.close();
        }
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
