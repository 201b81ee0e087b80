package dev.knot.agent;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.function.IntSupplier;

/** Requests to an agent under test on loopback, with the server's token as bearer where asked for. */
final class AgentRequests {
    private final HttpClient client = HttpClient.newHttpClient();
    private final IntSupplier port;
    private final String serverToken;

    /** @param port the agent's port, read at each request (the agent may start after this is made) */
    AgentRequests(IntSupplier port, String serverToken) {
        this.port = port;
        this.serverToken = serverToken;
    }

    HttpClient client() {
        return client;
    }

    HttpRequest.Builder authorized(String path) {
        return HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + serverToken);
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port.getAsInt() + path);
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
