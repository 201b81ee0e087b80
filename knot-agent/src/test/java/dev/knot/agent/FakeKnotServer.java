package dev.knot.agent;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The server side of the agent routes, scripted: each call answers with the next queued status code. Registration
 * number N gets access token "token-N" and server token "server-token-N".
 */
final class FakeKnotServer implements AutoCloseable {
    /** One call as the server saw it. */
    record Call(String method, String path, String authorization, String body) {}

    private final HttpServer server;
    private final Deque<Integer> registrationAnswers = new ArrayDeque<>();
    private final Deque<Integer> reportAnswers = new ArrayDeque<>();
    private final List<Call> calls = new ArrayList<>();
    private int tokensIssued;
    private boolean serverTokens = true;

    FakeKnotServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/agents/", this::handle);
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    synchronized void answerRegistrations(Integer... statuses) {
        registrationAnswers.addAll(List.of(statuses));
    }

    synchronized void answerReports(Integer... statuses) {
        reportAnswers.addAll(List.of(statuses));
    }

    /** Answers registrations like the original server: the access token only, no server_token. */
    synchronized void withoutServerTokens() {
        serverTokens = false;
    }

    synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    private synchronized void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        calls.add(new Call(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                exchange.getRequestHeaders().getFirst("Authorization"), body));
        boolean registration = exchange.getRequestMethod().equals("POST");
        Integer queued = (registration ? registrationAnswers : reportAnswers).poll();
        int status = queued == null ? 200 : queued;
        String answer = "{}";
        if (registration && status == 200) {
            tokensIssued++;
            answer = "{\"status\":true,\"access_token\":\"token-" + tokensIssued + "\","
                    + (serverTokens ? "\"server_token\":\"server-token-" + tokensIssued + "\"," : "")
                    + "\"server_url\":\"" + uri()
                    + "\",\"ssh_key\":\"ssh-ed25519 AAAA user\",\"github_username\":\"\"}";
        }
        else if (status == 200) {
            answer = "{\"status\":true}";
        }
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
